import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '@/services/page-cache/handler.mjs';
import { onTagsRevalidated } from '@/services/page-cache/events.mjs';
import { createSharedStorage } from '@/services/page-cache/shared.mjs';
import { renderedPage } from '../helpers/page-entry';
import { TcpProxy } from '../helpers/tcp-proxy';

/**
 * The Redis level of the page cache (services/page-cache/shared.mjs) against the Redis on 127.0.0.1:6379:
 * what one server stores another reads, byte for byte; builds never see each other's pages; an
 * expiry announced by another server, or written before this one started, expires entries here.
 */

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `gazette-test-${randomUUID().slice(0, 8)}:`;
const redis = new Redis(REDIS_URL);
const opened: { close: () => Promise<void> }[] = [];

function server(buildId = 'build-1') {
  const memory = createMemoryStorage(32 * 1024 * 1024);
  const shared = createSharedStorage({ local: memory.entries, url: REDIS_URL, prefix, buildId: () => buildId });
  opened.push(shared);
  return { memory, shared };
}

const page = (html: string) => renderedPage(html);

beforeAll(async () => {
  await redis.ping();
});

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('the shared page cache', () => {
  it('serves on one server what another rendered, buffers and maps intact', async () => {
    const a = server();
    const b = server();
    await Promise.all([a.shared.whenReady, b.shared.whenReady]);
    const entry = page('<p>rendered on A</p>');
    await a.shared.entries.set('/articles/1', entry as never, {});
    const read = (await b.shared.entries.get('/articles/1', {})) as unknown as ReturnType<typeof page>;
    expect(read.value.html).toBe('<p>rendered on A</p>');
    expect(Buffer.isBuffer(read.value.rscData)).toBe(true);
    expect(read.value.rscData.toString()).toBe('rsc of <p>rendered on A</p>');
    expect(read.value.segmentData.get('/_tree')?.toString()).toBe('tree');
    expect(read.lastModified).toBe(entry.lastModified);
    expect(await redis.ttl(`${prefix}build-1:/articles/1`)).toBeGreaterThan(3000);
    // Now in B's own memory: no second trip to Redis.
    expect(b.memory.lru.peek('/articles/1')).toBeTruthy();
  });

  it('keeps builds apart: a page rendered by another build is a miss', async () => {
    const a = server('build-1');
    const other = server('build-2');
    await Promise.all([a.shared.whenReady, other.shared.whenReady]);
    await a.shared.entries.set('/front', page('<p>build 1</p>') as never, {});
    expect(await other.shared.entries.get('/front', {})).toBeUndefined();
  });

  it('applies an expiry announced by another server, and tells the micro-cache', async () => {
    const a = server();
    await a.shared.whenReady;
    const tag = `article:${randomUUID()}`;
    const storedAt = Date.now() - 10;
    expect(await a.shared.tags.areExpired([tag], storedAt)).toBe(false);
    const heard: string[][] = [];
    const stop = onTagsRevalidated((tags) => heard.push(tags));
    await redis.publish(`${prefix}tags`, JSON.stringify({ from: 'another server', tags: [tag], durations: { expire: 0 } }));
    await expect.poll(() => a.shared.tags.areExpired([tag], storedAt), { timeout: 1000 }).toBe(true);
    expect(heard).toContainEqual([tag]);
    stop();
  });

  it('a server that starts after an expiry still treats older shared entries as expired', async () => {
    const tag = `section:${randomUUID()}`;
    const storedAt = Date.now() - 60_000;
    await redis.hset(`${prefix}tags`, tag, JSON.stringify({ stale: Date.now() - 1000, expired: Date.now() - 1000 }));
    const late = server();
    expect(await late.shared.whenReady).toBe(true);
    expect(await late.shared.tags.areExpired([tag], storedAt)).toBe(true);
    expect(await late.shared.tags.areExpired([tag], Date.now())).toBe(false);
  });

  it('announces its own expiry to the others through the hash and the channel', async () => {
    const a = server();
    await a.shared.whenReady;
    const tag = `tag:${randomUUID()}`;
    const listener = new Redis(REDIS_URL);
    const messages: string[] = [];
    await listener.subscribe(`${prefix}tags`);
    listener.on('message', (_channel, message) => messages.push(message));
    await a.shared.tags.revalidate([tag], { expire: 0 });
    await expect.poll(() => messages.some((m) => m.includes(tag)), { timeout: 1000 }).toBe(true);
    const record = JSON.parse((await redis.hget(`${prefix}tags`, tag))!) as { stale: number; expired: number };
    expect(record.expired).toBeGreaterThan(Date.now() - 5000);
    await listener.quit();
  });

  it('with Redis unreachable, a read is a quick miss and a write does not fail', async () => {
    const memory = createMemoryStorage(8 * 1024 * 1024);
    const down = createSharedStorage({ local: memory.entries, url: 'redis://127.0.0.1:1', prefix, buildId: () => 'build-1' });
    opened.push(down);
    const started = Date.now();
    expect(await down.entries.get('/articles/1', {})).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(3000);
    await down.entries.set('/articles/2', page('<p>local only</p>') as never, {});
    expect(((await down.entries.get('/articles/2', {})) as unknown as ReturnType<typeof page>).value.html).toBe('<p>local only</p>');
    await down.tags.revalidate(['home'], { expire: 0 });
  });

  it('cut off from Redis mid-run: misses at once rather than waiting, and reads Redis again once reconnected', { timeout: 30_000 }, async () => {
    const proxy = new TcpProxy('127.0.0.1', 6379);
    const port = await proxy.start();
    const memory = createMemoryStorage(8 * 1024 * 1024);
    const cutOff = createSharedStorage({ local: memory.entries, url: `redis://127.0.0.1:${port}`, prefix, buildId: () => 'build-1' });
    opened.push(cutOff);
    expect(await cutOff.whenReady).toBe(true);
    const other = server();
    await other.shared.whenReady;
    await other.shared.entries.set('/rendered-elsewhere', page('<p>elsewhere</p>') as never, {});

    await proxy.cut();
    const started = Date.now();
    expect(await cutOff.entries.get('/rendered-elsewhere', {})).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(100);
    await cutOff.entries.set('/rendered-while-cut-off', page('<p>here only</p>') as never, {});

    // Back (after ioredis's reconnect and a fresh read of the tag hash): shared again.
    await proxy.restore();
    await expect.poll(async () => (await cutOff.entries.get('/rendered-elsewhere', {})) !== undefined, { timeout: 15_000, interval: 200 }).toBe(true);
    expect(await redis.exists(`${prefix}build-1:/rendered-while-cut-off`)).toBe(0);
    await proxy.cut();
  });
});
