// @ts-check
import cluster from 'node:cluster';
import http from 'node:http';
import { assertConfig } from '../domain/config.mjs';
import { markServerEntry, runShutdownHooks } from '../services/server-bridge.mjs';
import { hstsFor } from '../domain/security-headers.mjs';
import { captureForMicroCache, serveFromMicroCache } from './micro-cache.mjs';
import { holdWhileDatabaseDown } from './outage-guard.mjs';
import { notFoundForUndecodablePaths, redirectsAsGetCodes, countRedirectHits, stampPeerAddress } from './request-hooks.mjs';

/**
 * Gazette's HTTP server: the one place that owns the socket, used by `npm start`, by the standalone
 * output (`.next/standalone/server.js`) and by the Docker image. It does what must happen before
 * Next.js sees a request (peer address, undecodable paths, 301s, the micro-cache, the outage 503)
 * and hands everything else to Next's request handler; it stops gracefully on SIGTERM/SIGINT.
 *
 * On Vercel none of this runs: the platform's edge owns the socket (docs/deploy-vercel.md).
 */

/** The whole stop, from the signal to the exit: platforms wait about 10 s before SIGKILL. */
const SHUTDOWN_BUDGET_MS = 9_500;
/** Requests in flight get this long to finish; the rest of the budget goes to the shutdown hooks. */
const DRAIN_MS = 6_000;

/**
 * @typedef {object} ServerOptions
 * @property {string} dir the Next.js project (or standalone) folder holding `.next`
 * @property {Record<string, unknown>} [conf] the resolved Next config (the standalone output has no next.config.mjs)
 */

/**
 * @param {ServerOptions} options
 * @returns {Promise<http.Server>}
 */
export async function startGazetteServer({ dir, conf }) {
  process.env.NODE_ENV = 'production';
  // A missing or malformed variable stops here, with a message naming each, before anything listens.
  const { PORT: port, HOSTNAME_BIND: hostname, SITE_URL: siteUrl } = assertConfig();
  // An https site tells browsers to keep to https (every response, the micro-cache's included).
  const hsts = hstsFor(siteUrl);
  markServerEntry();
  if (conf) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);

  /** @type {((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null} */
  let handle = null;
  /** @type {() => void} */
  let nextIsReady = () => {};
  const ready = new Promise((resolve) => (nextIsReady = () => resolve(undefined)));
  const server = http.createServer((req, res) => {
    if (hsts) res.setHeader('Strict-Transport-Security', hsts);
    stampPeerAddress(req);
    notFoundForUndecodablePaths(req);
    redirectsAsGetCodes(req, res);
    countRedirectHits(req, res);
    if (serveFromMicroCache(req, res)) return;
    const held = holdWhileDatabaseDown(req, res);
    captureForMicroCache(req, res);
    const pass = () => {
      // Until Next is ready (migrations run in its start-up), requests wait rather than fail.
      void (handle ? handle(req, res) : ready.then(() => handle?.(req, res))).catch((error) => failed(res, error));
    };
    if (!held) pass();
    else void held.then((up) => up && pass());
  });

  // Before listening: a stop asked for during start-up (a worker replaced while its primary stops) is honoured too.
  stopOnSignals(server);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve(undefined));
  });

  const { default: next } = await import('next');
  const app = next({ dev: false, dir, conf, port, hostname: hostname ?? 'localhost', httpServer: server });
  await app.prepare();
  handle = app.getRequestHandler();
  nextIsReady();
  console.log(`[gazette] listening on http://${hostname ?? 'localhost'}:${port}${cluster.isWorker ? ` (worker ${process.pid})` : ''}`);
  return server;
}

/**
 * @param {http.ServerResponse} res
 * @param {unknown} error
 */
function failed(res, error) {
  console.error('[gazette] request failed:', error);
  if (res.headersSent) res.destroy();
  else {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('Internal Server Error');
  }
}

/**
 * Stop accepting, let requests in flight finish (idle keep-alive connections are closed at once),
 * then run the app's shutdown hooks (flush view counts, close the database) and exit; a second
 * signal exits at once.
 * @param {http.Server} server
 */
function stopOnSignals(server) {
  let stopping = false;
  /** @param {NodeJS.Signals} signal */
  const stop = async (signal) => {
    if (stopping) process.exit(1);
    stopping = true;
    const started = Date.now();
    console.log(`[gazette] ${signal}: finishing requests in flight, then stopping${cluster.isWorker ? ` (worker ${process.pid})` : ''}`);
    const drained = new Promise((resolve) => server.close(() => resolve(true)));
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    const inTime = await Promise.race([drained, new Promise((resolve) => setTimeout(() => resolve(false), DRAIN_MS))]);
    clearInterval(idle);
    if (!inTime) {
      console.error('[gazette] requests still running after the drain period were cut off');
      server.closeAllConnections();
    }
    const problems = await runShutdownHooks(started + SHUTDOWN_BUDGET_MS);
    for (const problem of problems) console.error(`[gazette] shutdown: ${problem}`);
    console.log(`[gazette] stopped in ${Date.now() - started} ms`);
    process.exit(problems.length ? 1 : 0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
  if (cluster.isWorker) {
    // The primary (server/cluster.mjs) asks by message, and may do so after Ctrl-C already sent SIGINT
    // to the whole process group: that is the same stop, not a second signal. Without a primary,
    // no connection reaches this worker any more.
    const stopOnce = (/** @type {NodeJS.Signals} */ reason) => void (stopping || stop(reason));
    process.on('message', (message) => {
      if (/** @type {{ type?: unknown }} */ (message)?.type === 'gazette:stop') stopOnce('SIGTERM');
    });
    process.on('disconnect', () => stopOnce('SIGTERM'));
  }
}
