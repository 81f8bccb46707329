import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startServer, type RunningServer } from '../helpers/server';
import { TcpProxy } from '../helpers/tcp-proxy';

// PGlite lives inside the server process and cannot go down; the outage needs a real PostgreSQL.
const postgres = process.env.TEST_DATABASE_URL;

let server: RunningServer | undefined;
let database: TestDatabase | undefined;
let proxy: TcpProxy | undefined;

afterAll(async () => {
  await server?.stop();
  await proxy?.cut();
  await database?.drop();
});

async function status(url: string): Promise<number> {
  return (await fetch(url, { redirect: 'manual' })).status;
}

describe.skipIf(!postgres)('database outage', () => {
  it('answers 503 while PostgreSQL is unreachable and recovers by itself when it is back', async () => {
    database = await createTestDatabase({ migrate: false });
    await database.close();
    const target = new URL(database.url!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const viaProxy = new URL(database.url!);
    viaProxy.host = `127.0.0.1:${port}`;
    server = await startServer({ databaseUrl: viaProxy.toString() });
    const base = server.baseURL;
    expect(await status(`${base}/news`)).toBe(200);

    await proxy.cut();
    expect((await fetch(`${base}/api/health`)).status).toBe(503);
    // Uncached pages need the database: readers get the 503 page, never a hang or a crash.
    const statuses: number[] = [];
    for (const path of ['/tags/seo', '/tags/nextjs', '/authors/lin-xiaoyu', '/news?page=2']) statuses.push(await status(`${base}${path}`));
    expect(statuses.every((s) => s === 503 || s === 500)).toBe(true);
    expect(statuses.at(-1)).toBe(503);
    const page = await fetch(`${base}/tags/typescript`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBeTruthy();
    expect(await page.text()).toContain('服务暂时不可用');

    await proxy.restore();
    let recovered = 0;
    for (let i = 0; i < 30 && recovered !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      recovered = await status(`${base}/tags/typescript`);
    }
    expect(recovered).toBe(200);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
  });
});
