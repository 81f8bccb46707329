import { resetViewsConfig } from '@/domain/views/config';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { GET as cron, POST as cronPost } from '@/app/api/cron/flush-views/route';
import { POST as beacon } from '@/app/api/views/route';
import { dayInZone } from '@/domain/views/day';
import { RedisViewStore } from '@/services/views/redis';
import { testDatabaseKind } from '../helpers/db';
import { redisAnswers, redisUrl } from '../helpers/redis';
import { beaconRequest, dailyRows, storedCount, syntheticIp, useRedisViewsSuite, type ViewsFixture } from './views-helpers';

/**
 * /api/cron/flush-views: what Vercel Cron (or any scheduler) calls where no server process lives long
 * enough to flush view counts on its timer or at SIGTERM. The pending counts are in Redis; one call
 * moves them, those of every instance, into PostgreSQL.
 */
const SECRET = 'cron-secret-for-the-integration-test';
const available = await redisAnswers();
const prefix = `{gazette-cron-test-${process.pid}-${Math.floor(Math.random() * 1e9)}}:`;
let db: Database;
let ids: ViewsFixture;

const cronRequest = (authorization?: string, method = 'GET') =>
  new Request('http://localhost/api/cron/flush-views', { method, headers: authorization === undefined ? {} : { authorization } });

describe.skipIf(!available)(`the view-flush cron route with Redis on ${testDatabaseKind}`, () => {
  useRedisViewsSuite(prefix, { CRON_SECRET: SECRET }, (suite) => ({ db, ids } = suite));

  it('answers 401 without the bearer secret, with a wrong one, and while CRON_SECRET is unset; nothing moves', async () => {
    await Promise.all(Array.from({ length: 5 }, (_, i) => beacon(beaconRequest({ id: ids.published, ip: syntheticIp(i) }))));
    for (const auth of [undefined, '', SECRET, `Bearer ${SECRET}x`, `Basic ${SECRET}`, 'Bearer ']) {
      const res = await cron(cronRequest(auth));
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    process.env.CRON_SECRET = '';
    resetViewsConfig(); // the configuration is parsed once per process
    expect((await cron(cronRequest('Bearer '))).status).toBe(401);
    process.env.CRON_SECRET = SECRET;
    resetViewsConfig();
    expect(await storedCount(db, ids.published)).toBe(0);
  });

  it('moves the counts pending in Redis, of this and of other (frozen) instances, into PostgreSQL', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => beacon(beaconRequest({ id: ids.published, ip: syntheticIp(i) }))));
    // Another instance counted and was frozen before it could flush: its counts sit in Redis too.
    const day = dayInZone(Date.now(), 'Asia/Shanghai');
    const other = await RedisViewStore.connect(redisUrl, 30 * 60_000, prefix);
    try {
      for (let i = 0; i < 7; i++) expect(await other.add(ids.other, day, `frozen-visitor-${i}`)).toBe(true);
    } finally {
      await other.close();
    }
    expect(await storedCount(db, ids.published)).toBe(0);

    const res = await cron(cronRequest(`Bearer ${SECRET}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ ok: true, rows: 2, views: 47 });
    expect(await storedCount(db, ids.published)).toBe(40);
    expect(await storedCount(db, ids.other)).toBe(7);
    expect(await dailyRows(db, ids.other)).toEqual([{ day, views: 7 }]);

    // Nothing left: a second call (POST works too, for other schedulers) moves nothing more.
    const again = await cronPost(cronRequest(`Bearer ${SECRET}`, 'POST'));
    expect(await again.json()).toMatchObject({ ok: true, views: 0 });
    expect(await storedCount(db, ids.published)).toBe(40);
  });
});
