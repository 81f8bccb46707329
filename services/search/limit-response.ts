import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getSiteSettings } from '@/db/queries/public';
import { clientIp } from '../client-ip';
import { t, type Locale } from '../../domain/i18n/messages';
import { cleanSearchQuery } from '../../domain/search/query';
import { countSearch } from '../rate-limit';

/**
 * proxy.ts for GET /search: a search with a query counts toward the address's limit
 * (services/rate-limit.ts); past it, a 429 page in the site's language with Retry-After, and
 * the page (and its database read) never runs.
 */
export async function limitSearch(request: NextRequest): Promise<NextResponse> {
  if (!cleanSearchQuery(request.nextUrl.searchParams.get('q'))) return NextResponse.next();
  const verdict = await countSearch(clientIp(request.headers));
  if (verdict.allowed) return NextResponse.next();
  const site = await siteForLimitPage();
  return new NextResponse(limitedPage(site, verdict.retryAfterSeconds), {
    status: 429,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(verdict.retryAfterSeconds), 'Cache-Control': 'no-store' },
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function limitedPage(site: { name: string; locale: Locale }, seconds: number): string {
  const { name, locale } = site;
  const title = t(locale, 'searchRateLimitedTitle');
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${escapeHtml(name)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7">` +
    `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(t(locale, 'searchRateLimited', { seconds }))}</p>` +
    `<p><a href="/">${escapeHtml(t(locale, 'backHome'))}</a></p></body></html>`
  );
}

const SITE_MEMO_MS = 60_000;
const memoKey = Symbol.for('gazette.search-limit.site');
type Memo = { [memoKey]?: { site: { name: string; locale: Locale }; at: number } };

/** The site's name and language, read at most once a minute (only refusals need them). */
async function siteForLimitPage(): Promise<{ name: string; locale: Locale }> {
  const holder = globalThis as Memo;
  const memo = holder[memoKey];
  if (memo && Date.now() - memo.at < SITE_MEMO_MS) return memo.site;
  try {
    const { name, locale } = await getSiteSettings(await getDb());
    holder[memoKey] = { site: { name, locale }, at: Date.now() };
    return { name, locale };
  } catch {
    return { name: 'Gazette', locale: 'zh-CN' };
  }
}
