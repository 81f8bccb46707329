// @ts-check
import { notifyTagsRevalidated } from './events.mjs';
import { processStorage } from './handler.mjs';

/**
 * Expires cache tags from code that runs outside any request (the scheduled-story timer), where
 * Next's `revalidateTag` has no request store to record them in and throws. It writes the expiry
 * straight into this process's page-cache store, exactly what Next's call ends in, so every server
 * hears of it through Redis when REDIS_URL is set, and empties the micro-cache.
 * @param {string[]} tags
 */
export async function expireTagsOutsideRequests(tags) {
  if (!tags.length) return;
  await processStorage().tags.revalidate(tags, { expire: 0 });
  notifyTagsRevalidated(tags);
}
