// @ts-check
import { config } from '../domain/config.mjs';
import { UNCACHED_SEGMENTS } from '../domain/reserved-slugs.mjs';
import { databaseDownSince } from '../services/db-health.mjs';
import { onTagsRevalidated } from '../services/page-cache/events.mjs';

/**
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 * @typedef {import('node:http').OutgoingHttpHeaders} OutgoingHttpHeaders
 */

/**
 * A few seconds of whole-response cache in front of Next.js, for reader pages that Next itself
 * serves from its cache (`x-nextjs-cache` HIT or MISS, public `s-maxage`): the same idea as an
 * nginx micro-cache, in the process. Next spends ~2 ms of CPU on routing, rewrites and headers for
 * every cached page; a hot article is served from here for MICRO_CACHE_MS instead.
 *
 * Freshness: every write that expires cache tags (actions/define.ts) purges it at once, and so does
 * Next's cache handler once it has recorded the expiry (services/page-cache/handler.mjs, which closes the
 * window in which a page still cached by Next could be captured again), and so does an expiry that
 * another server announces through Redis (services/page-cache/shared.mjs), so a publish or a correction
 * is seen by the next reader on every server; what expires by time (a scheduled story, the most-read
 * lists) shows up at most MICRO_CACHE_MS later. Responses that vary per reader are never stored:
 * only GET pages without cookies that change rendering, without Next's RSC or prefetch headers,
 * with status 200 and no Set-Cookie.
 */

const key = Symbol.for('gazette.micro-cache');

/**
 * `vary` holds, for each request header the response's Vary names, the value this copy was made
 * for; `bytes` is what the entry costs: body, key and headers.
 * @typedef {{ status: number, headers: OutgoingHttpHeaders, body: Buffer, expires: number, vary: [string, string][], bytes: number }} Entry
 */
/**
 * `generation` is bumped by every purge; a response rendered before a purge is not stored after it.
 * @typedef {{ entries: Map<string, Entry>, bytes: number, generation: number }} Store
 */

/**
 * While the database is down (server/outage-guard.mjs answers 503 to what reaches Next), an expired
 * copy up to this old is served rather than the 503 page: nothing can have been published meanwhile,
 * and a reader is better served by the page as it was a minute ago. Purges still empty the store.
 */
const STALE_WHILE_DOWN_MS = 60 * 60_000;

/** All stored bodies together; the oldest go first (random query strings must not fill memory). */
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
const MAX_BODY_BYTES = 1024 * 1024;

/** @returns {Store} */
function store() {
  const holder = /** @type {{ [key]?: Store }} */ (globalThis);
  if (!holder[key]) {
    holder[key] = { entries: new Map(), bytes: 0, generation: 0 };
    onTagsRevalidated(purgeMicroCache);
  }
  return holder[key];
}

/** MICRO_CACHE_MS (0 turns it off); checked at start, read from the parsed configuration. */
function ttlMs() {
  return config().MICRO_CACHE_MS;
}

/** Called with every cache-tag expiry: the next reader of any page goes to Next.js again. */
export function purgeMicroCache() {
  const s = store();
  s.entries.clear();
  s.bytes = 0;
  s.generation++;
}

const SKIP_PATH = new RegExp(`^/(${UNCACHED_SEGMENTS.join('|')})(/|$)`);

/**
 * The path and query a request names, as Next will route it: an absolute-form request line
 * (`GET http://host/admin HTTP/1.1`) is the same page as `/admin`. Null for what cannot be parsed.
 * @param {string} url
 * @returns {string | null}
 */
function pathOf(url) {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `${parsed.pathname}${parsed.search}` : null;
  } catch {
    return null;
  }
}

/**
 * @param {IncomingMessage} req
 * @returns {string | null}
 */
function cacheKey(req) {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return null;
  const path = pathOf(req.url);
  if (!path || SKIP_PATH.test(path)) return null;
  const h = req.headers;
  if (h.rsc !== undefined || h['next-router-prefetch'] !== undefined || h['next-router-state-tree'] !== undefined || h['next-url'] !== undefined || h['next-action'] !== undefined) return null;
  // Next's draft mode renders differently for whoever holds this cookie.
  if (h.cookie?.includes('__prerender_bypass')) return null;
  return `${path}\n${h['accept-encoding'] ?? ''}`;
}

/**
 * @param {IncomingMessage} req
 * @param {string} name a lower-case header name
 */
const requestHeader = (req, name) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
};

/**
 * The request headers a response varies on, with this request's values; null when it varies on
 * everything (`Vary: *`), which no shared cache may store.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @returns {[string, string][] | null}
 */
function varyOf(req, res) {
  const names = String(res.getHeader('vary') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes('*')) return null;
  return names.map((name) => [name, requestHeader(req, name)]);
}

/**
 * Answers from the micro-cache when it holds a fresh copy (or, while the database is down, a stale
 * one); returns whether it did.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
export function serveFromMicroCache(req, res) {
  if (!ttlMs()) return false;
  const k = cacheKey(req);
  if (!k) return false;
  const s = store();
  const entry = s.entries.get(k);
  if (!entry) return false;
  const now = Date.now();
  const stale = entry.expires <= now;
  if (stale && (databaseDownSince() === null || now - entry.expires > STALE_WHILE_DOWN_MS)) {
    remove(s, k);
    return false;
  }
  // Made for a request that differed in a header the response varies on: not this reader's copy.
  if (entry.vary.some(([name, value]) => requestHeader(req, name) !== value)) return false;
  // A stale copy must not be kept further by a CDN or a browser.
  const headers = stale ? { ...entry.headers, 'cache-control': 'no-store' } : entry.headers;
  res.writeHead(entry.status, { ...headers, 'content-length': entry.body.length, 'x-gazette-cache': stale ? 'STALE' : 'HIT' });
  res.end(req.method === 'HEAD' ? undefined : entry.body);
  return true;
}

/**
 * @param {Store} s
 * @param {string} k
 */
function remove(s, k) {
  const entry = s.entries.get(k);
  if (!entry) return;
  s.bytes -= entry.bytes;
  s.entries.delete(k);
}

/**
 * @param {unknown} chunk
 * @param {unknown} encoding
 * @returns {Buffer | null}
 */
function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (/** @type {BufferEncoding} */ (encoding)) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

/** @param {ServerResponse} res */
function storable(res) {
  if (res.statusCode !== 200 || res.hasHeader('set-cookie')) return false;
  const state = String(res.getHeader('x-nextjs-cache') ?? '');
  const control = String(res.getHeader('cache-control') ?? '');
  return (state === 'HIT' || state === 'MISS') && /s-maxage=\d/.test(control) && !/private|no-store/.test(control);
}

/**
 * Watches a GET response on its way out and keeps it when Next served it from its cache.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
export function captureForMicroCache(req, res) {
  const ttl = ttlMs();
  if (!ttl || req.method !== 'GET') return;
  const key = cacheKey(req);
  if (!key) return;
  const k = key;
  const s = store();
  const generation = s.generation;
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let tooBig = false;
  /**
   * @param {unknown} chunk
   * @param {unknown} encoding
   */
  const collect = (chunk, encoding) => {
    if (tooBig || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = toBuffer(chunk, encoding);
    if (!buffer) return;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      tooBig = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };
  const write = /** @type {(...args: unknown[]) => boolean} */ (res.write);
  const end = /** @type {(...args: unknown[]) => ServerResponse} */ (res.end);
  /**
   * @this {ServerResponse}
   * @param {unknown[]} args
   */
  function writeAndCollect(...args) {
    collect(args[0], args[1]);
    return write.apply(this, args);
  }
  /**
   * @this {ServerResponse}
   * @param {unknown[]} args
   */
  function endAndStore(...args) {
    collect(args[0], args[1]);
    const result = end.apply(this, args);
    const vary = varyOf(req, this);
    if (!tooBig && vary && s.generation === generation && storable(this)) {
      const headers = { ...this.getHeaders() };
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      delete headers.connection;
      delete headers['keep-alive'];
      const body = Buffer.concat(chunks);
      const bytes = body.length + Buffer.byteLength(k) + Buffer.byteLength(JSON.stringify(headers)) + Buffer.byteLength(JSON.stringify(vary));
      remove(s, k);
      while (s.entries.size && s.bytes + bytes > MAX_TOTAL_BYTES) remove(s, /** @type {string} */ (s.entries.keys().next().value));
      s.entries.set(k, { status: 200, headers, body, expires: Date.now() + ttl, vary, bytes });
      s.bytes += bytes;
    }
    return result;
  }
  res.write = /** @type {ServerResponse['write']} */ (/** @type {unknown} */ (writeAndCollect));
  res.end = /** @type {ServerResponse['end']} */ (/** @type {unknown} */ (endAndStore));
}
