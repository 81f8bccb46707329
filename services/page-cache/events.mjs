// @ts-check
/**
 * Listeners told when the page cache has expired tags (here, from an action, or from another server
 * through Redis). The cache handler and the HTTP server's micro-cache (server/micro-cache.mjs) run
 * outside the app's bundles while actions run inside them, so the list lives on globalThis:
 * whichever copy of this module registers or notifies, it is the same list.
 */

const key = Symbol.for('gazette.page-cache.tag-listeners');

/** @returns {Set<(tags: string[]) => void>} */
function listeners() {
  const holder = /** @type {{ [key]?: Set<(tags: string[]) => void> }} */ (globalThis);
  return (holder[key] ??= new Set());
}

/**
 * Calls `listener` after every tag revalidation the cache handler records; returns an unsubscribe.
 * @param {(tags: string[]) => void} listener
 */
export function onTagsRevalidated(listener) {
  listeners().add(listener);
  return () => {
    listeners().delete(listener);
  };
}

/** @param {string[]} tags */
export function notifyTagsRevalidated(tags) {
  for (const listener of listeners()) {
    try {
      listener(tags);
    } catch (error) {
      console.error('page-cache: a tag listener failed', error);
    }
  }
}
