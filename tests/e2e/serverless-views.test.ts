import fs from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { eventually } from '../helpers/admin';
import { startServer, tempDataDir, type RunningServer } from '../helpers/server';

/**
 * Where a function freezes once it has answered (Vercel), view counts cannot wait for the flush
 * timer: after a counted beacon, `after()` flushes them (VIEWS_FLUSH_AFTER_RESPONSE, on by default
 * when VERCEL=1). Here on `next start` with the timer far away, so only that path can write them.
 */

const databaseKind = inject('databaseKind');
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const TOKEN = 'e2e-serverless-views-token';

let server: RunningServer | undefined;
let database: TestDatabase | undefined;
const dataDir = tempDataDir('gazette-serverless-');

afterAll(async () => {
  await server?.stop();
  await database?.drop().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe(`view counts flushed after the response (${databaseKind})`, () => {
  it('each counted beacon is written to the database right after its answer, without the timer', { timeout: 240_000 }, async () => {
    if (databaseKind === 'postgres') {
      database = await createTestDatabase({ migrate: false });
      await database.close();
    }
    const env = { VIEWS_FLUSH_AFTER_RESPONSE: '1', VIEWS_FLUSH_MS: '600000', TRUST_PROXY: '1', VIEWS_RATE_LIMIT: '0', BENCH_TOKEN: TOKEN };
    server = await startServer({ dataDir, databaseUrl: database?.url, env });
    const stats = async () =>
      (await (await fetch(`${server!.baseURL}/api/views?stats`, { headers: { 'x-bench-token': TOKEN } })).json()) as { flushes: number; flushedViews: number; beacons: { counted: number } };
    const id = Number(/href="\/articles\/(\d+)-/.exec(await (await fetch(server.baseURL)).text())![1]);
    const before = await stats();

    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.baseURL}/api/views`, { method: 'POST', body: String(id), headers: { 'content-type': 'text/plain', 'user-agent': BROWSER_UA, 'x-forwarded-for': `10.8.0.${i + 1}` } });
      expect(res.status).toBe(204);
    }
    const after = await eventually(async () => {
      const s = await stats();
      return s.flushedViews - before.flushedViews === 5 ? s : null;
    }, { timeout: 10_000, what: 'five flushed views' }).then((s) => s!);
    expect(after.beacons.counted - before.beacons.counted).toBe(5);
    expect(after.flushes).toBeGreaterThan(before.flushes);

    // A repeat is not counted and so flushes nothing.
    await fetch(`${server.baseURL}/api/views`, { method: 'POST', body: String(id), headers: { 'content-type': 'text/plain', 'user-agent': BROWSER_UA, 'x-forwarded-for': '10.8.0.1' } });
    await new Promise((r) => setTimeout(r, 500));
    expect((await stats()).flushedViews).toBe(after.flushedViews);
  });
});
