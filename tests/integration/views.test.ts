import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { articles, articleViewsDaily } from '@/db/schema';
import {
  applyViewIncrements,
  getArticleViewsPerDay,
  getMostReadSince,
  getSiteViewsPerDay,
  getSiteViewsTotal,
  getTopArticles,
} from '@/db/queries/views';
import { GET, HEAD, POST } from '@/app/api/views/route';
import { resetViewsConfig } from '@/domain/views/config';
import { dayInZone, periodStart, shiftDay } from '@/domain/views/day';
import { isBot } from '@/domain/views/bots';
import { flushAllViews, flushViews, stopViewCounting } from '@/services/views/flush';
import { invalidateCountableArticles, resetViewsState, viewStats } from '@/services/views/service';
import { createTestDatabase, installTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { beaconRequest, BROWSER_UA, dailyRows, seedViewsFixture, storedCount, syntheticIp, type ViewsFixture } from './views-helpers';

let database: TestDatabase;
let db: Database;
let ids: ViewsFixture;
const savedEnv = { ...process.env };

function setEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetViewsConfig();
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  installTestDatabase(database);
  ids = await seedViewsFixture(db);
});

afterAll(async () => {
  stopViewCounting();
  await resetViewsState();
  process.env = savedEnv;
  resetViewsConfig();
  await database.drop();
});

beforeEach(async () => {
  // Distinct visitors via X-Forwarded-For (only honoured with TRUST_PROXY), no rate limit, no timer flush.
  setEnv({ TRUST_PROXY: '1', VIEWS_RATE_LIMIT: '0', VIEWS_FLUSH_MS: '600000', VIEWS_ENABLED: '1', REDIS_URL: undefined });
  await resetViewsState();
  await db.execute(sql`truncate ${articleViewsDaily}`);
  await db.execute(sql`update articles set view_count = case when slug = 'published' then 100 else 0 end`);
});

afterEach(() => stopViewCounting());

const today = () => dayInZone(Date.now(), 'Asia/Shanghai');

describe(`view counting on ${testDatabaseKind}`, () => {
  it('1,000 concurrent beacons for one article: exactly the distinct visitors are counted after the flush', async () => {
    const started = performance.now();
    const visitors = 1000;
    const repeats = 250; // the first 250 visitors come back within the window
    const requests = [
      ...Array.from({ length: visitors }, (_, i) => beaconRequest({ id: ids.published, ip: syntheticIp(i) })),
      ...Array.from({ length: repeats }, (_, i) => beaconRequest({ id: ids.published, ip: syntheticIp(i) })),
    ];
    const responses = await Promise.all(requests.map((r) => POST(r)));
    const beaconMs = performance.now() - started;
    expect(responses.every((r) => r.status === 204 && r.headers.get('cache-control') === 'no-store')).toBe(true);
    expect(viewStats().beacons.counted).toBe(visitors);
    expect(viewStats().beacons.duplicate).toBe(repeats);

    // Nothing is written per beacon: the stored count is unchanged until the flush.
    expect(await storedCount(db, ids.published)).toBe(100);
    const fresh = (await (await GET(new Request(`http://localhost/api/views?ids=${ids.published}`))).json()) as Record<string, number>;
    expect(fresh[String(ids.published)]).toBe(100 + visitors);

    const flushStarted = performance.now();
    const result = await flushViews();
    const flushMs = performance.now() - flushStarted;
    expect(result).toEqual({ rows: 1, views: visitors, statements: 4 });
    expect(await storedCount(db, ids.published)).toBe(100 + visitors);
    expect(await dailyRows(db, ids.published)).toEqual([{ day: today(), views: visitors }]);
    // The fresh count neither drops nor doubles after the flush.
    const after = (await (await GET(new Request(`http://localhost/api/views?ids=${ids.published}`))).json()) as Record<string, number>;
    expect(after[String(ids.published)]).toBe(100 + visitors);
    console.log(`[views] ${testDatabaseKind}: ${visitors + repeats} beacons in ${beaconMs.toFixed(0)} ms, flush in ${flushMs.toFixed(1)} ms`);
  });

  it('accepts the beacon formats: JSON, sendBeacon text, a bare id, the pixel and the script', async () => {
    const a = await POST(beaconRequest({ body: JSON.stringify({ id: ids.published }), contentType: 'application/json', ip: '10.1.0.1' }));
    const b = await POST(beaconRequest({ body: JSON.stringify({ id: String(ids.published) }), ip: '10.1.0.2' }));
    const c = await POST(beaconRequest({ body: String(ids.published), ip: '10.1.0.3' }));
    const pixel = await GET(new Request(`http://localhost/api/views?id=${ids.published}`, { headers: { 'user-agent': BROWSER_UA, 'x-forwarded-for': '10.1.0.4' } }));
    const script = await GET(
      new Request(`http://localhost/api/views?id=${ids.published}&f=js`, { headers: { 'user-agent': BROWSER_UA, 'x-forwarded-for': '10.1.0.5' } }),
    );
    expect([a.status, b.status, c.status]).toEqual([204, 204, 204]);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    expect(pixel.headers.get('cache-control')).toBe('no-store');
    expect((await pixel.arrayBuffer()).byteLength).toBeLessThan(100);
    expect(script.headers.get('content-type')).toContain('javascript');
    const js = await script.text();
    expect(js).toContain(`(105,'[data-view-count="${ids.published}"]')`); // 100 stored + the 5 views above
    expect(js.length).toBeLessThan(400);
    expect(viewStats().beacons.counted).toBe(5);
    await flushViews();
    expect(await storedCount(db, ids.published)).toBe(105);
  });

  it('does not count bots, and counts a browser', async () => {
    const bots = [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
      'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)',
      'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'curl/8.5.0',
      'python-requests/2.32.3',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      '',
    ];
    for (const [i, ua] of bots.entries()) {
      expect(isBot(ua)).toBe(true);
      await POST(beaconRequest({ id: ids.published, ip: syntheticIp(5000 + i), ua }));
    }
    await POST(beaconRequest({ id: ids.published, ip: syntheticIp(6000), ua: null }));
    expect(viewStats().beacons.bot).toBe(bots.length + 1);
    // Readers, including Chinese in-app browsers, are not bots.
    for (const ua of [
      BROWSER_UA,
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN',
      'Mozilla/5.0 (Linux; Android 13; V2227A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/98.0.4758.101 Mobile Safari/537.36 baiduboxapp/13.40.5.10',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 YaBrowser/24.12.0.0 Safari/537.36',
      'Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
    ]) {
      expect(isBot(ua)).toBe(false);
    }
    await POST(beaconRequest({ id: ids.published, ip: syntheticIp(7000) }));
    await flushAllViews();
    expect(await storedCount(db, ids.published)).toBe(101);
  });

  it('ignores unknown, unpublished, scheduled-later and trashed articles and malformed bodies, always with 204', async () => {
    const bodies = [
      JSON.stringify({ id: ids.draft }),
      JSON.stringify({ id: ids.scheduledFuture }),
      JSON.stringify({ id: ids.trashed }),
      JSON.stringify({ id: 987654 }),
      JSON.stringify({ id: -1 }),
      JSON.stringify({ id: 1.5 }),
      JSON.stringify({ id: '1e3' }),
      JSON.stringify({ id: [ids.published] }),
      JSON.stringify({ id: { $gt: 0 } }),
      JSON.stringify({ id: 99999999999999 }),
      '{"id":',
      'null',
      '',
      'x'.repeat(10_000),
      '<script>alert(1)</script>',
    ];
    let i = 0;
    for (const body of bodies) {
      const res = await POST(beaconRequest({ body, ip: syntheticIp(8000 + i++) }));
      expect(res.status).toBe(204);
    }
    for (const query of ['id=abc', `id=${ids.draft}`, 'id=', 'ids=a,b,-3', `ids=${ids.draft},${ids.trashed}`, '']) {
      const res = await GET(new Request(`http://localhost/api/views?${query}`, { headers: { 'user-agent': BROWSER_UA } }));
      expect(res.status).toBeLessThan(300);
    }
    expect(HEAD().status).toBe(204); // a link checker's HEAD is not a view
    const hidden = (await (await GET(new Request(`http://localhost/api/views?ids=${ids.draft},${ids.trashed},${ids.scheduledFuture}`))).json()) as object;
    expect(hidden).toEqual({}); // counts of what readers cannot see are not told
    expect(viewStats().beacons.counted).toBe(0);
    // A scheduled story whose time has passed is visible, so it counts.
    await POST(beaconRequest({ id: ids.scheduledPast, ip: '10.9.9.9' }));
    expect(viewStats().beacons.counted).toBe(1);
    await flushAllViews();
    expect(await storedCount(db, ids.scheduledPast)).toBe(1);
    expect(await storedCount(db, ids.draft)).toBe(0);
    expect(await storedCount(db, ids.trashed)).toBe(0);
  });

  it('learns about publishing and unpublishing without a query per beacon', async () => {
    await POST(beaconRequest({ id: ids.published, ip: '10.5.0.1' }));
    expect(viewStats().snapshotLoads).toBe(1);
    try {
      await db.update(articles).set({ status: 'published', publishedAt: new Date(Date.now() - 1000), updatedAt: new Date() }).where(eq(articles.id, ids.draft));
      await db.update(articles).set({ status: 'archived', updatedAt: new Date() }).where(eq(articles.id, ids.other));
      invalidateCountableArticles(); // what a publish may call; otherwise the beacon learns within 30 s
      await POST(beaconRequest({ id: ids.draft, ip: '10.5.0.2' })); // an unknown id waits for the refresh
      await POST(beaconRequest({ id: ids.draft, ip: '10.5.0.3' }));
      await POST(beaconRequest({ id: ids.other, ip: '10.5.0.4' }));
      await POST(beaconRequest({ id: ids.other, ip: '10.5.0.5' }));
      expect(viewStats().snapshotLoads).toBe(2); // one (incremental) reload, not one per beacon
      expect(viewStats().beacons.counted).toBe(3);
      expect(viewStats().beacons.unknown).toBe(2);
    } finally {
      await db.update(articles).set({ status: 'draft', publishedAt: null }).where(eq(articles.id, ids.draft));
      await db.update(articles).set({ status: 'published' }).where(eq(articles.id, ids.other));
    }
  });

  it('limits a flood from one address, per minute', async () => {
    setEnv({ VIEWS_RATE_LIMIT: '20' });
    await resetViewsState();
    const responses = await Promise.all(
      Array.from({ length: 500 }, (_, i) => POST(beaconRequest({ id: i % 2 ? ids.published : ids.other, ip: '10.66.66.66', ua: `${BROWSER_UA} ${i}` }))),
    );
    expect(responses.every((r) => r.status === 204)).toBe(true);
    expect(viewStats().beacons.counted).toBe(20);
    expect(viewStats().beacons.limited).toBe(480);
    // Other addresses are not affected.
    await POST(beaconRequest({ id: ids.published, ip: '10.66.66.67' }));
    expect(viewStats().beacons.counted).toBe(21);
  });

  it('without TRUST_PROXY a client cannot pose as many visitors through X-Forwarded-For', async () => {
    setEnv({ TRUST_PROXY: undefined });
    await resetViewsState();
    await Promise.all(Array.from({ length: 50 }, (_, i) => POST(beaconRequest({ id: ids.published, ip: syntheticIp(i) }))));
    expect(viewStats().beacons.counted).toBe(1);
    expect(viewStats().beacons.duplicate).toBe(49);
  });

  it('VIEWS_ENABLED=0 answers 204 without counting', async () => {
    setEnv({ VIEWS_ENABLED: '0' });
    await resetViewsState();
    const res = await POST(beaconRequest({ id: ids.published, ip: '10.7.7.7' }));
    expect(res.status).toBe(204);
    expect(viewStats().beacons.counted).toBe(0);
    expect(await flushAllViews()).toEqual({ rows: 0, views: 0, statements: 0 });
  });

  it('keeps the counts of a failed flush and writes them once the database is back', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => POST(beaconRequest({ id: ids.other, ip: syntheticIp(i) }))));
    const broken = {
      transaction: () => Promise.reject(new Error('ECONNREFUSED: the database is down')),
    } as unknown as Database;
    installTestDatabase({ ...database, db: broken });
    await expect(flushViews()).rejects.toThrow(/ECONNREFUSED/);
    // More views arrive while it is down.
    await Promise.all(Array.from({ length: 5 }, (_, i) => POST(beaconRequest({ id: ids.other, ip: syntheticIp(100 + i) }))));
    installTestDatabase(database);
    const result = await flushAllViews();
    expect(result.views).toBe(35);
    expect(await storedCount(db, ids.other)).toBe(35);
    expect(await dailyRows(db, ids.other)).toEqual([{ day: today(), views: 35 }]);
    expect(viewStats().flushFailures).toBe(1);
  });

  it('adds up across flushes and days, and drops views of an article deleted before the flush', async () => {
    const day = today();
    await applyViewIncrements(db, [
      { articleId: ids.published, day, views: 3 },
      { articleId: ids.published, day: shiftDay(day, -1), views: 4 },
      { articleId: ids.other, day, views: 2 },
    ]);
    await applyViewIncrements(db, [
      { articleId: ids.published, day, views: 5 },
      { articleId: 2_000_000, day, views: 9 }, // no such article: the batch still goes through
    ]);
    expect(await storedCount(db, ids.published)).toBe(112);
    expect((await dailyRows(db, ids.published)).sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { day: shiftDay(day, -1), views: 4 },
      { day, views: 8 },
    ]);
  });
});

describe(`most read and the admin series on ${testDatabaseKind}`, () => {
  it('ranks by views in the period, only visible articles, and fills the series with zeros', async () => {
    const day = today();
    await applyViewIncrements(db, [
      { articleId: ids.published, day, views: 5 },
      { articleId: ids.other, day, views: 9 },
      { articleId: ids.other, day: shiftDay(day, -3), views: 1 },
      { articleId: ids.published, day: shiftDay(day, -5), views: 50 },
      { articleId: ids.scheduledPast, day: shiftDay(day, -20), views: 70 },
      { articleId: ids.draft, day, views: 1000 }, // read before it was unpublished
    ]);
    const titles = async (from: string) => (await getMostReadSince(db, from, 10)).map((a) => [a.slug, a.periodViews]);
    expect(await titles(periodStart('today', day))).toEqual([
      ['other', 9],
      ['published', 5],
    ]);
    expect(await titles(periodStart('7d', day))).toEqual([
      ['published', 55],
      ['other', 10],
    ]);
    expect(await titles(periodStart('30d', day))).toEqual([
      ['scheduled-past', 70],
      ['published', 55],
      ['other', 10],
    ]);
    const [top] = await getMostReadSince(db, day, 1);
    expect(top).toMatchObject({ id: ids.other, slug: 'other', viewCount: 10, periodViews: 9 });
    expect(typeof top!.publishedAt).toBe('string');

    const series = await getSiteViewsPerDay(db, shiftDay(day, -6), day);
    expect(series).toHaveLength(7);
    expect(series.at(-1)).toEqual({ day, views: 1014 });
    expect(series.find((d) => d.day === shiftDay(day, -5))).toEqual({ day: shiftDay(day, -5), views: 50 });
    expect(series.filter((d) => d.views === 0)).toHaveLength(4);
    expect(await getSiteViewsTotal(db, shiftDay(day, -29), day)).toBe(1135);

    const one = await getArticleViewsPerDay(db, ids.published, shiftDay(day, -6), day);
    expect(one.map((d) => d.views)).toEqual([0, 50, 0, 0, 0, 0, 5]);

    const admin = await getTopArticles(db, { from: shiftDay(day, -29), to: day, limit: 3 });
    expect(admin.map((a) => [a.slug, a.views, a.status])).toEqual([
      ['draft', 1000, 'draft'],
      ['scheduled-past', 70, 'scheduled'],
      ['published', 55, 'published'],
    ]);
    const visibleOnly = await getTopArticles(db, { from: day, to: day, limit: 10, visibleOnly: true });
    expect(visibleOnly.map((a) => a.slug)).toEqual(['other', 'published']);
    await expect(getSiteViewsPerDay(db, day, shiftDay(day, -1))).rejects.toThrow();
    await expect(getSiteViewsPerDay(db, "2024-01-01'; drop table articles; --", day)).rejects.toThrow();
  });

  it('buckets views by the day in the site time zone', () => {
    const at = Date.parse('2026-03-01T17:30:00Z');
    expect(dayInZone(at, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(dayInZone(at, 'America/New_York')).toBe('2026-03-01');
    expect(dayInZone(at, 'Not/AZone')).toBe('2026-03-02'); // a broken setting falls back to Asia/Shanghai
    expect(periodStart('7d', '2026-03-02')).toBe('2026-02-24');
    expect(periodStart('30d', '2026-03-02')).toBe('2026-02-01');
  });
});
