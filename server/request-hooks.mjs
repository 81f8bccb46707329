// @ts-check
import { randomBytes } from 'node:crypto';
import { PEER_HEADER, redirectHitCounter } from '../services/server-bridge.mjs';

/**
 * Small jobs done to every request as it enters Gazette's HTTP server (server/main.mjs), before
 * Next.js sees it. Route code sees neither the socket nor the raw response, and a proxy.ts on every
 * reader request would cost throughput that cached pages should not pay.
 *
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 */

const STAMP_HEADER = 'x-gazette-peer-stamp';
/** Random per process: proves a peer header was written by this server, not sent by a client. */
const STAMP_TOKEN = randomBytes(16).toString('hex');

/**
 * Copies the socket's address into a private header (services/views/peer.ts reads it), overwriting any
 * value a client sent: Next.js fills `x-forwarded-for` only when the client did not.
 * @param {IncomingMessage} req
 */
export function stampPeerAddress(req) {
  const socketAddress = req.socket?.remoteAddress ?? '';
  // Next.js re-sends a Server Action posted to the wrong page from the server itself, with the
  // original headers; that loopback request keeps the client's address this hook set on the way
  // in. Only this process knows the stamp's token, so a client behind a proxy on the same host
  // cannot pass its own address off as one this server recorded.
  const forwardedByNext =
    req.headers['x-action-forwarded'] === '1' && isLoopback(socketAddress) && typeof req.headers[PEER_HEADER] === 'string' && req.headers[STAMP_HEADER] === STAMP_TOKEN;
  if (!forwardedByNext) {
    req.headers[PEER_HEADER] = socketAddress;
    req.headers[STAMP_HEADER] = STAMP_TOKEN;
  }
}


/** @param {string} address */
function isLoopback(address) {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** A path no route has: Next answers it with the site's own 404 page. */
export const UNDECODABLE_PATH = '/__undecodable-path__';

/**
 * A path with a malformed percent-escape (`/%ff%fe`, a truncated UTF-8 sequence) makes Next's router
 * throw while decoding route parameters, which answered 500. Such a URL names no page: it is sent on
 * as a path that matches none, so the reader gets the site's 404 page and nothing else runs.
 * @param {IncomingMessage} req
 */
export function notFoundForUndecodablePaths(req) {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (!path.includes('%')) return;
  try {
    decodeURIComponent(path);
  } catch {
    req.url = UNDECODABLE_PATH;
  }
}

/** @type {Record<number, number>} */
const GET_REDIRECT_CODES = { 307: 302, 308: 301 };

/**
 * Next.js answers `permanentRedirect()` with 308 and `redirect()` with 307. For a page fetched with
 * GET or HEAD, 301 and 302 mean the same to browsers and are what every crawler and old client
 * knows best (and what an editor chose on the redirects screen), so non-canonical article slugs and
 * recorded redirects go out as 301 or 302. Client-side navigations (RSC requests) and other methods
 * keep 307/308, which keep a POST body where 301/302 would not. Next.js 16.4
 * also sends the Location header twice when an ISR page redirects on a cache miss; one goes out.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
export function redirectsAsGetCodes(req, res) {
  const asGet = (req.method === 'GET' || req.method === 'HEAD') && req.headers.rsc === undefined;
  const writeHead = /** @type {(this: ServerResponse, statusCode: number, ...rest: unknown[]) => ServerResponse} */ (res.writeHead);
  // Node's implicit headers (a bare res.end()) also go through this.writeHead(this.statusCode).
  res.writeHead = /** @type {ServerResponse['writeHead']} */ (
    /** @type {unknown} */ (
      /**
       * @this {ServerResponse}
       * @param {number} statusCode
       * @param {unknown[]} rest
       */
      function (statusCode, ...rest) {
        if (statusCode >= 300 && statusCode < 400) {
          const location = this.getHeader('location');
          if (Array.isArray(location) && location.length > 1) this.setHeader('location', location[0] ?? '');
        }
        return writeHead.call(this, asGet ? (GET_REDIRECT_CODES[statusCode] ?? statusCode) : statusCode, ...rest);
      }
    )
  );
}

/**
 * Each redirect answered to a reader's GET, from the page cache or from a render, goes to the app's
 * hit counter with the path asked for; it keeps the paths of recorded redirects and drops the rest.
 * A path ending in `/` is Next's own trailing-slash redirect, followed by a second request that counts.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
export function countRedirectHits(req, res) {
  if (req.method !== 'GET' || req.headers.rsc !== undefined) return;
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (path.endsWith('/')) return;
  res.once('finish', () => {
    if (res.statusCode >= 301 && res.statusCode <= 308 && res.statusCode !== 304) redirectHitCounter()?.(path);
  });
}
