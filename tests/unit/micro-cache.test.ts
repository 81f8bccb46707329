import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureForMicroCache, purgeMicroCache, serveFromMicroCache } from '@/server/micro-cache.mjs';
import { notifyTagsRevalidated } from '@/services/page-cache/events.mjs';
import { noteDatabaseFailure, noteDatabaseUp } from '@/services/db-health.mjs';

// A real HTTP server standing in for Next.js: it answers like Next's cache does, and counts the
// requests that reach it, so what the micro-cache answered is what the count did not see.
let reached = 0;
let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (serveFromMicroCache(req, res)) return;
    captureForMicroCache(req, res);
    reached++;
    const url = new URL(req.url!, 'http://x');
    const size = Number(url.searchParams.get('size') ?? 10);
    res.statusCode = url.pathname === '/missing' ? 404 : 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('x-nextjs-cache', url.pathname === '/stale' ? 'STALE' : 'HIT');
    res.setHeader('cache-control', url.pathname === '/private' ? 'private, no-store' : 's-maxage=60, stale-while-revalidate=31535940');
    if (url.pathname === '/cookie') res.setHeader('set-cookie', 'a=b');
    if (url.pathname === '/vary') res.setHeader('vary', 'Accept-Encoding, Accept-Language');
    if (url.pathname === '/vary-star') res.setHeader('vary', '*');
    res.write(`<p>${reached}</p>`);
    res.end('x'.repeat(size));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  purgeMicroCache();
  reached = 0;
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${origin}${path}`, { headers });
  return { status: res.status, body: await res.text(), hit: res.headers.get('x-gazette-cache') === 'HIT' };
};

describe('micro-cache', () => {
  it('answers the second request for a cached page from memory with the same bytes, until a purge', async () => {
    const first = await get('/a');
    const second = await get('/a');
    expect(second).toEqual({ ...first, hit: true });
    expect(reached).toBe(1);
    purgeMicroCache();
    expect((await get('/a')).hit).toBe(false);
    expect(reached).toBe(2);
  });

  it('while the database is down, answers with an expired copy (up to an hour old, not for caches to keep) rather than let the request reach the outage 503', async () => {
    await get('/d');
    const realNow = Date.now.bind(Date);
    const later = (ms: number) => vi.spyOn(Date, 'now').mockImplementation(() => realNow() + ms);
    try {
      noteDatabaseFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
      later(6_000);
      const res = await fetch(`${origin}/d`);
      expect([res.headers.get('x-gazette-cache'), res.headers.get('cache-control'), await res.text()]).toEqual(['STALE', 'no-store', '<p>1</p>xxxxxxxxxx']);
      expect(reached).toBe(1);
      later(2 * 3_600_000);
      expect((await get('/d')).hit).toBe(false);
      expect(reached).toBe(2);
      // Back up: an expired copy is never served.
      await get('/e');
      noteDatabaseUp();
      later(2 * 3_600_000 + 6_000);
      expect((await get('/e')).hit).toBe(false);
      expect(reached).toBe(4);
    } finally {
      vi.restoreAllMocks();
      noteDatabaseUp();
    }
  });

  it('is emptied when the page cache handler records a tag expiry', async () => {
    await get('/b');
    expect((await get('/b')).hit).toBe(true);
    notifyTagsRevalidated(['article:1']);
    expect((await get('/b')).hit).toBe(false);
  });

  it('never stores a 404, a stale or private page, a Set-Cookie response, or answers an RSC request', async () => {
    for (const path of ['/missing', '/stale', '/private', '/cookie']) {
      await get(path);
      expect((await get(path)).hit, path).toBe(false);
    }
    await get('/b');
    expect((await get('/b', { rsc: '1' })).hit).toBe(false);
    expect((await get('/b', { cookie: '__prerender_bypass=1' })).hit).toBe(false);
    expect((await get('/b')).hit).toBe(true);
  });

  it('keeps one copy per encoding and per query string, and drops the oldest beyond its byte budget', async () => {
    await get('/c', { 'accept-encoding': 'gzip' });
    expect((await get('/c')).hit).toBe(false);
    expect((await get('/c?page=2')).hit).toBe(false);
    // 40 pages of ~1 MB exceed the 32 MB budget: the first ones are gone, the last one is there.
    for (let i = 0; i < 40; i++) await get(`/big?size=1000000&n=${i}`);
    expect((await get('/big?size=1000000&n=0')).hit).toBe(false);
    expect((await get('/big?size=1000000&n=39')).hit).toBe(true);
  });

  it("honours the response's Vary: a copy made for one Accept-Language is not another's; Vary: * is never stored", async () => {
    await get('/vary', { 'accept-language': 'zh-CN' });
    expect((await get('/vary', { 'accept-language': 'zh-CN' })).hit).toBe(true);
    expect((await get('/vary', { 'accept-language': 'en' })).hit).toBe(false);
    await get('/vary-star');
    expect((await get('/vary-star')).hit).toBe(false);
  });

  it('matches the path after parsing: an absolute-form request line for the admin is never stored', async () => {
    const { port } = server.address() as AddressInfo;
    const raw = (target: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    await raw(`http://127.0.0.1:${port}/admin/users`);
    expect(await raw(`http://127.0.0.1:${port}/admin/users`)).not.toMatch(/x-gazette-cache: HIT/i);
    expect(reached).toBe(2);
    // The same page by either form of request line is one entry.
    await raw('/same');
    expect(await raw(`http://127.0.0.1:${port}/same`)).toMatch(/x-gazette-cache: HIT/i);
  });
});
