// @ts-check
// Read by the page cache handler, which Node loads as plain JavaScript, and by the reader's
// TypeScript through domain/cache-tags.ts: one copy of the archive rule for both.

/**
 * A story published longer ago than this is archive: its page also changes only when something it
 * shows is saved (its tags expire), and by the clock at most hourly (the "most read" beside it, the
 * printed view count), so that a crawl of the archive reads stored pages (ADR 0015).
 */
export const ARCHIVE_AFTER_MS = 2 * 24 * 3600 * 1000;
export const ARCHIVE_REVALIDATE_SECONDS = 3600;

/**
 * How many archive pages one process re-renders by the clock at a time (ADR 0016). A page older
 * than its hour is otherwise served and re-rendered in the background on every visit: a crawl of
 * pages stored more than an hour ago would cost a render each, as if nothing were stored.
 */
export const ARCHIVE_CLOCK_REFRESHES = 1;

/**
 * No archive page is held back past this age: beyond it, the clock refresh happens on the next
 * visit whatever the load (a story taken down leaves other pages' "related" lists by then). The
 * walk that renders every story ahead of readers begins again when its last began longer ago than
 * ARCHIVE_REWALK_MS, so that stored pages rarely reach that age (ADR 0016).
 */
export const ARCHIVE_MAX_DEFERRED_MS = 7 * 24 * 3600 * 1000;
export const ARCHIVE_REWALK_MS = 6 * 24 * 3600 * 1000;
