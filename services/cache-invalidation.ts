import 'server-only';
import { revalidateTag } from 'next/cache';
import { purgeCdn } from './cdn/purge';
import { notifyTagsRevalidated } from './page-cache/events.mjs';
import { expireTagsOutsideRequests } from './page-cache/expire.mjs';
import { invalidateCountableArticles } from './views/service';

/**
 * Readers see a change on their next request: every cached view tagged with one of `tags` is
 * expired, on this server and (through Redis) on every other, and so is what sits in front of the
 * servers (the micro-cache; a CDN through the purge hook). Used by every action after its write, and
 * by the scheduled-story timer, which runs outside any request.
 */
export function invalidateTags(tags: string[]): void {
  const unique = [...new Set(tags)];
  if (!unique.length) return;
  try {
    for (const tag of unique) revalidateTag(tag, { expire: 0 });
  } catch {
    // Outside a request Next has nowhere to record them: expire them in the cache handler's store.
    void expireTagsOutsideRequests(unique).catch((error: unknown) => console.error('[gazette] expiring cache tags failed:', error));
  }
  // The HTTP server's micro-cache listens (server/micro-cache.mjs): the next reader goes to Next.
  notifyTagsRevalidated(unique);
  // A CDN or caching proxy in front (CDN_PURGE_URL) drops the public URLs the change made stale.
  purgeCdn(unique);
  // The view counter keeps its own list of countable (visible) articles.
  if (unique.some((tag) => tag.startsWith('article:'))) invalidateCountableArticles();
}
