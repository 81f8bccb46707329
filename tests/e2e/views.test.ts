import fs from 'node:fs';
import http from 'node:http';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startServer, tempDataDir, type RunningServer } from '../helpers/server';

/**
 * View counting against `next start`: the beacon in a real browser (hard load and client-side
 * navigation), and a SIGTERM with views still buffered followed by a restart on the same database.
 */

const baseURL = inject('baseURL');
const databaseKind = inject('databaseKind');
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

async function counts(origin: string, ids: number[]): Promise<Record<string, number>> {
  const res = await fetch(`${origin}/api/views?ids=${ids.join(',')}`);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return (await res.json()) as Record<string, number>;
}

function articleIds(html: string): { id: number; href: string }[] {
  const seen = new Map<number, string>();
  for (const m of html.matchAll(/href="(\/articles\/(\d+)-[a-z0-9-]+)"/g)) if (!seen.has(Number(m[2]))) seen.set(Number(m[2]), m[1]!);
  return [...seen].map(([id, href]) => ({ id, href }));
}

describe('the beacon in a browser', () => {
  it('counts a hard load and a client-side navigation once each, shows the fresh count, and never a prefetch', async () => {
    const browser = await launchBrowser();
    try {
      // Headless Chromium announces itself as HeadlessChrome, a bot; a reader's browser does not.
      const context = await browser.newContext({ userAgent: `${BROWSER_UA} e2e-${Date.now()}` });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/favicon|404/.test(m.text())) errors.push(m.text());
      });
      const links = articleIds(await (await fetch(baseURL)).text());
      const before = await counts(baseURL, links.map((l) => l.id));

      await page.goto(baseURL);
      await page.waitForTimeout(1500); // next/link prefetches the visible articles meanwhile
      expect(await counts(baseURL, links.map((l) => l.id))).toEqual(before);

      const first = links[0]!;
      await page.locator(`a[href="${first.href}"]`).first().click();
      await page.waitForURL(`**${first.href}`);
      const shown = page.locator(`[data-view-count="${first.id}"]`);
      await expect.poll(() => shown.textContent()).toBe((before[first.id]! + 1).toLocaleString('zh-CN'));
      expect((await counts(baseURL, [first.id]))[first.id]).toBe(before[first.id]! + 1);

      const second = links[1]!;
      await page.goto(`${baseURL}${second.href}`);
      await expect.poll(() => page.locator(`[data-view-count="${second.id}"]`).textContent()).toBe((before[second.id]! + 1).toLocaleString('zh-CN'));
      await page.reload(); // the same reader again: not counted
      await page.waitForTimeout(1000);
      expect((await counts(baseURL, [second.id]))[second.id]).toBe(before[second.id]! + 1);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

describe(`SIGTERM with buffered views, then a restart (${databaseKind})`, () => {
  let server: RunningServer | undefined;
  let database: TestDatabase | undefined;
  const dataDir = tempDataDir('gazette-views-e2e-');

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('1,000 concurrent beacons are all in the database after a graceful restart; repeats and bots are not', { timeout: 300_000 }, async () => {
    if (databaseKind === 'postgres') {
      database = await createTestDatabase({ migrate: false });
      await database.close();
    }
    // A flush interval far beyond the test: whatever is counted is still buffered at the SIGTERM.
    const env = { VIEWS_FLUSH_MS: '600000', TRUST_PROXY: '1', VIEWS_RATE_LIMIT: '0' };
    server = await startServer({ dataDir, databaseUrl: database?.url, env });
    const [article] = articleIds(await (await fetch(server.baseURL)).text());
    const id = article!.id;
    const initial = (await counts(server.baseURL, [id]))[id]!;

    // All in flight at once, over at most 128 keep-alive sockets (more would overflow the listen backlog).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
    const body = JSON.stringify({ id });
    const beacon = (i: number, ua = BROWSER_UA) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${server!.baseURL}/api/views`,
          {
            method: 'POST',
            agent,
            headers: { 'user-agent': ua, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const started = Date.now();
    const statuses = await Promise.all([
      ...Array.from({ length: 1000 }, (_, i) => beacon(i)),
      ...Array.from({ length: 200 }, (_, i) => beacon(i * 5)), // the same visitors again
      ...Array.from({ length: 50 }, (_, i) => beacon(5000 + i, 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)')),
    ]);
    const elapsed = Date.now() - started;
    agent.destroy();
    expect(statuses.every((s) => s === 204)).toBe(true);
    expect((await counts(server.baseURL, [id]))[id]).toBe(initial + 1000);

    const code = await server.stop('SIGTERM');
    expect(server.logs()).toContain('flushed 1000 buffered views before exit');
    expect(code).not.toBeNull();

    server = await startServer({ dataDir, databaseUrl: database?.url, env });
    expect((await counts(server.baseURL, [id]))[id]).toBe(initial + 1000);
    console.log(`[views] ${databaseKind}: 1,250 beacons over HTTP in ${elapsed} ms; SIGTERM exit code ${code}; count kept across the restart`);
  });
});
