import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSections } from '@/services/seed/demo-content';
import { actionsAs, doc, sectionIdInAdmin, staffCookie, startAdmin, type AdminServer } from '../helpers/admin';
import { startServer, tempDataDir } from '../helpers/server';

/**
 * One server per core (WEB_CONCURRENCY=2, server/cluster.mjs) on PostgreSQL and Redis: the primary
 * hands new connections to the workers in turn, so consecutive requests reach both; what an editor
 * changes through one worker is what every request shows at once, a crashed worker is replaced,
 * and SIGTERM stops them all cleanly.
 */

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const REDIS_URL = 'redis://127.0.0.1:6379';
/** This run's own keys, so parallel runs and other tests never see each other's cache. */
const prefix = `gazette-cluster-${randomUUID().slice(0, 8)}`;
const env = {
  WEB_CONCURRENCY: '2',
  REDIS_URL,
  CACHE_REDIS_PREFIX: `${prefix}:cache:`,
  VIEWS_REDIS_PREFIX: `{${prefix}-views}:`,
  VIEWS_RATE_LIMIT: '0',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
};
const SECTION = demoSections.find((s) => s.slug === 'company')!;
/** Enough consecutive requests to reach each worker more than once. */
const ROUNDS = 6;

let newsroom: AdminServer;
let cookie: string;
/** Server Actions as the editor. */
let act: ReturnType<typeof actionsAs>;

/**
 * A GET on a connection of its own: the primary hands each new connection to the next worker, and a
 * kept-alive connection (fetch's default) would stay with the worker that accepted it.
 */
function freshGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** Each of `ROUNDS` consecutive requests for `path`, each on a new connection, as status and body. */
async function rounds(path: string): Promise<{ status: number; body: string }[]> {
  const seen = [];
  for (let i = 0; i < ROUNDS; i++) seen.push(await freshGet(`${newsroom.baseURL}${path}`));
  return seen;
}

const workerPids = (logs: string) => [...logs.matchAll(/listening on \S+ \(worker (\d+)\)/g)].map((m) => Number(m[1]));

describe.skipIf(!onPostgres)('WEB_CONCURRENCY=2: two workers behind one port', () => {
  beforeAll(async () => {
    newsroom = await startAdmin({ prefix: 'gazette-cluster-', staff: [{ key: 'editor', role: 'editor' }], env });
    cookie = await staffCookie(newsroom, 'editor');
    act = actionsAs(newsroom.baseURL, cookie);
  }, 300_000);

  afterAll(async () => {
    await newsroom?.dispose();
    const redis = new Redis(REDIS_URL);
    const keys = [...(await redis.keys(`${prefix}:*`)), ...(await redis.keys(`{${prefix}-views}:*`))];
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('starts two workers', () => {
    expect(new Set(workerPids(newsroom.server.logs())).size).toBe(2);
  });

  it('a publish, an edit and an unpublish through one worker show on every request at once', { timeout: 120_000 }, async () => {
    const sectionId = await sectionIdInAdmin(newsroom.baseURL, cookie, SECTION.title);
    // A made-up word only this story has, so that search finds it and nothing else.
    const word = `qz${randomUUID().replace(/[^a-f]/g, '').slice(0, 8)}`;
    // Checked without the word, which search results highlight (<mark>).
    const first = '多进程测试：首发标题';
    const edited = '多进程测试：更正后的标题';
    const { id } = await act<{ id: number }>('createArticleAction', [{ title: `${first} ${word}`, body: doc('一台机器，两个进程。'), sectionId }]);
    // Search results are kept for a minute too (services/search/result-cache.ts): a change must empty them everywhere.
    const pages = [`/articles/${id}`, '/', `/${SECTION.slug}`, '/feed.xml', `/search?q=${word}`];

    // Both workers hold every page in their caches (Next's and the micro-cache) before each change.
    for (const path of pages) await rounds(path);
    expect((await rounds(`/articles/${id}`)).every((r) => r.status === 404)).toBe(true);

    const published = await act<{ version: number }>('transitionArticleAction', [{ id, transition: 'publish' }]);
    for (const path of pages) {
      const seen = await rounds(path);
      expect(seen.map((r) => r.body.includes(first)), `${path} after publishing`).toEqual(Array(ROUNDS).fill(true));
    }

    for (const path of pages) await rounds(path);
    await act('saveArticleAction', [{ id, baseVersion: published.version, values: { title: `${edited} ${word}`, body: doc('一台机器，两个进程。更正。'), sectionId } }]);
    for (const path of pages) {
      const seen = await rounds(path);
      expect(seen.map((r) => r.body.includes(edited) && !r.body.includes(first)), `${path} after the edit`).toEqual(Array(ROUNDS).fill(true));
    }

    for (const path of pages) await rounds(path);
    await act('transitionArticleAction', [{ id, transition: 'unpublish' }]);
    expect((await rounds(`/articles/${id}`)).map((r) => r.status)).toEqual(Array(ROUNDS).fill(404));
    for (const path of pages.slice(1)) {
      expect((await rounds(path)).some((r) => r.body.includes(edited)), `${path} after unpublishing`).toBe(false);
    }
  });

  it('a worker that dies is replaced, and the site keeps answering meanwhile', { timeout: 120_000 }, async () => {
    const [victim] = workerPids(newsroom.server.logs());
    process.kill(victim!, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    while (!newsroom.server.logs().includes(`worker ${victim} stopped`)) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Until its replacement listens, the other worker takes every new connection.
    const statuses: number[] = [];
    while (workerPids(newsroom.server.logs()).length < 3) {
      expect(Date.now()).toBeLessThan(deadline);
      statuses.push((await freshGet(`${newsroom.baseURL}/`)).status);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await rounds('/')).map((r) => r.status)).toEqual(Array(ROUNDS).fill(200));
  });

  it('SIGTERM stops the primary and its workers cleanly', { timeout: 60_000 }, async () => {
    const started = Date.now();
    const code = await newsroom.server.stop('SIGTERM');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const logs = newsroom.server.logs();
    expect(logs.match(/stopped in \d+ ms/g)?.length).toBeGreaterThanOrEqual(2);
    for (const pid of workerPids(logs)) expect(() => process.kill(pid, 0)).toThrow();
    await newsroom.restart();
  });
});

describe('WEB_CONCURRENCY above 1 without PostgreSQL', () => {
  it('refuses to start, naming the variable', { timeout: 60_000 }, async () => {
    const failure = await startServer({ dataDir: tempDataDir('gazette-cluster-pglite-'), env: { WEB_CONCURRENCY: '2', REDIS_URL } }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/exited early \(1\)/);
    expect(failure).toMatch(/WEB_CONCURRENCY/);
    expect(failure).toMatch(/PGlite/);
  });
});
