import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdmin, type AdminServer } from '../helpers/admin';

/**
 * After a deploy the production server renders every story's page once in the background (ADR
 * 0016), so that the first reader or crawler to ask for an old story is served a stored page. On
 * PostgreSQL (the page store's database), with the setting at its default.
 */

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let a: AdminServer;

async function articleUrls(): Promise<string[]> {
  const index = await (await fetch(`${a.baseURL}/sitemap.xml`)).text();
  const chunks = [...index.matchAll(/<loc>([^<]+\/articles-\d+\.xml)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const urls: string[] = [];
  for (const chunk of chunks) {
    const xml = await (await fetch(`${a.baseURL}${chunk}`)).text();
    urls.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
  }
  return urls;
}

describe.skipIf(!onPostgres)('story pages rendered ahead of readers after a start', () => {
  beforeAll(async () => {
    // PAGE_WARM unset: the default. No micro-cache, so that each request says where its page came from.
    a = await startAdmin({ prefix: 'gazette-page-warm-', env: { MICRO_CACHE_MS: '0', PAGE_WARM: '' } });
  }, 300_000);

  afterAll(async () => {
    await a?.dispose();
  });

  it('renders the front page and every story in the sitemaps once, so that their first visit is a hit, and says so in the log', { timeout: 180_000 }, async () => {
    const finished = async () => {
      const list = (await a.withDb((db) => db.execute(sql`select pages from page_warm where finished_at is not null`))) as unknown as { pages: number }[];
      return list[0]?.pages ?? null;
    };
    await expect.poll(finished, { timeout: 150_000, interval: 1_000 }).not.toBeNull();
    const urls = await articleUrls();
    expect(urls.length).toBeGreaterThan(5);
    expect(await finished()).toBe(urls.length);
    // HIT, or STALE for a recent story whose minute passed during the walk: served as stored either way, not rendered.
    const caches = await Promise.all(urls.map(async (url) => (await fetch(`${a.baseURL}${url}`)).headers.get('x-nextjs-cache')));
    expect(caches.filter((c) => c !== 'HIT' && c !== 'STALE')).toEqual([]);
    expect(caches.filter((c) => c === 'HIT').length).toBeGreaterThan(urls.length / 2);
    // The front page is asked for at each look, before the stories.
    expect(['HIT', 'STALE']).toContain((await fetch(`${a.baseURL}/`)).headers.get('x-nextjs-cache'));
    expect(a.server.logs()).toContain(`${urls.length} asked`);
    expect(a.server.logs()).toContain('every story done');
  });
});
