// @ts-check
import { areTagsExpired, tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';

/**
 * When each cache tag was last revalidated, with the semantics of Next.js's default handler
 * (FileSystemCache.revalidateTag in next/dist/server/lib/incremental-cache/file-system-cache.js):
 *
 * - `revalidateTag(tag, { expire: 0 })` (what lib/actions.ts does): stale and expired now, so
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

/** @type {TagStore} */
export const localTagStore = {
  revalidate(tags, durations) {
    const now = Date.now();
    for (const tag of tags) {
      const existing = tagsManifest.get(tag) ?? {};
      if (durations) {
        const updates = { ...existing, stale: now };
        if (durations.expire !== undefined) updates.expired = now + durations.expire * 1000;
        tagsManifest.set(tag, updates);
      } else {
        tagsManifest.set(tag, { ...existing, expired: now });
      }
    }
  },
  areExpired(tags, timestamp) {
    return areTagsExpired(tags, timestamp);
  },
};
