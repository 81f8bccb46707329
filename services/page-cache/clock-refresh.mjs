// @ts-check
import { ARCHIVE_CLOCK_REFRESHES, ARCHIVE_MAX_DEFERRED_MS, ARCHIVE_REVALIDATE_SECONDS } from '../../domain/archive-pages.mjs';

/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue */

/** Archive pages being re-rendered by the clock in this process: key → when it began. */
/** @type {Map<string, number>} */
const clockRefreshes = new Map();
/** A refresh that never stored its page (the render failed) stops counting after this. */
const CLOCK_REFRESH_TIMEOUT_MS = 10_000;
/** After a refresh that took t ms, the next waits 3t: refreshes take at most a quarter of the time. */
const CLOCK_REFRESH_PAUSE = 3;
let nextClockRefreshAt = 0;

/**
 * An archive page past its hour is re-rendered by the clock only while fewer than
 * ARCHIVE_CLOCK_REFRESHES of them are: Next re-renders a stale page in the background after
 * serving it, so under a crawl of pages stored hours ago every visit would cost a render. The
 * others are served as they are, as fresh, and refreshed on a later visit. Only the clock is
 * deferred, and for a week at most: a page whose tags expired was refused before this (ADR 0016).
 * A prefetch never takes the turn: Next serves it the page as it is and renders nothing.
 * @param {string} key
 * @param {CacheHandlerValue} entry
 * @param {boolean} prefetch
 * @returns {CacheHandlerValue}
 */
export function withDeferredClockRefresh(key, entry, prefetch) {
  const revalidate = entry.cacheControl?.revalidate;
  const now = Date.now();
  if (typeof revalidate !== 'number' || revalidate < ARCHIVE_REVALIDATE_SECONDS || entry.lastModified + revalidate * 1000 > now) return entry;
  if (prefetch || now - entry.lastModified > ARCHIVE_MAX_DEFERRED_MS) return entry;
  for (const [refreshing, began] of clockRefreshes) if (now - began > CLOCK_REFRESH_TIMEOUT_MS) clockRefreshes.delete(refreshing);
  if (!clockRefreshes.has(key) && clockRefreshes.size < ARCHIVE_CLOCK_REFRESHES && now >= nextClockRefreshAt) {
    clockRefreshes.set(key, now);
    return entry;
  }
  // A copy: the stored entry keeps its real time, against which tag expiry is checked.
  return { ...entry, lastModified: now - revalidate * 1000 + 1_000 };
}

/**
 * The page of `key` was stored at `now`: if it was a clock refresh, the next may begin after a pause.
 * @param {string} key
 * @param {number} now
 */
export function endClockRefresh(key, now) {
  const began = clockRefreshes.get(key);
  if (began === undefined) return;
  clockRefreshes.delete(key);
  nextClockRefreshAt = now + CLOCK_REFRESH_PAUSE * (now - began);
}
