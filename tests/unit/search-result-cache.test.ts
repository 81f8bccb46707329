import { describe, expect, it } from 'vitest';
import { SearchResultCache } from '@/services/search/result-cache';

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function counted(value: string) {
  let calls = 0;
  return {
    load: async () => {
      calls += 1;
      return value;
    },
    calls: () => calls,
  };
}

describe('the search result store', () => {
  it('answers the same query from memory until its age limit, then reads again', async () => {
    const time = clock();
    const cache = new SearchResultCache<string>({ maxBytes: 1024 * 1024, ttlMs: 60_000, now: time.now });
    const source = counted('results');
    expect(await cache.get('q', source.load)).toBe('results');
    time.advance(59_999);
    expect(await cache.get('q', source.load)).toBe('results');
    expect(source.calls()).toBe(1);
    time.advance(1);
    await cache.get('q', source.load);
    expect(source.calls()).toBe(2);
  });

  it('lets identical searches in flight share one read', async () => {
    const cache = new SearchResultCache<string>({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
    let release: (v: string) => void = () => {};
    let calls = 0;
    const load = () => {
      calls += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([cache.get('q', load), cache.get('q', load), cache.get('q', load)]);
    release('once');
    expect(await both).toEqual(['once', 'once', 'once']);
    expect(calls).toBe(1);
  });

  it('is emptied by clear(), and a read that started before it stores nothing', async () => {
    const cache = new SearchResultCache<string>({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
    await cache.get('a', async () => 'old a');
    let release: (v: string) => void = () => {};
    const slow = cache.get('b', () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear();
    release('read before the change');
    expect(await slow).toBe('read before the change');
    expect(cache.size).toBe(0);
    expect(await cache.get('a', async () => 'new a')).toBe('new a');
    expect(await cache.get('b', async () => 'new b')).toBe('new b');
  });

  it('never keeps more than its byte budget, the least recently used going first', async () => {
    const entry = 'x'.repeat(100); // about 2 × 104 bytes with its key and quotes
    const cache = new SearchResultCache<string>({ maxBytes: 1000, ttlMs: 60_000 });
    for (const key of ['k1', 'k2', 'k3', 'k4']) await cache.get(key, async () => entry);
    await cache.get('k1', async () => 'reloaded'); // k1 is now the most recently used
    await cache.get('k5', async () => entry);
    expect(cache.storedBytes).toBeLessThanOrEqual(1000);
    expect(await cache.get('k1', async () => 'reloaded')).toBe(entry);
    expect(await cache.get('k2', async () => 'reloaded')).toBe('reloaded');
  });

  it('does not keep a result larger than a quarter of the budget, nor a failed read', async () => {
    const cache = new SearchResultCache<string>({ maxBytes: 1000, ttlMs: 60_000 });
    await cache.get('big', async () => 'y'.repeat(400));
    expect(cache.size).toBe(0);
    await expect(cache.get('bad', () => Promise.reject(new Error('timeout')))).rejects.toThrow('timeout');
    expect(await cache.get('bad', async () => 'fine')).toBe('fine');
  });

  it('with an age limit of 0 reads every time', async () => {
    const cache = new SearchResultCache<string>({ maxBytes: 1000, ttlMs: 0 });
    const source = counted('r');
    await cache.get('q', source.load);
    await cache.get('q', source.load);
    expect(source.calls()).toBe(2);
    expect(cache.size).toBe(0);
  });
});
