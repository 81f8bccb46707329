import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSections } from '@/services/seed/demo-content';
import { callAction } from '../helpers/actions';
import { doc, sessionCookie, startAdmin, type AdminServer } from '../helpers/admin';

/**
 * The page store (ADR 0015) through the production server on PostgreSQL: an archive page rendered
 * once is served after a restart without being rendered again; a correction shows at once on the
 * story and on the stories beside it, while the rest of the section's archive stays stored; and an
 * expiry written while no server ran still keeps the stored page from being served.
 */

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const SECTION = demoSections.find((s) => s.slug === 'company')!;
const run = randomUUID().slice(0, 8);

let a: AdminServer;
let cookie: string;
const ids: number[] = [];

async function act<T>(name: string, args: unknown[]): Promise<T> {
  const result = await callAction<{ ok: boolean; data: T; error?: string }>(a.baseURL, name, args, { cookie });
  if (!result.value?.ok) throw new Error(`${name} failed: ${JSON.stringify(result.value ?? result.raw)}`);
  return result.value.data;
}

/** The page and whether Next served it from a cache (HIT) or rendered it (MISS). */
async function read(id: number): Promise<{ body: string; cache: string | null }> {
  const res = await fetch(`${a.baseURL}/articles/${id}`, { redirect: 'follow' });
  expect(res.status).toBe(200);
  return { body: await res.text(), cache: res.headers.get('x-nextjs-cache') };
}

const title = (i: number) => `存档第${i}篇 ${run}`;

describe.skipIf(!onPostgres)('rendered pages kept in PostgreSQL, through the server', () => {
  beforeAll(async () => {
    // No micro-cache: each request must reach Next's cache to say where the page came from.
    a = await startAdmin({ prefix: 'gazette-page-store-', staff: [{ key: 'editor', role: 'editor' }], env: { MICRO_CACHE_MS: '0' } });
    cookie = await sessionCookie(a.baseURL, a.staff.editor!.email, a.staff.editor!.password);
    const list = await (await fetch(`${a.baseURL}/admin/articles`, { headers: { Cookie: cookie } })).text();
    const sectionId = Number(new RegExp(`<option value="(\\d+)">${SECTION.title}</option>`).exec(list)?.[1]);
    // Seven archive stories in a row in one section, published in January 2024, before any page shows them.
    for (let i = 1; i <= 7; i++) {
      const { id } = await act<{ id: number }>('createArticleAction', [{ title: title(i), body: doc(`第${i}篇的正文。`), sectionId }]);
      await act('transitionArticleAction', [{ id, transition: 'publish' }]);
      ids.push(id);
    }
    await a.withDb((db) => db.execute(sql`update articles set published_at = make_timestamptz(2024, 1, position::int, 8, 0, 0::double precision, 'UTC') from unnest(${`{${ids.join(',')}}`}::int[]) with ordinality as t(id, position) where articles.id = t.id`));
  }, 300_000);

  afterAll(async () => {
    await a?.dispose();
  });

  it('serves an archive page rendered before a restart from the store, the same page', { timeout: 120_000 }, async () => {
    const before = await Promise.all(ids.map(read));
    expect(before.map((p) => p.cache)).toEqual(ids.map(() => 'MISS'));
    await a.restart();
    const after = await Promise.all(ids.map(read));
    expect(after.map((p) => p.cache)).toEqual(ids.map(() => 'HIT'));
    expect(after[3]!.body).toContain(title(4));
    // The story beside it is linked as previous / next.
    expect(after[3]!.body).toContain(title(3));
    expect(after[3]!.body).toContain(title(5));
  });

  it('a correction shows at once on the story and on the stories beside it; the rest of the section stays stored', { timeout: 120_000 }, async () => {
    const [story] = await a.withDb((db) => db.execute(sql`select version from articles where id = ${ids[3]!}`) as unknown as Promise<{ version: number }[]>);
    const corrected = `存档第4篇（更正） ${run}`;
    const list = await (await fetch(`${a.baseURL}/admin/articles`, { headers: { Cookie: cookie } })).text();
    const sectionId = Number(new RegExp(`<option value="(\\d+)">${SECTION.title}</option>`).exec(list)?.[1]);
    await act('saveArticleAction', [{ id: ids[3], baseVersion: story!.version, values: { title: corrected, body: doc('第4篇的正文，更正。'), sectionId } }]);

    const own = await read(ids[3]!);
    expect(own.cache).toBe('MISS');
    expect(own.body).toContain(corrected);
    for (const i of [2, 4]) {
      const beside = await read(ids[i]!);
      expect(beside.cache).toBe('MISS');
      expect(beside.body).toContain(corrected);
      expect(beside.body).not.toContain(title(4));
    }
    // Far from it in the same section: still the stored page, not rendered again.
    expect((await read(ids[0]!)).cache).toBe('HIT');
    expect((await read(ids[6]!)).cache).toBe('HIT');
  });

  it('an expiry written while no server ran keeps the stored page from being served', { timeout: 120_000 }, async () => {
    await a.server.stop('SIGTERM');
    await a.withDb((db) => db.execute(sql`insert into page_tag_expiry (tag, expired_at) values (${`article:${ids[0]}`}, ${Date.now()}) on conflict (tag) do update set expired_at = excluded.expired_at`));
    await a.restart();
    expect((await read(ids[0]!)).cache).toBe('MISS');
    expect((await read(ids[6]!)).cache).toBe('HIT');
  });

  it('npm run warm renders every story the sitemaps list once; run again, it finds them all kept', { timeout: 180_000 }, async () => {
    const warm = () => promisify(execFile)('npx', ['tsx', 'scripts/warm-pages.ts', a.baseURL, '--concurrency', '2'], { cwd: process.cwd() });
    const first = await warm();
    const [, pages, rendered, kept, failed] = /Done: (\d+) pages .*: (\d+) rendered, (\d+) already kept, (\d+) failed/.exec(first.stdout)!.map(Number);
    // The demo's stories and this file's seven; two of those were stored (above) and are found.
    expect(pages).toBeGreaterThan(7);
    expect(failed).toBe(0);
    expect(rendered! + kept!).toBe(pages);
    expect(kept).toBeGreaterThanOrEqual(1);
    const second = await warm();
    expect(second.stdout).toContain(`Done: ${pages} pages`);
    expect(second.stdout).toMatch(new RegExp(`: 0 rendered, ${pages} already kept, 0 failed`));
  });
});
