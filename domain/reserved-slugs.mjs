// @ts-check
/**
 * First path segments the application answers itself. A section there would never be reached (its
 * listing is a rewrite of `/{slug}`, which must not catch these) or would shadow the app, so nobody
 * may take them. One list for both: next.config.mjs builds its rewrite from it, and the section
 * form refuses its names (domain/validation/section.ts).
 */
export const ROUTE_SEGMENTS = /** @type {const} */ (['admin', 'api', 'articles', 'attachments', 'authors', 'corrections', 'editions', 'feeds', 'listing', 'media', 'preview', 'search', 'sitemaps', 'tags', 'topics']);

/**
 * First segments whose answers are private or carry their own caching: the admin, the APIs,
 * previews, uploaded media (its route handler sets long-lived headers), story attachments (private
 * before their story is out), Next's assets. The server
 * entry's micro-cache (server/micro-cache.mjs) never stores them.
 */
export const UNCACHED_SEGMENTS = /** @type {const} */ (['admin', 'api', 'preview', 'media', 'attachments', '_next']);

/** Names that are not routes but would read as one (`/feed` beside `/feed.xml`, `/sitemap` beside `/sitemap.xml`). */
const LOOKALIKES = ['feed', 'sitemap', 'robots'];

/** @type {readonly string[]} */
export const RESERVED_SLUGS = [...ROUTE_SEGMENTS, ...LOOKALIKES];

/** @param {string} slug */
export function isReservedSlug(slug) {
  return RESERVED_SLUGS.includes(slug);
}
