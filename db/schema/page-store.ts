import { bigint, customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Rendered reader pages kept beyond any server's memory (services/page-cache/stored.mjs, ADR 0015):
 * the third level of the page cache, under each server's memory and Redis. A page rendered once is
 * served from here after it left memory, after a restart and by every other server, until one of
 * its cache tags expires or the build changes. Written and read by the cache handler with its own
 * small connection pool, not through the data-access layer: it holds Next's cache entries, not content.
 */
export const pageStore = pgTable(
  'page_store',
  {
    /** The build that rendered it: another build's page names scripts and styles this one lacks. */
    buildId: text().notNull(),
    /** Next's cache key (the route's path). */
    cacheKey: text().notNull(),
    /** The page's cache tags (its `x-next-cache-tags`), checked against page_tag_expiry on every read. */
    tags: text().array().notNull(),
    /** Milliseconds since the epoch, as Next's cache entries and tag records count time. */
    storedAt: bigint({ mode: 'number' }).notNull(),
    /** The v8-serialised cache entry, deflated. */
    entry: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.buildId, t.cacheKey] })],
);

/**
 * When each cache tag last expired, kept as long as pages stored before it may be: a stored page
 * is served only while none of its tags expired after it was stored, whichever server expired it
 * and whether or not any server was running to hear of it.
 */
export const pageTagExpiry = pgTable('page_tag_expiry', {
  tag: text().primaryKey(),
  expiredAt: bigint({ mode: 'number' }).notNull(),
});

/**
 * Rendering every story's page once ahead of readers, per build (services/page-warm.ts, ADR 0016):
 * a deploy starts with no stored page, and a crawl of pages never rendered costs a render each. One
 * server at a time holds the walk (a lease renewed with each step); the place it reached survives
 * restarts and passes to another server when the holder stops.
 */
export const pageWarm = pgTable('page_warm', {
  buildId: text().primaryKey(),
  /** The last story requested, in reader order (newest first): the walk goes on after it. */
  reachedPublishedAt: timestamp({ withTimezone: true, mode: 'string' }),
  reachedId: integer(),
  /** Pages requested so far. */
  pages: integer().notNull().default(0),
  /**
   * The latest expiry of a tag every story page carries (SITE_WIDE_TAGS) when the walk began, in
   * page_tag_expiry's milliseconds: a later one starts the walk again.
   */
  siteExpiredAt: bigint({ mode: 'number' }).notNull().default(0),
  holder: text(),
  heldUntil: timestamp({ withTimezone: true, mode: 'string' }),
  startedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true, mode: 'string' }),
});
