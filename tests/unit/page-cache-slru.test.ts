import { describe, expect, it } from 'vitest';
import { ENTRY_OVERHEAD_BYTES, SegmentedLru, stringBytes } from '@/services/page-cache/slru.mjs';

const KB = 1024;
// Two requests: a read by the request that stored an entry does not count as a second hit.
const first = {};
const second = {};

function lru(maxBytes = 1000 * KB) {
  return new SegmentedLru<string>({ maxBytes });
}

describe('SegmentedLru', () => {
  it('puts new entries in probation and promotes them on a read by another request', () => {
    const cache = lru();
    cache.set('/a', 'A', 10 * KB, first);
    expect(cache.segmentOf('/a')).toBe('probation');
    expect(cache.get('/a', first)).toBe('A');
    expect(cache.segmentOf('/a')).toBe('probation');
    expect(cache.get('/a', second)).toBe('A');
    expect(cache.segmentOf('/a')).toBe('protected');
    expect(cache.stats).toMatchObject({ hits: 2, promotions: 1 });
  });

  it('promotes on the first read when nobody owns the entry', () => {
    const cache = lru();
    cache.set('/a', 'A', KB);
    cache.get('/a');
    expect(cache.segmentOf('/a')).toBe('protected');
  });

  it('replaces a stored key in its own segment: a re-rendered hot page stays protected', () => {
    const cache = lru();
    cache.set('/front', 'v1', 10 * KB, first);
    cache.get('/front', second);
    cache.set('/front', 'v2', 20 * KB, second);
    expect(cache.segmentOf('/front')).toBe('protected');
    expect(cache.peek('/front')).toBe('v2');
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(20 * KB + stringBytes('/front') + ENTRY_OVERHEAD_BYTES);
  });

  it('charges keys and a per-entry overhead, and never holds more than its budget', () => {
    const maxBytes = 200 * KB;
    const cache = lru(maxBytes);
    const hot = ['/a', '/b', '/c'];
    for (const key of hot) {
      cache.set(key, key, 30 * KB, first);
      cache.get(key, second);
    }
    for (let i = 0; i < 5000; i++) {
      cache.set(`/articles/${i}-a-long-slug-of-some-length`, 'x', 1 + (i % 7) * 5 * KB, first);
      expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
      if (i % 10 === 0) for (const key of hot) cache.get(key, second);
    }
    let charged = 0;
    for (const map of [cache.probation, cache.protected]) for (const node of map.values()) charged += node.cost;
    expect(charged).toBe(cache.bytes);
    expect(cache.stats.evictions).toBeGreaterThan(4000);
  });

  it('refuses an entry larger than the probation share, and drops an older value under its key', () => {
    const cache = lru(100 * KB);
    cache.set('/big', 'small', KB, first);
    expect(cache.set('/big', 'huge', 30 * KB, first)).toBe(false);
    expect(cache.peek('/big')).toBeUndefined();
    expect(cache.stats.rejected).toBe(1);
    expect(cache.bytes).toBe(0);
  });

  /**
   * The hot set is read by readers (two requests each, as a morning's first readers would), then
   * a crawler fetches 20,000 distinct pages while readers come back to each hot page only after
   * 18 crawled pages: more than the 16 pages that fit in the cache, so a plain LRU loses them.
   */
  function crawl(cache: { get(key: string, reader?: unknown): unknown; set(key: string, value: string, size: number, owner?: unknown): unknown }) {
    const hot = ['/editions/front', '/articles/1', '/articles/2', '/articles/3', '/articles/4', '/articles/5'];
    const read = (key: string): boolean => {
      const request = {};
      if (cache.get(key, request) !== undefined) return true;
      cache.set(key, key, 60 * KB, request);
      return false;
    };
    for (const key of hot) read(key);
    for (const key of hot) read(key);
    let hits = 0;
    let reads = 0;
    for (let i = 0; i < 20_000; i++) {
      read(`/articles/archive-${i}`);
      if (i % 3 === 0) {
        reads++;
        if (read(hot[(i / 3) % hot.length]!)) hits++;
      }
    }
    return { hot, hitRate: hits / reads };
  }

  it('keeps a hot set that is read repeatedly through a crawl of many distinct keys', () => {
    const cache = lru(1000 * KB); // room for 16 pages of 60 KB
    const { hot, hitRate } = crawl(cache);
    expect(hitRate).toBe(1);
    for (const key of hot) expect(cache.segmentOf(key)).toBe('protected');
    expect(cache.bytes).toBeLessThanOrEqual(1000 * KB);
  });

  it('loses that hot set under the same crawl when the cache is a plain LRU (the problem it solves)', () => {
    const max = 1000 * KB;
    const plain = new Map<string, number>();
    let bytes = 0;
    const cache = {
      get(key: string) {
        const size = plain.get(key);
        if (size === undefined) return undefined;
        plain.delete(key);
        plain.set(key, size);
        return key;
      },
      set(key: string, _value: string, size: number) {
        plain.set(key, size);
        bytes += size;
        for (const [oldest, oldSize] of plain) {
          if (bytes <= max) break;
          plain.delete(oldest);
          bytes -= oldSize;
        }
      },
    };
    expect(crawl(cache).hitRate).toBeLessThan(0.01);
  });

  it('demotes the least recently used protected entry to probation when protected is full', () => {
    const cache = lru(100 * KB); // protected: 80 KB
    for (const key of ['/1', '/2', '/3', '/4']) {
      cache.set(key, key, 19 * KB, first);
      cache.get(key, second);
    }
    expect(cache.protected.size).toBe(4);
    cache.set('/5', '/5', 19 * KB, first);
    cache.get('/5', second);
    expect(cache.segmentOf('/5')).toBe('protected');
    expect(cache.segmentOf('/1')).toBe('probation');
    expect(cache.stats.demotions).toBe(1);
    expect(cache.protectedBytes).toBeLessThanOrEqual(cache.protectedMaxBytes);
  });

  it('measures strings as V8 stores them', () => {
    expect(stringBytes('abc')).toBe(3);
    expect(stringBytes('é')).toBe(1);
    expect(stringBytes('ab缓存')).toBe(8);
  });
});
