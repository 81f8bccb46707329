// @ts-check
import { config, pageStoreOn } from '../../domain/config.mjs';
import { createSharedStorage } from './shared.mjs';
import { createPageStore } from './stored.mjs';
import { endClockRefresh, withDeferredClockRefresh } from './clock-refresh.mjs';
import { buildIdOf } from './build-id.mjs';
import { ENTRY_OVERHEAD_BYTES, SegmentedLru, stringBytes } from './slru.mjs';
import { localTagStore } from './tags.mjs';
import { notifyTagsRevalidated } from './events.mjs';

/**
 * Gazette's Next.js cache handler (next.config.mjs `cacheHandler`): rendered pages (ISR) and
 * `unstable_cache` reads, kept in this process's memory, never on disk, under a segmented
 * LRU (./slru.mjs) so that a crawler walking the archive neither evicts the pages readers come
 * back to nor grows memory: CACHE_MEMORY_MB (default 128) bounds keys and values together.
 *
 * Next.js creates one handler per request (and per background revalidation); the entries live in
 * one store per process. The handler reaches that store through two small interfaces, `EntryStore`
 * and `TagStore` (./tags.mjs); with REDIS_URL set, Redis sits behind them as a second level shared
 * by every server, and tag expiry is announced to all of them (./shared.mjs).
 *
 * Tag expiry follows Next's default handler (FileSystemCache) exactly: a page is a miss when a
 * tag in its `x-next-cache-tags` header expired after it was stored; a cached read is a miss when
 * one of its tags or implicit (soft) tags did. Next itself marks entries stale from the same tags.
 *
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} NextCacheHandler
 * @typedef {import('next/dist/server/response-cache/types').IncrementalCacheValue} IncrementalCacheValue
 * @typedef {Parameters<NextCacheHandler['get']>[1]} GetContext
 * @typedef {Parameters<NextCacheHandler['set']>[2]} SetContext
 * @typedef {import('./tags.mjs').TagStore} TagStore
 *
 * @typedef {object} EntryStore where entries live
 * @property {(key: string, reader: object) => CacheHandlerValue | undefined | Promise<CacheHandlerValue | undefined>} get
 *   `reader` identifies the request: a second read by another request promotes the entry
 * @property {(key: string, entry: CacheHandlerValue, writer: object) => void | Promise<void>} set
 *
 * @typedef {object} PageCacheStorage
 * @property {EntryStore} entries
 * @property {TagStore} tags
 * @property {import('./stored.mjs').PageStore} [pages] rendered pages kept in the database (./stored.mjs)
 * @property {EntryStore} [local] this process's memory, where a page read from `pages` is kept
 */

/** Next's NEXT_CACHE_TAGS_HEADER: the tags a rendered page or route response depends on. */
export const CACHE_TAGS_HEADER = 'x-next-cache-tags';

/** @param {unknown} headers */
function headersBytes(headers) {
  if (!headers || typeof headers !== 'object') return 0;
  let bytes = 0;
  for (const [name, value] of Object.entries(headers)) {
    bytes += name.length + (Array.isArray(value) ? value.reduce((n, v) => n + stringBytes(String(v)), 0) : stringBytes(String(value)));
  }
  return bytes;
}

/** @param {{ byteLength: number } | undefined | null} buffer */
const bufferBytes = (buffer) => buffer?.byteLength ?? 0;

/**
 * Bytes a stored value holds: strings as V8 keeps them, buffers, headers; what cannot be measured
 * directly (pageData, redirect props) as JSON.
 * @param {IncrementalCacheValue | null} value
 */
export function valueBytes(value) {
  if (!value) return 0;
  const kind = /** @type {string} */ (value.kind);
  if (kind === 'APP_PAGE') {
    const page = /** @type {import('next/dist/server/response-cache/types').IncrementalCachedAppPageValue} */ (value);
    let bytes = stringBytes(page.html) + bufferBytes(page.rscData) + (page.postponed ? stringBytes(page.postponed) : 0) + headersBytes(page.headers);
    for (const [path, buffer] of page.segmentData ?? []) bytes += stringBytes(path) + bufferBytes(buffer);
    return bytes;
  }
  if (kind === 'APP_ROUTE') {
    const route = /** @type {import('next/dist/server/response-cache/types').CachedRouteValue} */ (value);
    return bufferBytes(route.body) + headersBytes(route.headers);
  }
  if (kind === 'PAGES') {
    const page = /** @type {import('next/dist/server/response-cache/types').IncrementalCachedPageValue} */ (value);
    return stringBytes(page.html) + stringBytes(JSON.stringify(page.pageData) ?? '') + headersBytes(page.headers);
  }
  if (kind === 'FETCH') {
    const fetched = /** @type {import('next/dist/server/response-cache/types').CachedFetchValue} */ (value);
    const data = fetched.data;
    return stringBytes(data.body) + stringBytes(data.url ?? '') + headersBytes(data.headers) + (fetched.tags ?? []).reduce((n, tag) => n + stringBytes(tag), 0);
  }
  if (kind === 'IMAGE') {
    const image = /** @type {import('next/dist/server/response-cache/types').CachedImageValue} */ (value);
    return bufferBytes(image.buffer) + stringBytes(image.etag) + stringBytes(image.upstreamEtag ?? '') + image.extension.length;
  }
  return stringBytes(JSON.stringify(value) ?? '');
}

/**
 * The process-local store: a segmented LRU of entries, and the tags manifest.
 * @param {number} maxBytes
 * @returns {PageCacheStorage & { lru: SegmentedLru<CacheHandlerValue> }}
 */
export function createMemoryStorage(maxBytes) {
  /** @type {SegmentedLru<CacheHandlerValue>} */
  const lru = new SegmentedLru({ maxBytes });
  return {
    lru,
    entries: {
      get: (key, reader) => lru.get(key, reader),
      set: (key, entry, writer) => {
        // The overhead here is the entry and value objects and their headers object; the LRU adds its own node's.
        lru.set(key, entry, valueBytes(entry.value) + ENTRY_OVERHEAD_BYTES, writer);
      },
    },
    tags: localTagStore,
  };
}

const storageKey = Symbol.for('gazette.page-cache');

/**
 * This process's store, created on first use (Next may load this module more than once): memory
 * (CACHE_MEMORY_MB, keys and values together), in front of Redis when REDIS_URL is set, and over
 * rendered pages kept in PostgreSQL when DATABASE_URL is set (PAGE_STORE, on by default).
 * @param {Partial<CacheHandlerContext>} [ctx]
 * @returns {PageCacheStorage & { lru: SegmentedLru<CacheHandlerValue> }}
 */
export function processStorage(ctx = {}) {
  const holder = /** @type {{ [storageKey]?: PageCacheStorage & { lru: SegmentedLru<CacheHandlerValue> } }} */ (globalThis);
  if (holder[storageKey]) return holder[storageKey];
  const cfg = config();
  const { CACHE_MEMORY_MB, REDIS_URL: redisUrl, CACHE_REDIS_PREFIX: prefix, DATABASE_URL: databaseUrl } = cfg;
  const buildId = () => buildIdOf(ctx.serverDistDir);
  const memory = createMemoryStorage(CACHE_MEMORY_MB * 1024 * 1024);
  const levels = redisUrl ? createSharedStorage({ local: memory.entries, url: redisUrl, prefix, buildId }) : memory;
  const pages = databaseUrl && pageStoreOn(cfg) ? createPageStore({ url: databaseUrl, buildId }) : undefined;
  return (holder[storageKey] = { lru: memory.lru, entries: levels.entries, tags: pages ? withDurableExpiry(levels.tags, pages) : levels.tags, pages, local: memory.entries });
}

/**
 * Tag expiry that is written to the page store before it returns, so that the reader who follows
 * a publish never gets the stored page it replaced.
 * @param {TagStore} tags
 * @param {import('./stored.mjs').PageStore} pages
 * @returns {TagStore}
 */
function withDurableExpiry(tags, pages) {
  return {
    async revalidate(list, durations) {
      await tags.revalidate(list, durations);
      await pages.recordExpiry(list);
    },
    areExpired: (list, timestamp) => tags.areExpired(list, timestamp),
  };
}

/**
 * The tags of a page worth keeping in the database (a successful render), or null.
 * @param {IncrementalCacheValue | null} value
 */
function storableTags(value) {
  if (/** @type {string | undefined} */ (value?.kind) !== 'APP_PAGE') return null;
  const page = /** @type {import('next/dist/server/response-cache/types').IncrementalCachedAppPageValue} */ (value);
  if (page.status !== undefined && page.status !== 200) return null;
  const header = page.headers?.[CACHE_TAGS_HEADER];
  return typeof header === 'string' && header ? header.split(',') : null;
}

/** @param {IncrementalCacheValue | null} value */
function isResponse(value) {
  const kind = /** @type {string | undefined} */ (value?.kind);
  return kind === 'APP_PAGE' || kind === 'APP_ROUTE' || kind === 'PAGES';
}

export default class PageCacheHandler {
  /**
   * @param {Partial<CacheHandlerContext>} [ctx] what Next passes; only `revalidatedTags` is used
   *   (minimal mode), the disk and memory options are not: this handler never writes to disk.
   * @param {PageCacheStorage} [storage] tests and benchmarks pass their own
   */
  constructor(ctx = {}, storage = processStorage(ctx)) {
    this.storage = storage;
    /** @type {readonly string[]} */
    this.revalidatedTags = ctx.revalidatedTags ?? [];
    const headers = /** @type {{ _requestHeaders?: Record<string, string | string[] | undefined> }} */ (ctx)._requestHeaders ?? {};
    /** A router prefetch (Next serves it what is cached and renders nothing for it). */
    this.prefetch = headers.purpose === 'prefetch' || headers['next-router-prefetch'] === '1';
    /** When this request first asked for each page: its render, if any, began after that. */
    /** @type {Map<string, number>} */
    this.askedAt = new Map();
  }

  /**
   * @param {string} key
   * @param {GetContext} ctx
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    const isPage = /** @type {{ kind?: string }} */ (ctx)?.kind === 'APP_PAGE';
    if (isPage && !this.askedAt.has(key)) this.askedAt.set(key, Date.now());
    const entry = (await this.storage.entries.get(key, this)) ?? (isPage ? await this.readStoredPage(key) : undefined);
    if (!entry) return null;
    const value = entry.value;
    if (value && isResponse(value)) {
      const headers = /** @type {{ headers?: Record<string, unknown> }} */ (value).headers;
      const header = headers?.[CACHE_TAGS_HEADER];
      if (typeof header === 'string') {
        const tags = header.split(',');
        if (tags.length > 0 && (await this.storage.tags.areExpired(tags, entry.lastModified))) return null;
      }
      if (isPage) return withDeferredClockRefresh(key, entry, this.prefetch);
    } else if (/** @type {string | undefined} */ (value?.kind) === 'FETCH') {
      const fetchCtx = /** @type {{ kind: string, tags?: string[], softTags?: string[] }} */ (ctx);
      const tags = fetchCtx.kind === 'FETCH' ? [...(fetchCtx.tags ?? []), ...(fetchCtx.softTags ?? [])] : [];
      if (tags.some((tag) => this.revalidatedTags.includes(tag))) return null;
      if (await this.storage.tags.areExpired(tags, entry.lastModified)) return null;
    }
    return entry;
  }

  /**
   * @param {string} key
   * @param {IncrementalCacheValue | null} data
   * @param {SetContext} ctx
   */
  async set(key, data, ctx) {
    const options = /** @type {{ fetchCache?: boolean, cacheControl?: CacheHandlerValue['cacheControl'] }} */ (ctx);
    /** @type {CacheHandlerValue} */
    const entry = { value: data, lastModified: Date.now(), cacheControl: options.fetchCache ? undefined : options.cacheControl };
    await this.storage.entries.set(key, entry, this);
    endClockRefresh(key, entry.lastModified);
    const tags = this.storage.pages && storableTags(data);
    // Unknown start (no read by this handler): as if the render took a minute, which refuses more.
    if (tags) await this.storage.pages?.write(key, entry, tags, this.askedAt.get(key) ?? entry.lastModified - 60_000);
  }

  /**
   * A page from the database level, kept in this process's memory from then on.
   * @param {string} key
   */
  async readStoredPage(key) {
    const stored = await this.storage.pages?.read(key);
    if (stored) await this.storage.local?.set(key, stored, this);
    return stored;
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    const list = typeof tags === 'string' ? [tags] : tags;
    if (list.length === 0) return;
    await this.storage.tags.revalidate(list, durations);
    notifyTagsRevalidated(list);
  }

  resetRequestCache() {}
}
