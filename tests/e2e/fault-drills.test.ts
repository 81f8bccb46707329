import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { callAction } from '../helpers/actions';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { doc, sessionCookie, startAdmin, type AdminServer } from '../helpers/admin';
import { startServer, type RunningServer } from '../helpers/server';
import { TcpProxy } from '../helpers/tcp-proxy';

/**
 * Fault drills on PostgreSQL (issue 10): one production server whose database connection goes
 * through a TCP relay the test can cut, and a direct connection for the test's own reads and locks.
 * tests/e2e/db-outage.test.ts covers the 503 page for uncached pages and recovery; these add load,
 * a slow database, exact counts and what cached pages do meanwhile.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
// Pages (Next's cache and the micro-cache). Feeds and sitemaps are route handlers the micro-cache
// does not keep: while the database is down they get the outage 503 (left as is).
const CACHED_PAGES = ['/', '/news', '/company'];

let database: TestDatabase;
let relay: TcpProxy;
let server: RunningServer;
let direct: postgres.Sql;
let articlePath: string;
/** An article no one has opened yet: its first render needs the database. */
let unopenedArticles: string[];

const status = async (path: string, timeoutMs = 10_000) => {
  try {
    return (await fetch(`${server.baseURL}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })).status;
  } catch {
    return 0; // no answer within the time: as bad as an error for a reader
  }
};

async function until(ms: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!onPostgres)('fault drills (PostgreSQL)', () => {
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await database.close();
    direct = postgres(database.url!, { max: 2, onnotice: () => {} });
    const target = new URL(database.url!);
    relay = new TcpProxy(target.hostname, Number(target.port || 5432));
    const viaRelay = new URL(database.url!);
    viaRelay.host = `127.0.0.1:${await relay.start()}`;
    server = await startServer({ databaseUrl: viaRelay.toString(), env: { VIEWS_RATE_LIMIT: '0', SEARCH_RATE_LIMIT: '0', VIEWS_FLUSH_MS: '500', TRUST_PROXY: '1' } });
    const home = await (await fetch(server.baseURL)).text();
    const articles = [...new Set([...home.matchAll(/href="(\/articles\/\d+-[^"]*)"/g)].map((m) => m[1]!))];
    [articlePath, ...unopenedArticles] = articles as [string, ...string[]];
    expect(unopenedArticles.length).toBeGreaterThanOrEqual(2);
    for (const path of [...CACHED_PAGES, articlePath]) expect(await status(path)).toBe(200);
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    await relay?.cut().catch(() => {});
    await direct?.end({ timeout: 2 });
    await database?.drop();
  });

  it('1,000 concurrent view beacons from 1,000 readers: exactly 1,000 views, live and in the database', { timeout: 120_000 }, async () => {
    const id = Number(/\/articles\/(\d+)-/.exec(articlePath)![1]);
    const stored = async () => Number((await direct`select view_count from articles where id = ${id}`)[0]!.view_count);
    const live = async () => ((await (await fetch(`${server.baseURL}/api/views?ids=${id}`)).json()) as Record<string, number>)[id]!;
    await until(5_000, 'earlier views flushed', async () => (await stored()) === (await live()));
    const before = await stored();
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        fetch(`${server.baseURL}/api/views`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36', 'x-forwarded-for': `10.50.${i >> 8}.${i & 255}` },
          body: JSON.stringify({ id }),
        }).then((res) => res.status),
      ),
    );
    expect(statuses.filter((s) => s !== 204)).toEqual([]);
    expect(await live()).toBe(before + 1000);
    await until(10_000, 'the 1,000 views written to the database', async () => (await stored()) === before + 1000);
    await new Promise((r) => setTimeout(r, 1_500)); // a flush more: nothing counted twice
    expect(await stored()).toBe(before + 1000);
  });

  it('a slow database (articles locked for 8 s) does not turn the site into 503: cached pages answer 200 at once, and the waiting page completes', { timeout: 60_000 }, async () => {
    const locker = await direct.reserve();
    await locker`begin`;
    await locker`lock table articles in access exclusive mode`;
    const waiting = status(unopenedArticles.shift()!, 30_000); // not cached: waits for the lock
    // A search stops itself after its statement timeout (3 s) rather than hold a connection.
    const searchStarted = Date.now();
    const search = status(`/search?q=${encodeURIComponent('内容')}`, 30_000).then((s) => ({ status: s, ms: Date.now() - searchStarted }));
    const seen: number[] = [];
    const slowest: number[] = [];
    const started = Date.now();
    try {
      while (Date.now() - started < 8_000) {
        for (const path of [...CACHED_PAGES, articlePath]) {
          const t = Date.now();
          seen.push(await status(path, 5_000));
          slowest.push(Date.now() - t);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(await status('/api/health')).toBe(200);
    } finally {
      await locker`rollback`;
      locker.release();
    }
    expect(seen.filter((s) => s !== 200)).toEqual([]);
    expect(Math.max(...slowest)).toBeLessThan(1_000);
    expect(await waiting).toBe(200);
    const searched = await search;
    expect(searched.status).not.toBe(0);
    expect(searched.ms).toBeLessThan(6_000);
    console.log(`[fault drills] slow database: ${seen.length} cached page requests, all 200, slowest ${Math.max(...slowest)} ms; a search under the lock answered ${searched.status} after ${searched.ms} ms`);
  });

  it('the database goes away under load: cached pages keep answering, and when it is back the site recovers within 5 s without a storm of 500s', { timeout: 90_000 }, async () => {
    const tally = new Map<number, number>();
    /** Pages that need the database unless cached (a search always does). */
    const mixed = new Map<number, number>();
    let stop = false;
    const worker = async (paths: string[], into = tally) => {
      for (let i = 0; !stop; i++) {
        const s = await status(paths[i % paths.length]!, 10_000);
        into.set(s, (into.get(s) ?? 0) + 1);
      }
    };
    const cachedWhileDown: number[] = [];
    const failedPaths = new Set<string>();
    // Searches no one asked before need the database every time.
    const uncached = new Map<number, number>();
    const searcher = async () => {
      for (let i = 0; !stop; i++) {
        const s = await status(`/search?q=fresh${i}x${Date.now()}`, 10_000);
        uncached.set(s, (uncached.get(s) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const load = [worker(CACHED_PAGES), worker([articlePath, '/']), worker(['/tags/kaiyuan', '/authors/lin-xiaoyu', '/seo', '/search?q=drill'], mixed), searcher()];
    await new Promise((r) => setTimeout(r, 1_000));
    await relay.cut();
    const cutAt = Date.now();
    while (Date.now() - cutAt < 8_000) {
      for (const path of CACHED_PAGES) {
        const s = await status(path, 5_000);
        cachedWhileDown.push(s);
        if (s !== 200) failedPaths.add(`${path} ${s}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const duringOutage = new Map(tally);
    const uncachedDuringOutage = new Map(uncached);
    const mixedDuringOutage = new Map(mixed);
    await relay.restore();
    const restoredAt = Date.now();
    // A search no one asked before needs the database.
    let n = 0;
    const recoveredIn = await until(5_000, 'uncached pages answer again', async () => (await status(`/search?q=recovery${++n}`, 5_000)) === 200);
    tally.clear();
    uncached.clear();
    mixed.clear();
    await new Promise((r) => setTimeout(r, 2_000));
    stop = true;
    await Promise.all(load);
    const afterRecovery = new Map<number, number>();
    for (const m of [tally, mixed, uncached]) for (const [s, n] of m) afterRecovery.set(s, (afterRecovery.get(s) ?? 0) + n);
    console.log(
      `[fault drills] outage: cached pages while down ${JSON.stringify(count(cachedWhileDown))} ${[...failedPaths].join(', ')}; cached load while down ${JSON.stringify(Object.fromEntries(duringOutage))}; other pages while down ${JSON.stringify(Object.fromEntries(mixedDuringOutage))}; uncached searches while down ${JSON.stringify(Object.fromEntries(uncachedDuringOutage))}; ` +
        `recovered ${recoveredIn} ms after the relay came back (${Date.now() - restoredAt} ms ago); load after ${JSON.stringify(Object.fromEntries(afterRecovery))}`,
    );
    expect(cachedWhileDown.filter((s) => s !== 200)).toEqual([]);
    expect([...duringOutage.keys()]).toEqual([200]);
    expect(uncachedDuringOutage.get(0) ?? 0).toBe(0); // never a hang
    expect(mixedDuringOutage.get(0) ?? 0).toBe(0);
    expect(mixedDuringOutage.get(500) ?? 0).toBeLessThanOrEqual(3);
    expect(uncachedDuringOutage.get(500) ?? 0).toBeLessThanOrEqual(3); // the first to fail may answer 500; then the guard's quick 503
    expect(uncachedDuringOutage.get(503) ?? 0).toBeGreaterThan(0);
    expect([...afterRecovery.keys()]).toEqual([200]);
    expect(server.process.exitCode).toBeNull();
  });
});

function count(list: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of list) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe.skipIf(!onPostgres)('kill -9 in the middle of a save (PostgreSQL)', () => {
  let newsroom: AdminServer;
  afterAll(async () => {
    await newsroom?.dispose();
  });

  it('leaves the story as it was or as it was saved, never half of each: title, body and revision agree', { timeout: 240_000 }, async () => {
    newsroom = await startAdmin({ prefix: 'gazette-kill-save-', staff: [{ key: 'editor', role: 'editor' }] });
    const { email, password } = newsroom.staff.editor!;
    let cookie = await sessionCookie(newsroom.baseURL, email, password);
    const sectionId = await newsroom.withDb(async (db) => {
      const { sql } = await import('drizzle-orm');
      return ((await db.execute(sql`select id from sections order by id limit 1`)) as unknown as { id: number }[])[0]!.id;
    });
    const created = await callAction<{ ok: boolean; data: { id: number; version: number } }>(newsroom.baseURL, 'createArticleAction', [{ title: '保存中断测试 0', body: doc('保存中断测试 0：第 1 段。'), sectionId }], { cookie });
    expect(created.value?.ok, JSON.stringify(created.value ?? created.raw)).toBe(true);
    const id = created.value!.data.id;
    const longBody = (title: string) => doc(...Array.from({ length: 2000 }, (_, i) => `${title}：第 ${i + 1} 段。`));
    // How long one such save takes here, so that the kills fall across it.
    const started = Date.now();
    const timed = await callAction<{ ok: boolean; data: { version: number } }>(newsroom.baseURL, 'saveArticleAction', [
      { id, baseVersion: created.value!.data.version, values: { title: '保存中断测试 0', body: longBody('保存中断测试 0'), sectionId } },
    ], { cookie });
    expect(timed.value?.ok).toBe(true);
    const saveMs = Date.now() - started;
    const outcomes: string[] = [];
    for (const [round, delayMs] of [0.2, 0.5, 0.8, 0.9, 0.95, 1, 1.1, 2].map((f) => Math.round(f * saveMs)).entries()) {
      const before = await newsroom.withDb(async (db) => {
        const { sql } = await import('drizzle-orm');
        const rows = (await db.execute(sql`select title, version from articles where id = ${id}`)) as unknown as { title: string; version: number }[];
        return rows[0]!;
      });
      const title = `保存中断测试 ${round + 1}`;
      // A long body (about 400 KB of editor JSON): the save takes long enough for the kill to land inside it.
      void callAction(newsroom.baseURL, 'saveArticleAction', [
        { id, baseVersion: before.version, values: { title, body: longBody(title), sectionId } },
      ], { cookie }).catch(() => null);
      await new Promise((r) => setTimeout(r, delayMs));
      await newsroom.server.stop('SIGKILL');
      await newsroom.restart();
      cookie = await sessionCookie(newsroom.baseURL, email, password);
      const after = await newsroom.withDb(async (db) => {
        const { sql } = await import('drizzle-orm');
        const rows = (await db.execute(sql`
          select a.title, a.version, a.body_text, a.body_json::text as body_json,
                 (select count(*)::int from article_revisions r where r.article_id = a.id and r.title = ${title}) as new_revisions
          from articles a where a.id = ${id}`)) as unknown as { title: string; version: number; body_text: string; body_json: string; new_revisions: number }[];
        return rows[0]!;
      });
      const kept = after.title === before.title;
      const shown = kept ? before.title : title;
      expect([before.title, title]).toContain(after.title);
      // Every paragraph of the body is of the same save as the title, in the JSON and in the text.
      for (const text of [after.body_text, after.body_json]) {
        expect(text).toContain(`${shown}：`);
        expect(text).not.toContain(kept ? `${title}：` : `${before.title}：`);
      }
      // The save's revision exists exactly when the story shows the save.
      expect(after.new_revisions).toBe(kept ? 0 : 1);
      expect(after.version).toBe(kept ? before.version : before.version + 1);
      outcomes.push(`${delayMs} ms: ${kept ? 'old' : 'new'}`);
    }
    console.log(`[kill during save] one save takes ${saveMs} ms; killed after ${outcomes.join(', ')}`);
    // The kills fell on both sides of the commit (twice the save's time is always after it).
    expect(outcomes.at(-1)).toMatch(/new$/);
  });
});
