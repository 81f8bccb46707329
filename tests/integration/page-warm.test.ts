import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle } from '@/db/queries/admin/article-write';
import { takeWarmStep } from '@/db/queries/page-warm';
import { forgetStoredPages } from '@/db/queries/page-store';
import { ownOrigin, warmPages, type WarmOptions } from '@/services/page-warm';
import { rows, sectionIdBySlug, testFileDatabase } from '../fixtures/database';
import { input } from './admin-helpers';

/**
 * Rendering every story's page ahead of readers after a deploy (ADR 0016): the walk asks for each
 * visible story once, newest first; one server holds it at a time, and whoever comes next goes on
 * from the place reached. The renderer is the server over HTTP in production; here it records
 * the paths asked for.
 */

const { db, staff } = await testFileDatabase({ staffPrefix: 'warm', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');

// Stories a reader cannot see, which the walk must not ask for.
const draft = await createArticle(db, staff.author, input({ title: '草稿不预渲染', sectionId }));
const trashed = await createArticle(db, staff.author, input({ title: '回收站不预渲染', sectionId }));
await transitionArticle(db, staff.editor, trashed.id, 'publish');
await transitionArticle(db, staff.editor, trashed.id, 'trash');
const future = await createArticle(db, staff.author, input({ title: '明天才发布', sectionId }));
await transitionArticle(db, staff.editor, future.id, 'publish', { publishAt: new Date(Date.now() + 86_400_000) });

/** What a reader sees, newest first, written out here rather than through the data layer's rule. */
async function visiblePaths(): Promise<string[]> {
  const list = await rows<{ id: number; slug: string }>(
    db,
    sql`select id, slug from articles where status in ('published', 'scheduled') and published_at <= now() and deleted_at is null order by published_at desc, id desc`,
  );
  return list.map((a) => `/articles/${a.id}-${a.slug}`);
}

function walker(buildId: string, holder: string, options: Partial<WarmOptions> = {}) {
  const asked: string[] = [];
  const run = () =>
    warmPages({
      db,
      buildId,
      holder,
      batch: 3,
      render: async (path) => {
        asked.push(path);
        return 'rendered';
      },
      ...options,
    });
  return { asked, run };
}

describe('rendering every story page ahead of readers', () => {
  it('asks for every visible story once, newest first, over several steps, then the walk is finished', async () => {
    const expected = await visiblePaths();
    expect(expected.length).toBeGreaterThan(6);
    for (const hidden of [draft.id, trashed.id, future.id]) expect(expected.some((p) => p.startsWith(`/articles/${hidden}-`))).toBe(false);
    const build = `build-${randomUUID()}`;
    const a = walker(build, 'server-a');
    const progress = await a.run();
    expect(a.asked).toEqual(expected);
    expect(progress).toMatchObject({ pages: expected.length, rendered: expected.length, held: true, finished: true });
    const [row] = await rows<{ pages: number; finished: boolean }>(db, sql`select pages, finished_at is not null as finished from page_warm where build_id = ${build}`);
    expect(row).toEqual({ pages: expected.length, finished: true });

    // Finished: no server walks this build again, but the next build starts from the top.
    const again = walker(build, 'server-b');
    expect(await again.run()).toMatchObject({ held: false, pages: 0 });
    const next = walker(`build-${randomUUID()}`, 'server-b');
    await next.run();
    expect(next.asked).toEqual(expected);
  });

  it('one server at a time: another waits while the lease runs; a server that stops hands over the place reached', async () => {
    const expected = await visiblePaths();
    const build = `build-${randomUUID()}`;
    const a = walker(build, 'server-a', { stopped: () => a.asked.length >= 4 });
    const b = walker(build, 'server-b');
    // Server A in the middle of a step: B waits.
    expect(await takeWarmStep(db, build, 'server-a', 3, 120)).toHaveLength(3);
    expect(await b.run()).toMatchObject({ held: false, pages: 0 });
    // A walks on and stops (its server shuts down): B goes on at once from where A got to.
    expect(await a.run()).toMatchObject({ pages: 4, held: true, finished: false });
    expect(await b.run()).toMatchObject({ held: true, finished: true });
    expect([...a.asked, ...b.asked]).toEqual(expected);
  });

  it('a lease that runs out (a server that died mid-step) passes to the next server, which asks again what was not recorded', async () => {
    const expected = await visiblePaths();
    const build = `build-${randomUUID()}`;
    const a = walker(build, 'server-a', { stopped: () => a.asked.length >= 3 });
    await a.run(); // three recorded
    expect(await takeWarmStep(db, build, 'server-a', 3, 1)).toHaveLength(3); // then it died holding the next three
    const b = walker(build, 'server-b');
    await expect.poll(async () => (await b.run()).held, { timeout: 5_000, interval: 300 }).toBe(true);
    expect([...a.asked, ...b.asked]).toEqual(expected);
  });

  it('stops at a run of failures (the server cannot render now) and asks for those stories again next time; a lone failure is passed', async () => {
    const expected = await visiblePaths();
    const build = `build-${randomUUID()}`;
    const asked: string[] = [];
    const failing = new Set([expected[1], expected[6], expected[7], expected[8]]);
    const first = await warmPages({ db, buildId: build, holder: 'server-a', batch: 3, render: async (path) => (asked.push(path), failing.has(path) ? 'failed' : 'rendered') });
    expect(first).toMatchObject({ held: true, finished: false, failed: 4 });
    expect(asked).toEqual(expected.slice(0, 9));
    const again = walker(build, 'server-a');
    await again.run();
    expect(again.asked).toEqual(expected.slice(6));
  });

  it('forgetting stored pages (a seed, an import) starts the walk again', async () => {
    const build = `build-${randomUUID()}`;
    await walker(build, 'server-a').run();
    await forgetStoredPages(db);
    const again = walker(build, 'server-a');
    await again.run();
    expect(again.asked).toEqual(await visiblePaths());
  });

  it('starts again after a change every story page shows (the header, the banner), not after one story\'s', async () => {
    const expected = await visiblePaths();
    const build = `build-${randomUUID()}`;
    await walker(build, 'server-a').run();
    // Later than any expiry another test of this file recorded.
    const expire = (tag: string) =>
      db.execute(sql`insert into page_tag_expiry (tag, expired_at) values (${tag}, ${Date.now() + 60_000}) on conflict (tag) do update set expired_at = excluded.expired_at`);

    await expire(`article:${randomUUID()}`);
    const untouched = walker(build, 'server-b');
    expect(await untouched.run()).toMatchObject({ held: false, pages: 0 });

    await expire('breaking-news');
    const again = walker(build, 'server-b');
    expect(await again.run()).toMatchObject({ held: true, finished: true });
    expect(again.asked).toEqual(expected);
    // Once: the walk that began after that expiry is not begun again by it.
    expect(await walker(build, 'server-b').run()).toMatchObject({ held: false, pages: 0 });
    // A walk of a new build does not begin twice for an expiry from before it.
    const next = walker(`build-${randomUUID()}`, 'server-b');
    await next.run();
    expect(next.asked).toEqual(expected);
  });

  it('walks again six days after the last walk began, so that no stored story page reaches a week', async () => {
    const build = `build-${randomUUID()}`;
    await walker(build, 'server-a').run();
    await db.execute(sql`update page_warm set started_at = now() - interval '5 days' where build_id = ${build}`);
    expect(await walker(build, 'server-a').run()).toMatchObject({ held: false, pages: 0 });
    await db.execute(sql`update page_warm set started_at = now() - interval '6 days 1 minute' where build_id = ${build}`);
    const again = walker(build, 'server-a');
    await again.run();
    expect(again.asked).toEqual(await visiblePaths());
  });

  it('asks the server where it listens, from itself', () => {
    expect(ownOrigin({ PORT: 3000, HOSTNAME_BIND: undefined })).toBe('http://127.0.0.1:3000');
    expect(ownOrigin({ PORT: 8080, HOSTNAME_BIND: '0.0.0.0' })).toBe('http://127.0.0.1:8080');
    expect(ownOrigin({ PORT: 8080, HOSTNAME_BIND: '10.0.0.5' })).toBe('http://10.0.0.5:8080');
    expect(ownOrigin({ PORT: 8080, HOSTNAME_BIND: 'fd00::5' })).toBe('http://[fd00::5]:8080');
    expect(ownOrigin({ PORT: 8080, HOSTNAME_BIND: '[fd00::5]' })).toBe('http://[fd00::5]:8080');
    expect(ownOrigin({ PORT: 8080, HOSTNAME_BIND: 'localhost' })).toBe('http://localhost:8080');
  });
});
