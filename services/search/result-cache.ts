/**
 * Reader search results kept for a short while in a bounded store of their own: the same query
 * asked again (a word in the news, a link shared around, a reader paging back) is answered from
 * memory, and identical queries in flight share one database read. Not Next's data cache: every
 * distinct query would be an entry there, and random queries would push rendered pages out.
 *
 * Bounded by bytes (least recently used out first) and by age; emptied whenever cache tags expire
 * (a publish, an edit, an unpublish, here or on another server through Redis), so a change shows
 * in search as soon as on the pages. A story that goes live at its scheduled time shows within
 * the age limit at most.
 */

export interface SearchCacheOptions {
  maxBytes: number;
  ttlMs: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  bytes: number;
  storedAt: number;
}

export class SearchResultCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();
  private bytes = 0;
  /** Bumped by clear(): a read that started before it must not store what it found. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: SearchCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /** The cached value for `key`, or `load()`'s (shared with any identical call in flight). */
  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.options.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.storedAt < this.options.ttlMs) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    if (hit) this.remove(key);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const loading = load().then(
      (value) => {
        if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
        if (generation === this.generation) this.store(key, value);
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, loading);
    return loading;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.inFlight.clear();
    this.bytes = 0;
  }

  private store(key: string, value: V): void {
    // UTF-16 code units of the JSON: close to what V8 keeps for strings, which dominate a result.
    const bytes = 2 * (key.length + JSON.stringify(value).length);
    if (bytes > this.options.maxBytes / 4) return;
    this.remove(key);
    this.entries.set(key, { value, bytes, storedAt: this.now() });
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
