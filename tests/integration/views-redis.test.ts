import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { articleViewsDaily } from '@/db/schema';
import { applyViewIncrements } from '@/db/queries/views';
import { GET, POST } from '@/app/api/views/route';
import { resetViewsConfig } from '@/lib/views/config';
import { dayInZone } from '@/lib/views/day';
import { flushAllViews, flushViews, stopViewCounting } from '@/lib/views/flush';
import { RedisViewStore } from '@/lib/views/redis';
import { resetViewsState, viewStats } from '@/lib/views/service';
import { createTestDatabase, installTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { beaconRequest, dailyRows, seedViewsFixture, storedCount, syntheticIp, type ViewsFixture } from './views-helpers';

/** Redis mode (REDIS_URL): several app servers share the buffer. Runs when a Redis answers locally. */
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(redisUrl);
  if (!['127.0.0.1', 'localhost', '::1'].includes(hostname)) return false;
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const available = await redisAnswers();
const prefix = `{gazette-views-test-${process.pid}-${Math.floor(Math.random() * 1e9)}}:`;
let database: TestDatabase;
let db: Database;
let ids: ViewsFixture;
const savedEnv = { ...process.env };

async function cleanRedis() {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix.replace(/[{}]/g, '\\$&')}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}

describe.skipIf(!available)(`views with Redis on ${testDatabaseKind}`, () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    installTestDatabase(database);
    ids = await seedViewsFixture(db);
    Object.assign(process.env, { REDIS_URL: redisUrl, VIEWS_REDIS_PREFIX: prefix, TRUST_PROXY: '1', VIEWS_RATE_LIMIT: '0', VIEWS_FLUSH_MS: '600000' });
    resetViewsConfig();
  });

  afterAll(async () => {
    stopViewCounting();
    await resetViewsState();
    await cleanRedis();
    process.env = savedEnv;
    resetViewsConfig();
    await database?.drop();
  });

  beforeEach(async () => {
    await resetViewsState();
    await cleanRedis();
    await db.execute(sql`truncate ${articleViewsDaily}`);
    await db.execute(sql`update articles set view_count = 0`);
  });

  it('1,000 concurrent beacons through Redis: exact count after the flush, repeats deduplicated', async () => {
    const started = performance.now();
    await Promise.all([
      ...Array.from({ length: 1000 }, (_, i) => POST(beaconRequest({ id: ids.published, ip: syntheticIp(i) }))),
      ...Array.from({ length: 300 }, (_, i) => POST(beaconRequest({ id: ids.published, ip: syntheticIp(i * 3) }))),
    ]);
    const beaconMs = performance.now() - started;
    expect(viewStats().beacons.counted).toBe(1000);
    expect(viewStats().beacons.duplicate).toBe(300);
    const fresh = (await (await GET(new Request(`http://localhost/api/views?ids=${ids.published}`))).json()) as Record<string, number>;
    expect(fresh[String(ids.published)]).toBe(1000);
    const result = await flushViews();
    expect(result).toEqual({ rows: 1, views: 1000, statements: 4 });
    expect(await storedCount(db, ids.published)).toBe(1000);
    expect(await dailyRows(db, ids.published)).toEqual([{ day: dayInZone(Date.now(), 'Asia/Shanghai'), views: 1000 }]);
    console.log(`[views] redis + ${testDatabaseKind}: 1300 beacons in ${beaconMs.toFixed(0)} ms`);
  });

  it('two servers share deduplication, and only one flushes at a time', async () => {
    const a = await RedisViewStore.connect(redisUrl, 30 * 60_000, prefix);
    const b = await RedisViewStore.connect(redisUrl, 30 * 60_000, prefix);
    try {
      const day = '2026-01-02';
      expect(await a.salt(day)).toBe(await b.salt(day));
      expect(await a.add(ids.other, day, 'visitor-1')).toBe(true);
      expect(await b.add(ids.other, day, 'visitor-1')).toBe(false); // the same visitor on the other server
      expect(await b.add(ids.other, day, 'visitor-2')).toBe(true);
      const batch = await a.drain();
      expect(batch?.entries).toEqual([{ articleId: ids.other, day, views: 2 }]);
      expect(await b.add(ids.other, day, 'visitor-3')).toBe(true);
      expect(await b.drain()).toBeNull(); // a is flushing
      expect(await a.pending([ids.other], [day])).toEqual(new Map([[ids.other, 3]])); // in flight + new
      await batch!.rollback(); // a's write failed: the counts go back
      const again = await b.drain();
      expect(again?.entries).toEqual([{ articleId: ids.other, day, views: 3 }]);
      await applyViewIncrements(db, again!.entries);
      await again!.commit();
      expect(await a.size()).toBe(0);
      expect(await storedCount(db, ids.other)).toBe(3);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("recovers the batch of a server that died in the middle of a flush", async () => {
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl);
    await redis.hset(`${prefix}flushing:${Date.now() - 5 * 60_000}:dead`, `2026-01-03|${ids.published}`, '7');
    await redis.quit();
    await POST(beaconRequest({ id: ids.published, ip: '10.0.0.1' }));
    const result = await flushAllViews();
    expect(result.views).toBe(8);
    expect(await storedCount(db, ids.published)).toBe(8);
  });
});
