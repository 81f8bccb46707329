import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PageCacheHandler, { createMemoryStorage } from '@/services/page-cache/handler.mjs';
import { localTagStore } from '@/services/page-cache/tags.mjs';
import { createPageStore } from '@/services/page-cache/stored.mjs';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { renderedPage, type RenderedPage } from '../helpers/page-entry';
import { TcpProxy } from '../helpers/tcp-proxy';
import { explainStatement } from '@/scripts/lib/query-plans';

/**
 * The database level of the page cache (services/page-cache/stored.mjs, ADR 0015) on PostgreSQL:
 * a rendered page read back by another server or after a restart, byte for byte; never once one of
 * its tags expired, even by a server that never heard of the expiry; never stored when its render
 * began before an expiry; builds kept apart; nothing read while an expiry could not be written.
 */

let tdb: TestDatabase;
let sql: postgres.Sql;
const opened: { close: () => Promise<void> }[] = [];

function store(buildId = 'build-1', url = tdb.url!) {
  const pages = createPageStore({ url, buildId: () => buildId });
  opened.push(pages);
  return pages;
}

const page = (html: string, tags: string[], status = 200) => renderedPage(html, { tags, status, revalidate: 3600, expire: 31536000 });
type Page = RenderedPage;

/** Expires tags as the handler does: this process's manifest, then the durable record. */
async function expire(pages: ReturnType<typeof store>, tags: string[]) {
  localTagStore.revalidate(tags, { expire: 0 });
  await pages.recordExpiry(tags);
}

describe.skipIf(testDatabaseKind !== 'postgres')('rendered pages kept in PostgreSQL', () => {
  beforeAll(async () => {
    tdb = await createTestDatabase();
    sql = postgres(tdb.url!, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await sql?.end();
    await tdb?.drop();
  });

  it('serves on another server, or after a restart, the page one rendered: buffers and maps intact', async () => {
    const tag = `article:${randomUUID()}`;
    const entry = page('<p>rendered once</p>', [tag, 'settings']);
    await store().write('/articles/1', entry as never, [tag, 'settings'], entry.lastModified - 20);
    const read = (await store().read('/articles/1')) as unknown as Page;
    expect(read.value.html).toBe('<p>rendered once</p>');
    expect(Buffer.isBuffer(read.value.rscData)).toBe(true);
    expect(read.value.rscData.toString()).toBe('rsc of <p>rendered once</p>');
    expect(read.value.segmentData.get('/_tree')?.toString()).toBe('tree');
    expect(read.lastModified).toBe(entry.lastModified);
    const [row] = await sql`select tags, stored_at, octet_length(entry) as bytes from page_store where cache_key = '/articles/1'`;
    expect(row!.tags).toEqual([tag, 'settings']);
    expect(Number(row!.stored_at)).toBe(entry.lastModified);
  });

  it('does not serve a page once one of its tags expired, even to a server that never heard of it', async () => {
    const tag = `article:${randomUUID()}`;
    const writer = store();
    const entry = page('<p>before the correction</p>', [tag]);
    entry.lastModified -= 1000;
    await writer.write('/articles/2', entry as never, [tag], entry.lastModified - 20);
    expect(await writer.read('/articles/2')).toBeTruthy();
    await expire(writer, [tag]);
    expect(await writer.read('/articles/2')).toBeUndefined();
    // A server started later reads the expiry from the database, not from anything it heard.
    expect(await store().read('/articles/2')).toBeUndefined();
    const [expiry] = await sql`select expired_at from page_tag_expiry where tag = ${tag}`;
    expect(Number(expiry!.expired_at)).toBeGreaterThan(entry.lastModified);
    // Rendered again after the expiry: served again.
    const again = page('<p>after the correction</p>', [tag]);
    await writer.write('/articles/2', again as never, [tag], again.lastModified);
    expect(((await store().read('/articles/2')) as unknown as Page).value.html).toBe('<p>after the correction</p>');
  });

  it('does not keep a render that began before one of its tags expired', async () => {
    const tag = `section:${randomUUID()}`;
    const pages = store();
    const renderBegan = Date.now() - 50;
    await expire(pages, [tag]);
    const entry = page('<p>read the database before the publish</p>', [tag]);
    await pages.write('/news', entry as never, [tag], renderBegan);
    expect(await store().read('/news')).toBeUndefined();
    expect((await sql`select 1 from page_store where cache_key = '/news'`).length).toBe(0);
  });

  it('an older render never replaces a newer one', async () => {
    const tag = `article:${randomUUID()}`;
    const pages = store();
    const newer = page('<p>newer</p>', [tag]);
    const older = { ...page('<p>older</p>', [tag]), lastModified: newer.lastModified - 5000 };
    await pages.write('/articles/3', newer as never, [tag], newer.lastModified - 10);
    await pages.write('/articles/3', older as never, [tag], older.lastModified - 10);
    expect(((await pages.read('/articles/3')) as unknown as Page).value.html).toBe('<p>newer</p>');
  });

  it('keeps builds apart, and the first page a build stores sweeps the pages of other builds', async () => {
    const tag = `article:${randomUUID()}`;
    const old = store('build-old');
    const entry = page('<p>old build</p>', [tag]);
    for (let i = 0; i < 450; i++) await old.write(`/old/${i}`, entry as never, [tag], entry.lastModified - 10);
    const current = store('build-new');
    expect(await current.read('/old/1')).toBeUndefined();
    await current.write('/new', page('<p>new build</p>', [tag]) as never, [tag], Date.now() - 10);
    await expect.poll(async () => Number((await sql`select count(*) from page_store where build_id = 'build-old'`)[0]!.count), { timeout: 5000 }).toBe(0);
    expect(await current.read('/new')).toBeTruthy();
  });

  it('reads nothing while an expiry it applied could not be written, and writes it once the database is back', { timeout: 20_000 }, async () => {
    const proxy = new TcpProxy('127.0.0.1', Number(new URL(tdb.url!).port || 5432));
    const port = await proxy.start();
    const url = new URL(tdb.url!);
    url.port = String(port);
    const cutOff = store('build-1', url.toString());
    const tag = `article:${randomUUID()}`;
    const entry = page('<p>stored</p>', [tag]);
    entry.lastModified -= 1000;
    await cutOff.write('/articles/4', entry as never, [tag], entry.lastModified - 10);
    const untouched = page('<p>untouched</p>', ['settings']);
    await cutOff.write('/untouched', untouched as never, ['settings'], untouched.lastModified - 10);
    expect(await cutOff.read('/articles/4')).toBeTruthy();

    await proxy.cut();
    await expire(cutOff, [tag]);
    expect(await cutOff.read('/articles/4')).toBeUndefined();
    // Another page, untouched by the expiry, is not read either: the store cannot tell until the expiry is written.
    expect(await cutOff.read('/untouched')).toBeUndefined();

    await proxy.restore();
    await expect.poll(async () => (await sql`select 1 from page_tag_expiry where tag = ${tag}`).length, { timeout: 10_000, interval: 200 }).toBe(1);
    await expect.poll(async () => Boolean(await cutOff.read('/untouched')), { timeout: 5000, interval: 100 }).toBe(true);
    expect(await cutOff.read('/articles/4')).toBeUndefined();
  });

  it('reads and writes a page through primary keys, not by scanning the store or the expiry records', async () => {
    // A store of some size: 3,000 pages and 6,000 expired tags, with planner statistics.
    await sql`insert into page_store (build_id, cache_key, tags, stored_at, entry)
      select 'build-plan', '/articles/' || i, array['article:' || i, 'neighbours:' || i, 'settings', 'sections'], 1, decode('00', 'hex') from generate_series(1, 3000) i`;
    await sql`insert into page_tag_expiry (tag, expired_at) select 'article:' || i, 0 from generate_series(1, 6000) i on conflict do nothing`;
    await sql`analyze page_store`;
    await sql`analyze page_tag_expiry`;
    const statements: { query: string; params: unknown[] }[] = [];
    const pages = createPageStore({ url: tdb.url!, buildId: () => 'build-plan', onQuery: (query, params) => statements.push({ query, params }) });
    opened.push(pages);
    const entry = page('<p>planned</p>', ['article:77', 'settings']);
    await pages.write('/articles/77', entry as never, ['article:77', 'settings'], entry.lastModified - 10);
    // (Those rows hold no real entry: a stored page that cannot be read is a miss, never an error.)
    expect(await pages.read('/articles/1500')).toBeUndefined();
    const read = statements.find((s) => /select entry, stored_at from page_store/.test(s.query))!;
    const write = statements.find((s) => /insert into page_store/.test(s.query))!;
    for (const statement of [read, write]) {
      const { seqScans } = await explainStatement(sql, statement);
      expect(seqScans.filter((t) => t === 'page_store' || t === 'page_tag_expiry'), statement.query).toEqual([]);
    }
  });

  it('the cache handler stores successful pages only, and serves them from a new process memory as a hit', async () => {
    const tag = `article:${randomUUID()}`;
    const pages = store();
    const handlerOn = () => {
      const memory = createMemoryStorage(8 * 1024 * 1024);
      return new PageCacheHandler({}, { ...memory, pages, local: memory.entries });
    };
    const first = handlerOn();
    expect(await first.get('/articles/5', { kind: 'APP_PAGE' } as never)).toBeNull();
    await first.set('/articles/5', page('<p>five</p>', [tag]).value as never, { cacheControl: { revalidate: 3600, expire: 31536000 } } as never);
    await first.set('/articles/6', page('<p>not found</p>', [tag], 404).value as never, { cacheControl: { revalidate: 3600, expire: 31536000 } } as never);

    const restarted = handlerOn();
    const hit = (await restarted.get('/articles/5', { kind: 'APP_PAGE' } as never)) as unknown as Page;
    expect(hit.value.html).toBe('<p>five</p>');
    expect(await restarted.get('/articles/6', { kind: 'APP_PAGE' } as never)).toBeNull();
    // Kept in the new process's memory from then on.
    expect(restarted.storage.local?.get('/articles/5', {})).toBeTruthy();
  });
});
