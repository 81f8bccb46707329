import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { demoSections } from '@/services/seed/demo-content';
import { callAction } from '../helpers/actions';
import { doc, eventually, readerGet, sessionCookie, startAdmin, type AdminServer } from '../helpers/admin';
import { cleanRedisPrefix, redisAnswers, redisUrl } from '../helpers/redis';

/**
 * Behind a CDN or caching proxy (docs/scaling.md): what each kind of page tells shared caches, the
 * purge hook a publish fires (CDN_PURGE_URL), and the view-flush cron route (CRON_SECRET) that stands
 * in for the flush timer where functions freeze (Vercel).
 */

const baseURL = inject('baseURL');
const databaseKind = inject('databaseKind');
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** `public, …, s-maxage=N, stale-while-revalidate=M` with N, M > 0: a CDN may keep and refresh it. */
function expectShared(cacheControl: string | null, sMaxage: number, what: string) {
  expect(cacheControl, what).toMatch(/^public,/);
  expect(cacheControl, what).toContain(`s-maxage=${sMaxage}`);
  expect(cacheControl, what).toMatch(/stale-while-revalidate=[1-9]\d*/);
  expect(cacheControl, what).not.toMatch(/private|no-store|no-cache/);
}

function expectNeverShared(cacheControl: string | null, what: string) {
  expect(cacheControl, what).toMatch(/private|no-store/);
  expect(cacheControl, what).not.toMatch(/public|s-maxage/);
}

async function head(path: string, init: RequestInit = {}): Promise<{ status: number; cacheControl: string | null; text: string }> {
  const res = await fetch(new URL(path, baseURL), { redirect: 'manual', ...init });
  return { status: res.status, cacheControl: res.headers.get('cache-control'), text: await res.text() };
}

describe('Cache-Control per page kind', () => {
  let articlePath: string;
  let tagPath: string;
  let authorPath: string;

  beforeAll(async () => {
    const home = await (await fetch(baseURL)).text();
    articlePath = /href="(\/articles\/\d+-[a-z0-9-]+)"/.exec(home)![1]!;
    tagPath = /href="(\/tags\/[a-z0-9-]+)"/.exec(home + (await (await fetch(new URL(articlePath, baseURL))).text()))![1]!;
    const sitemap = await (await fetch(new URL('/sitemaps/pages.xml', baseURL))).text();
    expect(sitemap).toContain('/tags/');
    let found: string | undefined;
    for (const m of home.matchAll(/href="(\/articles\/\d+-[a-z0-9-]+)"/g)) {
      found = /href="(\/authors\/[a-z0-9-]+)"/.exec(await (await fetch(new URL(m[1]!, baseURL))).text())?.[1];
      if (found) break;
    }
    authorPath = found!;
    expect(authorPath).toMatch(/^\/authors\//);
  });

  it('reader pages: public with s-maxage and stale-while-revalidate, on the first render and from the cache', async () => {
    const section = demoSections[0]!.slug;
    const cases: [string, number][] = [
      ['/', 60],
      [articlePath, 300],
      [articlePath, 300], // now from Next's cache
      [`/${section}`, 60],
      [`/${section}?page=1`, 60],
      ['/about', 60],
      [tagPath, 60],
      [authorPath, 60],
      ['/search', 60], // the empty form
      ['/feed.xml', 60],
      [`/feeds/${section}.xml`, 60],
      ['/sitemap.xml', 60],
      ['/sitemaps/pages.xml', 60],
      ['/sitemaps/news.xml', 60],
      ['/sitemaps/articles-1.xml', 60],
      ['/robots.txt', 60],
    ];
    for (const [path, sMaxage] of cases) {
      const res = await head(path);
      expect(res.status, path).toBe(200);
      expectShared(res.cacheControl, sMaxage, path);
    }
  });

  it('search results, previews, the newsroom and the API never', async () => {
    for (const path of ['/search?q=%E5%8C%BB%E9%99%A2', '/search?q=news&page=2', '/preview/not-a-token', '/admin', '/admin/login', '/admin/articles', '/api/health', '/api/views?ids=1', '/api/auth/session']) {
      const res = await head(path);
      expectNeverShared(res.cacheControl, `${path} (${res.status})`);
    }
    const beacon = await head('/api/views', { method: 'POST', body: '1', headers: { 'content-type': 'text/plain' } });
    expect(beacon.status).toBe(204);
    expectNeverShared(beacon.cacheControl, 'POST /api/views');
    const upload = await head('/api/media', { method: 'POST' });
    expect(upload.status).toBe(401);
    expectNeverShared(upload.cacheControl, 'POST /api/media');
    const cron = await head('/api/cron/flush-views');
    expect(cron.status).toBe(401);
    expectNeverShared(cron.cacheControl, '/api/cron/flush-views');
  });
});

// -------------------------------------------------------------------------------------------------

describe('the purge hook and the view-flush cron route on a server of their own', () => {
  const CRON_SECRET = 'e2e-cron-secret-0123456789abcdef';
  const PURGE_TOKEN = 'e2e-purge-token';
  const prefix = `{gazette-e2e-cron-${process.pid}-${Date.now()}}:`;
  const purges: { authorization: string | undefined; body: { urls: string[]; everything: boolean } }[] = [];
  let purgeServer: http.Server;
  let nr: AdminServer;
  let cookie: string;
  let withRedis = false;

  beforeAll(async () => {
    purgeServer = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        purges.push({ authorization: req.headers.authorization, body: JSON.parse(body) as { urls: string[]; everything: boolean } });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => purgeServer.listen(0, '127.0.0.1', resolve));
    const purgeUrl = `http://127.0.0.1:${(purgeServer.address() as net.AddressInfo).port}/purge`;
    withRedis = await redisAnswers();
    nr = await startAdmin({
      prefix: 'gazette-cdn-',
      staff: [{ key: 'editor', role: 'editor' }],
      env: {
        CDN_PURGE_URL: purgeUrl,
        CDN_PURGE_TOKEN: PURGE_TOKEN,
        CRON_SECRET,
        VIEWS_FLUSH_MS: '600000', // only the cron route flushes here
        TRUST_PROXY: '1',
        VIEWS_RATE_LIMIT: '0',
        // This run's own keys, pages included: another test server on this Redis has another database.
        ...(withRedis ? { REDIS_URL: redisUrl, VIEWS_REDIS_PREFIX: prefix, CACHE_REDIS_PREFIX: `${prefix}cache:`, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64') } : {}),
      },
    });
    cookie = await sessionCookie(nr.baseURL, nr.staff.editor!.email, nr.staff.editor!.password);
  }, 240_000);

  afterAll(async () => {
    await nr?.dispose();
    await new Promise((resolve) => purgeServer?.close(resolve));
    if (withRedis) await cleanRedisPrefix(prefix);
  });

  it('a publish POSTs the URLs it made stale to CDN_PURGE_URL: the article, home, its section and feeds, the sitemaps', async () => {
    const list = await (await fetch(`${nr.baseURL}/admin/articles`, { headers: { Cookie: cookie } })).text();
    const section = demoSections[0]!;
    const sectionId = Number(new RegExp(`<option value="(\\d+)">${section.title}</option>`).exec(list)?.[1]);
    expect(sectionId).toBeGreaterThan(0);
    const act = async <T>(name: string, args: unknown[]) => {
      const result = await callAction<{ ok: boolean; data: T }>(nr.baseURL, name, args, { cookie });
      expect(result.value?.ok, JSON.stringify(result.value ?? result.raw)).toBe(true);
      return result.value!.data;
    };
    const { id } = await act<{ id: number }>('createArticleAction', [{ title: 'CDN purge e2e story', body: doc('A story to purge.'), sectionId }]);
    purges.length = 0;
    await act('transitionArticleAction', [{ id, transition: 'publish' }]);
    const purge = await eventually(async () => purges.find((p) => p.body.urls.some((u) => u.includes(`/articles/${id}-`))), { timeout: 10_000, what: 'the purge POST' }).then((p) => p!);
    expect(purge.authorization).toBe(`Bearer ${PURGE_TOKEN}`);
    const paths = purge.body.urls.map((u) => new URL(u).pathname);
    expect(purge.body.urls.every((u) => u.startsWith(`${nr.baseURL}/`))).toBe(true);
    expect(paths).toEqual(expect.arrayContaining(['/', `/articles/${id}-cdn-purge-e2e-story`, `/${section.slug}`, `/feeds/${section.slug}.xml`, '/feed.xml', '/sitemap.xml', '/sitemaps/news.xml', `/sitemaps/articles-${Math.ceil(id / 5000)}.xml`]));
    expect(purge.body.everything).toBe(false);
    // The page it names is the one readers get.
    expect((await readerGet(nr.baseURL, `/articles/${id}`)).url).toBe(`${nr.baseURL}/articles/${id}-cdn-purge-e2e-story`);
  });

  it('the cron route: 401 without the bearer secret; with it, the pending counts move to the database', async () => {
    const home = await (await fetch(nr.baseURL)).text();
    const id = Number(/href="\/articles\/(\d+)-/.exec(home)![1]);
    const cron = (authorization?: string) => fetch(`${nr.baseURL}/api/cron/flush-views`, { headers: authorization ? { authorization } : {} });
    const stored = () =>
      nr.withDb(async (db) => {
        const result = (await db.execute(sql`select view_count from articles where id = ${id}`)) as unknown;
        const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { view_count: number | string }[];
        return Number(rows[0]!.view_count);
      });
    // Anything the seed or start-up left pending goes first.
    expect((await cron(`Bearer ${CRON_SECRET}`)).status).toBe(200);
    const before = databaseKind === 'postgres' ? await stored() : null;
    const total = async () => ((await (await fetch(`${nr.baseURL}/api/views?ids=${id}`)).json()) as Record<string, number>)[id]!;
    const shown = await total();

    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${nr.baseURL}/api/views`, { method: 'POST', body: JSON.stringify({ id }), headers: { 'content-type': 'text/plain', 'user-agent': BROWSER_UA, 'x-forwarded-for': `10.9.0.${i + 1}` } });
      expect(res.status).toBe(204);
    }
    expect(await total()).toBe(shown + 12); // counted, still pending
    if (before !== null) expect(await stored()).toBe(before);

    for (const auth of [undefined, 'Bearer wrong-secret-0123456789', CRON_SECRET]) {
      const res = await cron(auth);
      expect(res.status, String(auth)).toBe(401);
    }
    if (before !== null) expect(await stored()).toBe(before);

    const res = await cron(`Bearer ${CRON_SECRET}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ ok: true, rows: 1, views: 12 });
    if (before !== null) expect(await stored()).toBe(before + 12);
    expect(await total()).toBe(shown + 12); // moved, not lost or doubled
    expect(await (await cron(`Bearer ${CRON_SECRET}`)).json()).toMatchObject({ ok: true, views: 0 });
    console.log(`[cdn] cron flush on ${databaseKind}${withRedis ? ' with Redis' : ' (in-memory buffer)'}: 12 views moved`);
  });
});
