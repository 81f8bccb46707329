// @ts-check
/**
 * A segmented LRU with a byte budget: a scan-resistant replacement policy for the page cache.
 *
 * New entries enter the probation segment. An entry that is read again, by a request other than
 * the one that stored it, moves to the protected segment (at most `protectedShare` of the budget);
 * when protected overflows, its least recently used entry drops back to the head of probation.
 * Only probation entries are evicted. A crawler that reads each archive page once therefore only
 * churns probation, and the pages readers come back to (front page, today's stories) stay.
 *
 * Every entry is charged its value's bytes (as measured by the caller) plus its key and a fixed
 * overhead; the sum never exceeds `maxBytes`. Both segments are Maps in recency order (oldest
 * first): reading an entry deletes and re-inserts it, which is O(1).
 */

/** Bytes charged per entry on top of its value and key: the node, its Map slot, the entry object. */
export const ENTRY_OVERHEAD_BYTES = 256;

/**
 * What V8 holds for a flat string: one byte per character when all are Latin-1, two otherwise.
 * @param {string} text
 */
export function stringBytes(text) {
  return /[\u0100-\uffff]/.test(text) ? text.length * 2 : text.length;
}

/**
 * @template V
 * @typedef {object} SlruNode
 * @property {V} value
 * @property {number} cost bytes charged: value + key + overhead
 * @property {boolean} isProtected
 * @property {unknown} owner who stored it: a read by the same owner does not promote
 */

/**
 * @typedef {object} SlruStats
 * @property {number} hits
 * @property {number} misses
 * @property {number} promotions
 * @property {number} demotions
 * @property {number} evictions
 * @property {number} rejected entries larger than probation, never stored
 */

/** @template V */
export class SegmentedLru {
  /**
   * @param {{ maxBytes: number, protectedShare?: number }} options
   */
  constructor({ maxBytes, protectedShare = 0.8 }) {
    if (!(maxBytes > 0)) throw new RangeError('maxBytes must be positive');
    if (!(protectedShare >= 0.5 && protectedShare < 1)) throw new RangeError('protectedShare must be in [0.5, 1)');
    this.maxBytes = maxBytes;
    this.protectedMaxBytes = Math.floor(maxBytes * protectedShare);
    /** An entry never costs more than probation's share, so it always fits next to a full protected segment. */
    this.maxEntryBytes = maxBytes - this.protectedMaxBytes;
    /** @type {Map<string, SlruNode<V>>} */
    this.probation = new Map();
    /** @type {Map<string, SlruNode<V>>} */
    this.protected = new Map();
    this.probationBytes = 0;
    this.protectedBytes = 0;
    /** @type {SlruStats} */
    this.stats = { hits: 0, misses: 0, promotions: 0, demotions: 0, evictions: 0, rejected: 0 };
  }

  /** Bytes charged for everything held; never above maxBytes. */
  get bytes() {
    return this.probationBytes + this.protectedBytes;
  }

  get size() {
    return this.probation.size + this.protected.size;
  }

  /**
   * Reads an entry and counts the read: a probation entry read by someone other than its owner
   * (another request) is promoted.
   * @param {string} key
   * @param {unknown} [reader]
   * @returns {V | undefined}
   */
  get(key, reader) {
    const inProtected = this.protected.get(key);
    if (inProtected) {
      this.protected.delete(key);
      this.protected.set(key, inProtected);
      this.stats.hits++;
      return inProtected.value;
    }
    const node = this.probation.get(key);
    if (!node) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.probation.delete(key);
    if (node.owner !== undefined && node.owner === reader) {
      this.probation.set(key, node);
      return node.value;
    }
    this.probationBytes -= node.cost;
    node.isProtected = true;
    this.protected.set(key, node);
    this.protectedBytes += node.cost;
    this.stats.promotions++;
    this.rebalance();
    return node.value;
  }

  /**
   * Reads without counting or reordering.
   * @param {string} key
   */
  peek(key) {
    return (this.protected.get(key) ?? this.probation.get(key))?.value;
  }

  /** @param {string} key */
  segmentOf(key) {
    return this.protected.has(key) ? 'protected' : this.probation.has(key) ? 'probation' : undefined;
  }

  /**
   * Stores a value of `valueBytes`. A new key enters probation; a key already held is replaced in
   * its segment (a re-rendered hot page stays protected). Returns false when the entry is larger
   * than probation's share of the budget: it is not stored, and an older value under the key goes.
   * @param {string} key
   * @param {V} value
   * @param {number} valueBytes
   * @param {unknown} [owner]
   */
  set(key, value, valueBytes, owner) {
    const cost = Math.max(0, valueBytes) + stringBytes(key) + ENTRY_OVERHEAD_BYTES;
    if (cost > this.maxEntryBytes) {
      this.delete(key);
      this.stats.rejected++;
      return false;
    }
    const existing = this.protected.get(key) ?? this.probation.get(key);
    if (existing) {
      const segment = existing.isProtected ? this.protected : this.probation;
      segment.delete(key);
      if (existing.isProtected) this.protectedBytes += cost - existing.cost;
      else this.probationBytes += cost - existing.cost;
      existing.value = value;
      existing.cost = cost;
      segment.set(key, existing);
    } else {
      this.probation.set(key, { value, cost, isProtected: false, owner });
      this.probationBytes += cost;
    }
    this.rebalance(key);
    return true;
  }

  /** @param {string} key */
  delete(key) {
    const node = this.protected.get(key) ?? this.probation.get(key);
    if (!node) return false;
    if (node.isProtected) {
      this.protected.delete(key);
      this.protectedBytes -= node.cost;
    } else {
      this.probation.delete(key);
      this.probationBytes -= node.cost;
    }
    return true;
  }

  clear() {
    this.probation.clear();
    this.protected.clear();
    this.probationBytes = 0;
    this.protectedBytes = 0;
  }

  /**
   * Protected keeps at most its share (its oldest drop to the head of probation), then the oldest
   * probation entries go until everything fits. `keep` (the entry being stored) goes last.
   * @param {string} [keep]
   */
  rebalance(keep) {
    while (this.protectedBytes > this.protectedMaxBytes) {
      const [key, node] = /** @type {[string, SlruNode<V>]} */ (this.protected.entries().next().value);
      this.protected.delete(key);
      this.protectedBytes -= node.cost;
      node.isProtected = false;
      this.probation.set(key, node);
      this.probationBytes += node.cost;
      this.stats.demotions++;
    }
    for (const [key, node] of this.probation) {
      if (this.bytes <= this.maxBytes) break;
      if (key === keep) continue;
      this.probation.delete(key);
      this.probationBytes -= node.cost;
      this.stats.evictions++;
    }
  }
}
