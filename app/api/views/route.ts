import { readTextUpTo } from '@/domain/request-body';
import { viewsConfig } from '@/domain/views/config';
import { flushAfterResponseOnServerless, startViewCounting } from '@/services/views/flush';
import { clientAddress } from '@/services/views/peer';
import { freshCounts, logThrottled, noteProxyWithoutTrust, parseArticleId, recordView, viewStats, type ViewOutcome } from '@/services/views/service';

/**
 * The view beacon.
 *
 *   POST /api/views           body {"id":12} (JSON, or text as sent by navigator.sendBeacon, or just 12) → 204
 *   GET  /api/views?id=12     the <noscript> pixel: counts, answers a 1×1 GIF
 *   GET  /api/views?id=12&f=js  the page's async script: counts, answers JS that shows the fresh count
 *   GET  /api/views?ids=12,13 fresh counts as JSON {"12": 1862}
 *   GET  /api/views?stats     counters for the benchmark (header x-bench-token = BENCH_TOKEN; else 404)
 *   HEAD /api/views…          204, never counts (link checkers)
 *
 * Nothing here answers 500 or an error a reader would see: bad input, unknown articles, bots, floods
 * and a database that is down all end in the same quick 204 (or GIF, or an empty script).
 */

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const MAX_BODY_BYTES = 256;
const MAX_IDS = 50;

function idFromBody(text: string | null): unknown {
  const body = text?.trim();
  if (!body) return null;
  if (body.startsWith('{')) {
    try {
      const parsed = JSON.parse(body) as { id?: unknown; articleId?: unknown } | null;
      return parsed?.id ?? parsed?.articleId ?? null;
    } catch {
      return null;
    }
  }
  return body;
}

async function countBeacon(request: Request, articleId: unknown): Promise<ViewOutcome> {
  if (!viewsConfig().enabled) return 'disabled';
  try {
    startViewCounting();
    const { ip, proxiedWithoutTrust } = clientAddress(request.headers);
    if (proxiedWithoutTrust) noteProxyWithoutTrust();
    const outcome = await recordView({ articleId, ip, userAgent: request.headers.get('user-agent') });
    if (outcome === 'counted') flushAfterResponseOnServerless();
    return outcome;
  } catch (error) {
    logThrottled('beacon failed', error);
    return 'error';
  }
}

export async function POST(request: Request): Promise<Response> {
  let articleId: unknown = null;
  try {
    articleId = idFromBody(await readTextUpTo(request, MAX_BODY_BYTES));
  } catch {
    // a broken body is just not a view
  }
  await countBeacon(request, articleId);
  return new Response(null, { status: 204, headers: NO_STORE });
}

/** Sets every `[data-view-count="ID"]` to the number, formatted for the nearest `lang`. */
function updaterScript(articleId: number, count: number | undefined): string {
  if (count === undefined) return '';
  return `(function(n,s){function u(){document.querySelectorAll(s).forEach(function(e){var l=e.closest("[lang]");e.textContent=n.toLocaleString(l?l.lang:void 0)})}document.readyState=="loading"?document.addEventListener("DOMContentLoaded",u):u()})(${count},'[data-view-count="${articleId}"]')`;
}

async function countsFor(ids: number[]): Promise<Map<number, number>> {
  try {
    return await freshCounts(ids);
  } catch (error) {
    logThrottled('counts could not be read', error);
    return new Map();
  }
}

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;

  if (params.has('stats')) {
    const token = viewsConfig().benchToken;
    if (!token || request.headers.get('x-bench-token') !== token) return new Response('Not found', { status: 404, headers: NO_STORE });
    return Response.json(viewStats(), { headers: NO_STORE });
  }

  const list = params.get('ids');
  if (list !== null) {
    const ids = list
      .split(',')
      .slice(0, MAX_IDS)
      .map((s) => parseArticleId(s))
      .filter((id): id is number => id !== null);
    const counts = await countsFor(ids);
    return Response.json(Object.fromEntries(counts), { headers: NO_STORE });
  }

  const id = params.get('id');
  await countBeacon(request, id);
  if (params.get('f') === 'js') {
    const articleId = parseArticleId(id);
    const count = articleId === null ? undefined : (await countsFor([articleId])).get(articleId);
    const body = articleId === null ? '' : updaterScript(articleId, count);
    return new Response(body, { headers: { ...NO_STORE, 'Content-Type': 'text/javascript; charset=utf-8' } });
  }
  return new Response(GIF, { headers: { ...NO_STORE, 'Content-Type': 'image/gif', 'Content-Length': String(GIF.length) } });
}

/** Without this, Next.js would answer HEAD with GET, and a link checker's HEAD would count as a view. */
export function HEAD(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}
