import { beforeEach, describe, expect, it } from 'vitest';
import { IncrementalCache } from 'next/dist/server/lib/incremental-cache/index.js';
import { NEXT_CACHE_TAGS_HEADER } from 'next/dist/lib/constants.js';
import { getRouteCacheKey } from 'next/dist/server/lib/route-cache-key.js';
import PageCacheHandler, { CACHE_TAGS_HEADER, createMemoryStorage, valueBytes } from '@/services/page-cache/handler.mjs';
import { onTagsRevalidated } from '@/services/page-cache/events.mjs';
import { ARCHIVE_REVALIDATE_SECONDS } from '@/domain/archive-pages.mjs';
import { renderedPage } from '../helpers/page-entry';

type GetContext = Parameters<PageCacheHandler['get']>[1];
type SetContext = Parameters<PageCacheHandler['set']>[2];
type Value = Parameters<PageCacheHandler['set']>[1];
type CacheGetContext = Parameters<IncrementalCache['get']>[1];
type CacheSetContext = Parameters<IncrementalCache['set']>[2];

// Tags live in Next's process-wide manifest: every test uses its own.
let n = 0;
let tag: (name: string) => string;
let storage: ReturnType<typeof createMemoryStorage>;
beforeEach(() => {
  n++;
  tag = (name) => `${name}:${n}`;
  storage = createMemoryStorage(16 * 1024 * 1024);
});

const wait = () => new Promise((resolve) => setTimeout(resolve, 2));

function page(tags: string[], html = '<html>page</html>'): Value {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from('rsc payload'),
    headers: { [CACHE_TAGS_HEADER]: tags.join(',') },
    postponed: undefined,
    status: 200,
    segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  } as unknown as Value;
}

function fetched(body = '{"a":1}'): Value {
  return { kind: 'FETCH', data: { headers: {}, body, url: '', status: 200 }, revalidate: 60 } as unknown as Value;
}

const pageGet = { kind: 'APP_PAGE', isFallback: false } as unknown as GetContext;
const pageSet = { cacheControl: { revalidate: false, expire: undefined }, isFallback: false } as unknown as SetContext;
const fetchGet = (tags: string[], softTags: string[] = []) => ({ kind: 'FETCH', tags, softTags, revalidate: 60 }) as unknown as GetContext;
const fetchSet = (tags: string[]) => ({ fetchCache: true, tags }) as unknown as SetContext;

describe('PageCacheHandler', () => {
  it('uses the header name Next.js uses for page tags', () => {
    expect(CACHE_TAGS_HEADER).toBe(NEXT_CACHE_TAGS_HEADER);
  });

  it('stores and returns pages with their cache control', async () => {
    const handler = new PageCacheHandler({}, storage);
    await handler.set('/route-cache/APP_PAGE/x/$/articles/1', page([tag('article')]), pageSet);
    const entry = await new PageCacheHandler({}, storage).get('/route-cache/APP_PAGE/x/$/articles/1', pageGet);
    expect(entry?.value).toMatchObject({ kind: 'APP_PAGE', html: '<html>page</html>' });
    expect(entry?.cacheControl).toEqual({ revalidate: false, expire: undefined });
    expect(await handler.get('/nothing', pageGet)).toBeNull();
  });

  it('misses a page after one of its header tags expired, and only that page', async () => {
    const article = tag('article');
    await new PageCacheHandler({}, storage).set('/a', page([article, tag('home')]), pageSet);
    await new PageCacheHandler({}, storage).set('/b', page([tag('other')]), pageSet);
    await wait();
    await new PageCacheHandler({}, storage).revalidateTag(article, { expire: 0 });
    const reader = new PageCacheHandler({}, storage);
    expect(await reader.get('/a', pageGet)).toBeNull();
    expect(await reader.get('/b', pageGet)).not.toBeNull();
    // A page rendered after the expiry is served again.
    await wait();
    await new PageCacheHandler({}, storage).set('/a', page([article]), pageSet);
    expect(await new PageCacheHandler({}, storage).get('/a', pageGet)).not.toBeNull();
  });

  it('misses a cached read when one of its tags or implicit (soft) tags expired', async () => {
    const home = tag('home');
    const implicit = tag('_N_T_/layout');
    const handler = new PageCacheHandler({}, storage);
    await handler.set('k1', fetched(), fetchSet([home]));
    await handler.set('k2', fetched(), fetchSet([tag('settings')]));
    await wait();
    await handler.revalidateTag([home]);
    expect(await handler.get('k1', fetchGet([home]))).toBeNull();
    expect(await handler.get('k2', fetchGet([tag('settings')]))).not.toBeNull();
    await handler.revalidateTag(implicit);
    expect(await handler.get('k2', fetchGet([tag('settings')], [implicit]))).toBeNull();
  });

  it('honours tags revalidated earlier in this request (minimal mode)', async () => {
    const handler = new PageCacheHandler({ revalidatedTags: [tag('home')] }, storage);
    await handler.set('k', fetched(), fetchSet([tag('home')]));
    expect(await handler.get('k', fetchGet([tag('home')]))).toBeNull();
  });

  it('keeps serving until a future expiry passes (revalidateTag with a profile)', async () => {
    const section = tag('section');
    const handler = new PageCacheHandler({}, storage);
    await handler.set('/s', page([section]), pageSet);
    await wait();
    await handler.revalidateTag([section], { expire: 0.05 });
    expect(await handler.get('/s', pageGet)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(await handler.get('/s', pageGet)).toBeNull();
  });

  it('promotes an entry on a read by a second request, not by the one that stored it', async () => {
    const writer = new PageCacheHandler({}, storage);
    await writer.set('/front', page([tag('home')]), pageSet);
    await writer.get('/front', pageGet);
    expect(storage.lru.segmentOf('/front')).toBe('probation');
    await new PageCacheHandler({}, storage).get('/front', pageGet);
    expect(storage.lru.segmentOf('/front')).toBe('protected');
  });

  it('tells listeners (the micro-cache) after recording an expiry', async () => {
    const seen: string[][] = [];
    const stop = onTagsRevalidated((tags) => seen.push(tags));
    await new PageCacheHandler({}, storage).revalidateTag(tag('home'), { expire: 0 });
    await new PageCacheHandler({}, storage).revalidateTag([]);
    stop();
    await new PageCacheHandler({}, storage).revalidateTag(tag('late'));
    expect(seen).toEqual([[tag('home')]]);
  });

  it('charges a page its HTML, RSC payload, segments and headers', () => {
    const html = '文'.repeat(1000);
    const value = page(['article:1'], html);
    expect(valueBytes(value)).toBe(2000 + 'rsc payload'.length + '/_tree'.length + 4 + CACHE_TAGS_HEADER.length + 'article:1'.length);
    expect(valueBytes(null)).toBe(0);
  });
});

describe('PageCacheHandler behind Next.js IncrementalCache', () => {
  // What next-server does for every request: a new IncrementalCache, and so a new handler.
  function cacheOptions() {
    const shared = storage;
    class Handler extends PageCacheHandler {
      constructor(ctx: ConstructorParameters<typeof PageCacheHandler>[0]) {
        super(ctx, shared);
      }
    }
    return {
      dev: false,
      requestHeaders: {},
      flushToDisk: false,
      maxMemoryCacheSize: 0,
      previewProps: { previewModeId: 'id', previewModeSigningKey: 'sign', previewModeEncryptionKey: 'enc' },
      prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: { previewModeId: 'id', previewModeSigningKey: 'sign', previewModeEncryptionKey: 'enc' } },
      CurCacheHandler: Handler,
    };
  }
  function request() {
    return new IncrementalCache(cacheOptions() as unknown as ConstructorParameters<typeof IncrementalCache>[0]);
  }
  const route = { kind: 'APP_PAGE', sourceRoute: '/(site)/articles/[id]/page' };
  const pageCtx = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false, route } as unknown as CacheGetContext;
  const pageSetCtx = { route, cacheControl: { revalidate: false, expire: undefined }, isFallback: false, isRoutePPREnabled: false } as unknown as CacheSetContext;

  it('serves, then misses a page whose tag a publish expired (revalidateTag(tag, { expire: 0 }))', async () => {
    const article = tag('article');
    await request().set('/articles/1', page([article]) as never, pageSetCtx);
    expect((await request().get('/articles/1', pageCtx))?.value).toMatchObject({ kind: 'APP_PAGE' });
    await wait();
    await request().revalidateTag([article], { expire: 0 });
    expect(await request().get('/articles/1', pageCtx)).toBeNull();
  });

  it('marks a page stale (served, re-rendered in the background) on revalidateTag(tag, "max")', async () => {
    const section = tag('section');
    await request().set('/articles/2', page([section]) as never, pageSetCtx);
    expect((await request().get('/articles/2', pageCtx))?.isStale).toBeFalsy();
    await wait();
    await request().revalidateTag([section], { expire: 365 * 24 * 3600 });
    const entry = await request().get('/articles/2', pageCtx);
    expect(entry?.value).not.toBeNull();
    expect(entry?.isStale).toBe(true);
  });

  it('re-renders archive pages past their hour one at a time; the others are served as fresh, and an expired tag is still a miss', async () => {
    const hoursAgo = (h: number) => Date.now() - h * 3600_000;
    const put = (key: string, tags: string[], lastModified: number, revalidate = ARCHIVE_REVALIDATE_SECONDS) =>
      storage.entries.set(getRouteCacheKey(key, route as never), { ...renderedPage(`<p>${key}</p>`, { tags, revalidate, expire: 365 * 24 * 3600 }), lastModified } as never, {});
    const [a, b, c] = [tag('article-a'), tag('article-b'), tag('article-c')];
    await put('/old/a', [a], hoursAgo(5));
    await put('/old/b', [b], hoursAgo(5));
    await put('/old/c', [c], hoursAgo(5));
    await put('/recent', [tag('recent')], hoursAgo(1), 60);

    expect((await request().get('/old/a', pageCtx))?.isStale).toBe(true); // Next re-renders it after serving
    const deferred = await request().get('/old/b', pageCtx);
    expect(deferred?.value).toMatchObject({ html: '<p>/old/b</p>' });
    expect(deferred?.isStale).toBeFalsy();
    expect((await request().get('/old/a', pageCtx))?.isStale).toBeFalsy(); // already being re-rendered
    // Pages that change by the minute are not held back.
    expect((await request().get('/recent', pageCtx))?.isStale).toBe(true);
    // Only the clock waits: a story saved since is never served.
    await wait();
    await request().revalidateTag([b], { expire: 0 });
    expect(await request().get('/old/b', pageCtx)).toBeNull();

    // Once the re-render is stored (and a pause three times its length has passed), the next may begin.
    await request().set('/old/a', page([a]) as never, { ...pageSetCtx, cacheControl: { revalidate: ARCHIVE_REVALIDATE_SECONDS, expire: undefined } } as never);
    expect((await request().get('/old/a', pageCtx))?.isStale).toBeFalsy();
    await expect.poll(async () => (await request().get('/old/c', pageCtx))?.isStale, { timeout: 5_000, interval: 20 }).toBe(true);
    await request().set('/old/c', page([c]) as never, pageSetCtx);

    // A router prefetch is served as it is and does not take the turn; nor is a page held back past a week.
    await put('/old/d', [tag('article-d')], hoursAgo(5));
    await put('/ancient', [tag('article-e')], hoursAgo(8 * 24));
    const prefetch = (key: string) =>
      new IncrementalCache({ ...cacheOptions(), requestHeaders: { 'next-router-prefetch': '1' } } as never).get(key, pageCtx);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await prefetch('/old/d'))?.isStale).toBe(true);
    expect((await request().get('/old/d', pageCtx))?.isStale).toBe(true); // the turn was still free
    expect((await request().get('/ancient', pageCtx))?.isStale).toBe(true); // past a week: refreshed whatever the load
    await request().set('/old/d', page([tag('article-d')]) as never, pageSetCtx);
  });

  it('expires unstable_cache reads by tag and marks them stale by profile', async () => {
    const home = tag('home');
    const ctx = { kind: 'FETCH', revalidate: 60, tags: [home], softTags: [] } as unknown as CacheGetContext;
    const setCtx = { fetchCache: true, revalidate: 60, tags: [home] } as unknown as CacheSetContext;
    await request().set('read-1', fetched() as never, setCtx);
    expect((await request().get('read-1', ctx))?.isStale).toBe(false);
    await wait();
    await request().revalidateTag([home], { expire: 365 * 24 * 3600 });
    expect((await request().get('read-1', ctx))?.isStale).toBe(true);
    await request().revalidateTag([home], { expire: 0 });
    expect(await request().get('read-1', ctx)).toBeNull();
  });
});
