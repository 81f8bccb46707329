import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { applyViewIncrements } from '@/db/queries/views';
import { GET, POST } from '@/app/api/views/route';
import { dayInZone } from '@/domain/views/day';
import { flushAllViews, flushViews } from '@/services/views/flush';
import { RedisViewStore } from '@/services/views/redis';
import { viewStats } from '@/services/views/service';
import { testDatabaseKind } from '../helpers/db';
import { redisAnswers, redisUrl } from '../helpers/redis';
import { beaconRequest, dailyRows, storedCount, syntheticIp, useRedisViewsSuite, type ViewsFixture } from './views-helpers';

/** Redis mode (REDIS_URL): several app servers share the buffer. Runs when a Redis answers locally. */
const available = await redisAnswers();
const prefix = `{gazette-views-test-${process.pid}-${Math.floor(Math.random() * 1e9)}}:`;
let db: Database;
let ids: ViewsFixture;

describe.skipIf(!available)(`views with Redis on ${testDatabaseKind}`, () => {
  useRedisViewsSuite(prefix, {}, (suite) => ({ db, ids } = suite));

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
    // What a server leaves when it dies between taking the batch and deleting it: the batch and its index entry.
    const startedAt = Date.now() - 5 * 60_000;
    const batch = `${prefix}flushing:${startedAt}:dead`;
    await redis.hset(batch, `2026-01-03|${ids.published}`, '7');
    await redis.zadd(`${prefix}flushing`, startedAt, batch);
    // A Redis shared with the page cache holds many other keys; finding the batch must not depend on walking them.
    const filler = `${prefix.slice(1, -2)}-filler:`;
    const pipeline = redis.pipeline();
    for (let i = 0; i < 20_000; i++) pipeline.set(`${filler}${i}`, '1', 'EX', 60);
    await pipeline.exec();
    await redis.quit();
    await POST(beaconRequest({ id: ids.published, ip: '10.0.0.1' }));
    const result = await flushAllViews();
    expect(result.views).toBe(8);
    expect(await storedCount(db, ids.published)).toBe(8);
    const check = new Redis(redisUrl);
    expect(await check.exists(batch)).toBe(0);
    expect(await check.zcard(`${prefix}flushing`)).toBe(0);
    await check.quit();
  });
});
