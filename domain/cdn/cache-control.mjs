// Cache-Control of the reader site for a CDN or caching proxy in front (docs/scaling.md). Plain .mjs:
// next.config.mjs imports it. Shared caches keep a page for s-maxage and may serve it stale for
// stale-while-revalidate while they fetch a fresh copy; browsers (max-age=0) always revalidate.
// A publish expires Next's cache at once and, with CDN_PURGE_URL, purges the CDN's copies too.
//
// Next.js sets these headers itself only for its cached (ISR) routes, as `s-maxage=<revalidate>,
// stale-while-revalidate=<a year>`, and marks per-request pages (tags, authors, search) `private,
// no-store`; a Cache-Control set here is kept (Next only fills in a missing one), except on errors
// (500) and in draft mode, which Next always sends `private, no-store`. A header set here also
// replaces the one a route handler sets, so the API (which sends `no-store` itself: views, media,
// health; Auth.js its own) and the feeds (services/feeds/respond.ts) are not listed. The admin and
// previews are `private, no-store` in next.config.mjs.

/** Articles: their ISR revalidate (app/(site)/articles/[id]/page.tsx). */
export const ARTICLE_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400';
/** Lists (home, sections, static pages, tags, authors): LIST_REVALIDATE_SECONDS. */
export const LIST_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
/** The public Content API (/api/v1, services/api/v1/respond.ts): as the lists it serves; sent by its handlers. */
export const API_CACHE_CONTROL = LIST_CACHE_CONTROL;
/** Feeds, sitemaps and robots.txt (services/feeds/respond.ts sends the same). */
export const FEED_CACHE_CONTROL = 'public, max-age=60, s-maxage=60, stale-while-revalidate=600';

/** Top-level names that are not sections or static pages (as in next.config.mjs rewrites). */
const reserved = '(?!admin$|api$|articles$|tags$|authors$|preview$|media$|editions$|listing$|search$|feeds$|sitemaps$|_next$)';

/** Entries for next.config.mjs `headers()`; later entries win, so the private ones come last. */
export function cdnHeaders() {
  const cc = (value) => [{ key: 'Cache-Control', value }];
  return [
    { source: '/', headers: cc(LIST_CACHE_CONTROL) },
    { source: `/:slug(${reserved}[a-z0-9][a-z0-9-]{0,119})`, headers: cc(LIST_CACHE_CONTROL) },
    { source: '/articles/:id', headers: cc(ARTICLE_CACHE_CONTROL) },
    { source: '/tags/:slug', headers: cc(LIST_CACHE_CONTROL) },
    { source: '/authors/:slug', headers: cc(LIST_CACHE_CONTROL) },
    // The empty search form is the same for everyone; results for a query are not stored.
    { source: '/search', missing: [{ type: 'query', key: 'q' }], headers: cc(LIST_CACHE_CONTROL) },
    { source: '/robots.txt', headers: cc(FEED_CACHE_CONTROL) },
  ];
}
