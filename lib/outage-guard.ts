import http from 'node:http';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { databaseDownSince, noteDatabaseUp, shouldProbe } from './db-health';

/**
 * While the database is known to be down, requests that may need it get a 503 page at once; a
 * probe at most once a second lets traffic through again when it answers. This sits on the HTTP
 * server rather than in proxy.ts so that readers' cached pages do not pay for a proxy on every
 * request: when the database is up the cost is one flag check.
 */
const installedKey = Symbol.for('gazette.outage-guard');

const PASS_THROUGH = /^\/(_next\/|media\/|api\/health|api\/views|favicon|icon|robots\.txt)/;

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>503 服务暂时不可用 · Service unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7"><h1>服务暂时不可用</h1><p>数据库暂时无法连接，请稍后刷新重试。</p><h2 lang="en">Service temporarily unavailable</h2><p lang="en">The database cannot be reached right now. Please reload in a moment.</p></body></html>`;

let probing: Promise<boolean> | null = null;

async function databaseAnswers(): Promise<boolean> {
  if (!shouldProbe()) return false;
  probing ??= (async () => {
    try {
      const db = await getDb();
      await Promise.race([db.execute(sql`select 1`), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      noteDatabaseUp();
      return true;
    } catch {
      return false;
    } finally {
      probing = null;
    }
  })();
  return probing;
}

function unavailable(res: http.ServerResponse): void {
  res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store' });
  res.end(PAGE);
}

export function installOutageGuard(): void {
  const holder = globalThis as { [installedKey]?: boolean };
  if (holder[installedKey]) return;
  holder[installedKey] = true;
  const proto = http.Server.prototype as http.Server & { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'request' || databaseDownSince() === null) return emit.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    if (PASS_THROUGH.test(req.url ?? '')) return emit.call(this, event, ...args);
    void databaseAnswers().then((up) => (up ? emit.call(this, event, ...args) : unavailable(res)));
    return true;
  };
}
