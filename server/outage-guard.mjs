// @ts-check
import { databaseDownSince, noteDatabaseUp, shouldProbe } from '../services/db-health.mjs';
import { databaseProbe } from '../services/server-bridge.mjs';

/**
 * While the database is known to be down, requests that may need it get a 503 page at once; a
 * probe at most once a second lets traffic through again when it answers. This sits in the HTTP
 * server rather than in proxy.ts so that readers' cached pages do not pay for a proxy on every
 * request: when the database is up the cost is one flag check. Pages in the micro-cache are answered
 * before this guard, while the database is down even from an expired copy (server/micro-cache.mjs).
 *
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 */
const PASS_THROUGH = /^\/(_next\/|media\/|api\/health|api\/views|favicon|icon|robots\.txt)/;

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>503 服务暂时不可用 · Service unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7"><h1>服务暂时不可用</h1><p>数据库暂时无法连接，请稍后刷新重试。</p><h2 lang="en">Service temporarily unavailable</h2><p lang="en">The database cannot be reached right now. Please reload in a moment.</p></body></html>`;

/** @type {Promise<boolean> | null} */
let probing = null;

/** @returns {Promise<boolean>} */
async function databaseAnswers() {
  const probe = databaseProbe();
  if (!probe || !shouldProbe()) return false;
  probing ??= (async () => {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    try {
      await Promise.race([probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2000)))]);
      noteDatabaseUp();
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      probing = null;
    }
  })();
  return probing;
}

/** @param {ServerResponse} res */
function unavailable(res) {
  res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store' });
  res.end(PAGE);
}

/**
 * Null lets the request through at once (the database is up, the one cost is a flag check);
 * otherwise a promise that tells whether to let it through after a probe, having answered 503
 * itself when not.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @returns {Promise<boolean> | null}
 */
export function holdWhileDatabaseDown(req, res) {
  if (databaseDownSince() === null || PASS_THROUGH.test(req.url ?? '')) return null;
  return databaseAnswers().then((up) => {
    if (!up) unavailable(res);
    return up;
  });
}
