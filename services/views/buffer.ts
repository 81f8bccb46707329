import { DailySalt, SeenKeys } from './dedupe';

/** Buffered views of one article on one day (in the site's time zone). */
export interface PendingViews {
  articleId: number;
  day: string;
  views: number;
}

/** Counts taken out of a store for one flush: committed after the database write, else given back. */
export interface DrainedBatch {
  entries: PendingViews[];
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * Where increments wait between flushes, and what "seen recently" remembers. In memory for one
 * server; in Redis (same interface) when several servers share the counts.
 */
export interface ViewStore {
  readonly kind: 'memory' | 'redis';
  /** The day's salt for visitor hashes (shared between servers on Redis). */
  salt(day: string): Promise<string>;
  /**
   * Adds one view unless `visitor` (a salted hash) was seen within the dedupe window.
   * Answers whether it was counted.
   */
  add(articleId: number, day: string, visitor: string | null): Promise<boolean>;
  /** Takes every buffered count out for a flush; null when there is nothing (or another server flushes). */
  drain(): Promise<DrainedBatch | null>;
  /** Buffered (not yet flushed) views per article, for the fresh count shown to readers. */
  pending(articleIds: number[], days: string[]): Promise<Map<number, number>>;
  /** Number of buffered (article, day) pairs; 0 means nothing to flush. */
  size(): Promise<number>;
  close(): Promise<void>;
}

const SEP = '|';

export function pendingKey(articleId: number, day: string): string {
  return `${day}${SEP}${articleId}`;
}

export function parsePendingKey(key: string): { articleId: number; day: string } | null {
  const at = key.indexOf(SEP);
  if (at < 0) return null;
  const day = key.slice(0, at);
  const articleId = Number(key.slice(at + 1));
  if (!Number.isSafeInteger(articleId) || articleId <= 0 || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return { articleId, day };
}

/** One process: a Map of "day|articleId" → count, swapped out whole on each flush. */
export class MemoryViewStore implements ViewStore {
  readonly kind = 'memory' as const;
  private counts = new Map<string, number>();
  /** The batch being written: still part of the fresh count until the write commits. */
  private inFlight: Map<string, number> | null = null;
  private readonly seen: SeenKeys;
  private readonly salts = new DailySalt();

  constructor(dedupeMs: number) {
    this.seen = new SeenKeys(dedupeMs);
  }

  async salt(day: string): Promise<string> {
    return this.salts.get(day);
  }

  async add(articleId: number, day: string, visitor: string | null): Promise<boolean> {
    if (visitor !== null && this.seen.checkAndAdd(visitor)) return false;
    const key = pendingKey(articleId, day);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return true;
  }

  async drain(): Promise<DrainedBatch | null> {
    if (this.counts.size === 0) return null;
    const taken = this.counts;
    this.counts = new Map();
    this.inFlight = taken;
    const entries: PendingViews[] = [];
    for (const [key, views] of taken) {
      const parsed = parsePendingKey(key);
      if (parsed) entries.push({ ...parsed, views });
    }
    return {
      entries,
      commit: async () => {
        if (this.inFlight === taken) this.inFlight = null;
      },
      rollback: async () => {
        // The write failed: put the counts back so the next flush tries again.
        if (this.inFlight === taken) this.inFlight = null;
        for (const [key, views] of taken) this.counts.set(key, (this.counts.get(key) ?? 0) + views);
      },
    };
  }

  async pending(articleIds: number[], days: string[]): Promise<Map<number, number>> {
    const result = new Map<number, number>();
    for (const id of articleIds) {
      let sum = 0;
      for (const day of days) {
        const key = pendingKey(id, day);
        sum += (this.counts.get(key) ?? 0) + (this.inFlight?.get(key) ?? 0);
      }
      if (sum) result.set(id, sum);
    }
    return result;
  }

  async size(): Promise<number> {
    return this.counts.size;
  }

  async close(): Promise<void> {}
}
