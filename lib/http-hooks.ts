import http from 'node:http';
import { captureForMicroCache, serveFromMicroCache } from './micro-cache';
import { holdWhileDatabaseDown } from './outage-guard';
import { stampPeerAddress } from './views/peer';

/**
 * Gazette's one patch of Node's HTTP server, installed once per process from instrumentation.
 * Route code under `next start` sees neither the socket nor the raw response, and a proxy.ts on
 * every reader request costs throughput that cached pages should not pay; the small jobs below run
 * where a request enters the server instead, in this order.
 */
// lib/views/peer.ts reads this flag: without the hooks there is no trustworthy peer address.
const installedKey = Symbol.for('gazette.http-hooks');

type ServerWithEmit = http.Server & { emit: (event: string | symbol, ...args: unknown[]) => boolean };

export function installHttpHooks(): void {
  const holder = globalThis as { [installedKey]?: boolean };
  if (holder[installedKey]) return;
  holder[installedKey] = true;
  const proto = http.Server.prototype as ServerWithEmit;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'request' && event !== 'checkContinue' && event !== 'checkExpectation') return emit.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    if (!req?.headers) return emit.call(this, event, ...args);
    stampPeerAddress(req);
    notFoundForUndecodablePaths(req);
    permanentRedirectsAs301(req, res);
    if (event === 'request' && serveFromMicroCache(req, res)) return true;
    const held = holdWhileDatabaseDown(req, res);
    if (event === 'request') captureForMicroCache(req, res);
    if (!held) return emit.call(this, event, ...args);
    void held.then((pass) => pass && emit.call(this, event, ...args));
    return true;
  };
}

/** A path no route has: Next answers it with the site's own 404 page. */
const UNDECODABLE_PATH = '/__undecodable-path__';

/**
 * A path with a malformed percent-escape (`/%ff%fe`, a truncated UTF-8 sequence) makes Next's router
 * throw while decoding route parameters, which answered 500. Such a URL names no page: it is sent on
 * as a path that matches none, so the reader gets the site's 404 page and nothing else runs.
 */
function notFoundForUndecodablePaths(req: http.IncomingMessage): void {
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

/**
 * Next.js answers `permanentRedirect()` with 308. For a page fetched with GET or HEAD, 301 means
 * the same thing to browsers and is what every crawler and old client knows best, so non-canonical
 * article slugs and recorded redirects (old URLs) go out as 301. Client-side navigations (RSC
 * requests) and other methods keep 308, which keeps a POST body where 301 would not. Next.js 16.4
 * also sends the Location header twice when an ISR page redirects on a cache miss; one goes out.
 */
function permanentRedirectsAs301(req: http.IncomingMessage, res: http.ServerResponse): void {
  const asGet = (req.method === 'GET' || req.method === 'HEAD') && req.headers.rsc === undefined;
  const writeHead = res.writeHead as (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) => http.ServerResponse;
  // Node's implicit headers (a bare res.end()) also go through this.writeHead(this.statusCode).
  res.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode >= 300 && statusCode < 400) {
      const location = this.getHeader('location');
      if (Array.isArray(location) && location.length > 1) this.setHeader('location', location[0]!);
    }
    return writeHead.call(this, asGet && statusCode === 308 ? 301 : statusCode, ...rest);
  } as http.ServerResponse['writeHead'];
}
