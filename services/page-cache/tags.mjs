// @ts-check
import { areTagsExpired, tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';

/**
 * When each cache tag was last revalidated, with the semantics of Next.js's default handler
 * (FileSystemCache.revalidateTag in next/dist/server/lib/incremental-cache/file-system-cache.js):
 *
 * - `revalidateTag(tag, { expire: 0 })` (what actions/define.ts does): stale and expired now, so
 *   every entry stored before this moment is a miss;
 * - `revalidateTag(tag, 'max')` or any profile: stale now (Next serves the entry once and
 *   re-renders it in the background), expired `expire` seconds later;
 * - no durations (`updateTag`, `revalidatePath`): expired now.
 *
 * The process-local implementation writes Next's own tags manifest: Next's IncrementalCache reads
 * that same Map to mark entries stale, so stale-while-revalidate works exactly as with the default
 * handler, and the expiry check below is Next's `areTagsExpired`.
 *
 * @typedef {object} TagStore
 * @property {(tags: string[], durations?: { expire?: number }) => void | Promise<void>} revalidate
 * @property {(tags: string[], timestamp: number) => boolean | Promise<boolean>} areExpired
 *   whether any of the tags expired after `timestamp` (the entry's lastModified) and by now
 */

/**
 * @typedef {{ stale?: number, expired?: number }} TagRecord when a tag went stale / expires
 */

/**
 * A tag's record after a revalidation at `now`, with the rules above.
 * @param {TagRecord} existing
 * @param {{ expire?: number } | undefined} durations
 * @param {number} now
 * @returns {TagRecord}
 */
export function revalidatedRecord(existing, durations, now) {
  if (!durations) return { ...existing, expired: now };
  const updates = { ...existing, stale: now };
  if (durations.expire !== undefined) updates.expired = now + durations.expire * 1000;
  return updates;
}

/**
 * Takes in records another server wrote (services/page-cache/shared.mjs): the later time of each wins,
 * so an older record never undoes a newer expiry.
 * @param {Iterable<[string, TagRecord]>} records
 */
export function mergeTagRecords(records) {
  for (const [tag, record] of records) {
    const existing = tagsManifest.get(tag) ?? {};
    /** @type {TagRecord} */
    const merged = { ...existing };
    if (record.stale !== undefined) merged.stale = Math.max(existing.stale ?? 0, record.stale);
    if (record.expired !== undefined) merged.expired = Math.max(existing.expired ?? 0, record.expired);
    tagsManifest.set(tag, merged);
  }
}

/** @type {TagStore} */
export const localTagStore = {
  revalidate(tags, durations) {
    const now = Date.now();
    for (const tag of tags) tagsManifest.set(tag, revalidatedRecord(tagsManifest.get(tag) ?? {}, durations, now));
  },
  areExpired(tags, timestamp) {
    return areTagsExpired(tags, timestamp);
  },
};

/**
 * The record this process holds for a tag (what a revalidation here just wrote).
 * @param {string} tag
 * @returns {TagRecord}
 */
export function localTagRecord(tag) {
  return tagsManifest.get(tag) ?? {};
}
