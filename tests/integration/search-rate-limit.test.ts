import { and, eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db/client';
import { loginThrottle, siteSettings } from '@/db/schema';
import { resetConfig } from '@/domain/config.mjs';
import { limitSearch } from '@/services/search/limit-response';
import { countSearch, rateLimitKey, resetRateLimits } from '@/services/rate-limit';
import { markServerEntry, PEER_HEADER } from '@/services/server-bridge.mjs';
import { resetViewsConfig } from '@/domain/views/config';
import { createTestDatabase, installTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { cleanRedisPrefix, redisAnswers, redisUrl } from '../helpers/redis';

/**
 * Reader search limit (issue 10, item 10): SEARCH_RATE_LIMIT searches per address per minute,
 * counted where every server sees them (PostgreSQL, or Redis with REDIS_URL), never only in the
 * process's memory: `resetRateLimits()` forgets everything this process holds, as a second
 * server would know nothing, and the address stays refused.
 */
const savedEnv = { ...process.env };
const redisAvailable = await redisAnswers();
const prefix = `gazette-search-limit-test-${process.pid}-${Math.floor(Math.random() * 1e9)}:`;
let tdb: TestDatabase;

let seq = 0;
const freshIp = () => `10.77.${(++seq >> 8) & 255}.${seq & 255}`;

function configure(env: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetConfig();
  resetViewsConfig();
}

async function searchRows(ip: string) {
  return tdb.db
    .select({ attempts: loginThrottle.attempts })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.scope, 'search'), eq(loginThrottle.subject, ip)));
}

function searchRequest(ip: string, query: string | null, headers: Record<string, string> = {}): NextRequest {
  const url = query === null ? 'http://localhost/search' : `http://localhost/search?q=${encodeURIComponent(query)}`;
  return new NextRequest(url, { headers: { [PEER_HEADER]: ip, ...headers } });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  installTestDatabase(tdb);
  markServerEntry(); // the peer address comes from the server entry's private header, as in production
});

afterEach(async () => {
  await resetRateLimits();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('gazette.search-limit.site')];
});

afterAll(async () => {
  process.env = savedEnv;
  resetConfig();
  resetViewsConfig();
  await resetRateLimits();
  await closeConnection().catch(() => {});
  if (redisAvailable) await cleanRedisPrefix(prefix);
});

describe(`search rate limit, counted in the database (${testDatabaseKind})`, () => {
  beforeAll(() => configure({ SEARCH_RATE_LIMIT: '5', REDIS_URL: undefined, TRUST_PROXY: undefined }));

  it('12 concurrent searches from one address: exactly 5 go through, the rest are told when to come back; another address is not affected', async () => {
    const ip = freshIp();
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => countSearch(ip)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    for (const v of verdicts.filter((v) => !v.allowed)) {
      expect(v.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(v.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect(await searchRows(ip)).toEqual([{ attempts: 12 }]);
    expect((await countSearch(freshIp())).allowed).toBe(true);
  });

  it('the count is in the database, not in this process: forgetting memory (another server) still refuses', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await countSearch(ip)).allowed).toBe(true);
    await resetRateLimits();
    expect((await countSearch(ip)).allowed).toBe(false);
  });

  it('a refused address is refused from memory without a round trip until its window ends', async () => {
    const ip = freshIp();
    for (let i = 0; i < 6; i++) await countSearch(ip);
    expect(await searchRows(ip)).toEqual([{ attempts: 6 }]);
    expect((await countSearch(ip)).allowed).toBe(false);
    expect(await searchRows(ip)).toEqual([{ attempts: 6 }]);
  });

  it('a new minute starts again at 1', async () => {
    const ip = freshIp();
    for (let i = 0; i < 6; i++) await countSearch(ip);
    await tdb.db
      .update(loginThrottle)
      .set({ windowStartedAt: sql`now() - interval '61 seconds'` })
      .where(and(eq(loginThrottle.scope, 'search'), eq(loginThrottle.subject, ip)));
    await resetRateLimits();
    expect(await countSearch(ip)).toMatchObject({ allowed: true, count: 1 });
  });

  it('SEARCH_RATE_LIMIT=0 turns it off: nothing is counted', async () => {
    configure({ SEARCH_RATE_LIMIT: '0' });
    const ip = freshIp();
    for (let i = 0; i < 8; i++) expect((await countSearch(ip)).allowed).toBe(true);
    expect(await searchRows(ip)).toEqual([]);
    configure({ SEARCH_RATE_LIMIT: '5' });
  });

  it('proxy.ts answers 429 with Retry-After and a page in the site language, before the search runs', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await limitSearch(searchRequest(ip, `word ${i}`))).headers.get('x-middleware-next')).toBe('1');
    const refused = await limitSearch(searchRequest(ip, 'word'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const zh = await refused.text();
    expect(zh).toContain('<html lang="zh-CN"');
    expect(zh).toMatch(/您的搜索次数过多，请 \d+ 秒后再试。/);

    await tdb.db.insert(siteSettings).values({ id: 1, name: 'The <Daily>', locale: 'en' }).onConflictDoUpdate({ target: siteSettings.id, set: { name: 'The <Daily>', locale: 'en' } });
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('gazette.search-limit.site')];
    const en = await (await limitSearch(searchRequest(ip, 'word'))).text();
    expect(en).toContain('<html lang="en"');
    expect(en).toMatch(/You have searched too often\. Please try again in \d+ seconds\./);
    expect(en).toContain('The &#60;Daily&#62;');
  });

  it('an empty query is not counted; a forged X-Forwarded-For does not move the count to another address', async () => {
    const ip = freshIp();
    for (let i = 0; i < 8; i++) await limitSearch(searchRequest(ip, i % 2 ? '' : null));
    expect(await searchRows(ip)).toEqual([]);
    for (let i = 0; i < 6; i++) await limitSearch(searchRequest(ip, 'x', { 'x-forwarded-for': freshIp() }));
    expect(await searchRows(ip)).toEqual([{ attempts: 6 }]);
  });
});

describe.skipIf(!redisAvailable)(`search rate limit, counted in Redis (REDIS_URL) on ${testDatabaseKind}`, () => {
  beforeAll(() => configure({ SEARCH_RATE_LIMIT: '5', REDIS_URL: redisUrl, CACHE_REDIS_PREFIX: prefix }));
  afterAll(() => configure({ REDIS_URL: undefined, CACHE_REDIS_PREFIX: undefined }));

  it('12 concurrent searches: exactly 5 go through; the key lives a minute; another server (memory forgotten) still refuses; nothing in the database', async () => {
    const ip = freshIp();
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => countSearch(ip)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl);
    try {
      expect(await redis.get(rateLimitKey('search', ip))).toBe('12');
      const ttl = await redis.pttl(rateLimitKey('search', ip));
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      await resetRateLimits();
      expect((await countSearch(ip)).allowed).toBe(false);
      // The window ends with the key.
      await redis.del(rateLimitKey('search', ip));
      await resetRateLimits();
      expect(await countSearch(ip)).toMatchObject({ allowed: true, count: 1 });
    } finally {
      await redis.quit();
    }
    expect(await searchRows(ip)).toEqual([]);
  });

  it('a Redis that does not answer lets searches through rather than failing them', async () => {
    configure({ REDIS_URL: 'redis://127.0.0.1:1' });
    const ip = freshIp();
    const started = Date.now();
    for (let i = 0; i < 7; i++) expect((await countSearch(ip)).allowed).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
    configure({ REDIS_URL: redisUrl });
  });
});
