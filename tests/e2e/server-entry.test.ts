import fs from 'node:fs';
import http from 'node:http';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startServer, tempDataDir, type RunningServer } from '../helpers/server';

/**
 * Gazette's own HTTP server (server/http-server.mjs): the standalone output starts on its own from
 * any folder and serves pages with their CSS and JS; a SIGTERM lets the request in flight finish,
 * refuses new connections, writes the buffered view counts and exits within 10 s.
 */

const databaseKind = inject('databaseKind');
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function ownServer(options: { entry?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  let database: TestDatabase | undefined;
  if (databaseKind === 'postgres') {
    database = await createTestDatabase({ migrate: false });
    await database.close();
  }
  const dataDir = tempDataDir('gazette-entry-');
  const server = await startServer({ ...options, dataDir, databaseUrl: database?.url });
  cleanups.push(async () => {
    await server.stop('SIGKILL');
    await database?.drop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return server;
}

describe('the standalone output', () => {
  it('starts from another folder, migrates and seeds, and serves pages with their CSS and JS', { timeout: 240_000 }, async () => {
    const elsewhere = tempDataDir('gazette-standalone-cwd-');
    cleanups.push(() => fs.rmSync(elsewhere, { recursive: true, force: true }));
    const server = await ownServer({ entry: '.next/standalone/server.js', cwd: elsewhere });
    const home = await fetch(server.baseURL);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toMatch(/href="\/articles\/\d+-/);
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeTruthy();
    const style = await fetch(`${server.baseURL}${css}`);
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toContain('text/css');
    const login = await (await fetch(`${server.baseURL}/admin/login`)).text();
    const scripts = [...login.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect((await fetch(`${server.baseURL}${script}`)).status, script).toBe(200);
    expect(server.logs()).toContain('[gazette] seeded the demo publication');
    expect(await server.stop('SIGTERM')).toBe(0);
  });
});

describe('graceful stop on SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, writes the buffered views and exits within 10 s', { timeout: 240_000 }, async () => {
    const server = await ownServer({ env: { VIEWS_FLUSH_MS: '600000' } });
    const home = await (await fetch(server.baseURL)).text();
    const id = Number(/href="\/articles\/(\d+)-/.exec(home)?.[1]);
    expect(id).toBeGreaterThan(0);

    // A beacon whose body arrives slowly: in flight when the signal comes.
    const body = JSON.stringify({ id });
    let half!: () => void;
    const halfSent = new Promise<void>((resolve) => (half = resolve));
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = http.request(`${server.baseURL}/api/views`, {
        method: 'POST',
        headers: { 'user-agent': BROWSER_UA, 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(body.slice(0, 4));
      req.on('socket', (socket) => socket.once('connect', () => setTimeout(half, 200)));
      void halfSent.then(() => setTimeout(() => req.end(body.slice(4)), 1500));
    });
    await halfSent;
    const signalled = Date.now();
    server.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await expect(fetch(`${server.baseURL}/api/health`)).rejects.toThrow();
    expect(await inFlight).toBe(204);
    const child = server.process;
    const code = child.exitCode ?? (await new Promise<number | null>((resolve) => child.once('exit', resolve)));
    const took = Date.now() - signalled;
    expect(code).toBe(0);
    expect(took).toBeLessThan(10_000);
    expect(server.logs()).toContain('flushed 1 buffered views before exit');
    console.log(`[server entry] ${databaseKind}: SIGTERM to exit in ${took} ms with a request in flight`);
  });
});
