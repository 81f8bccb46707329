// @ts-check

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)));
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout]).finally(() => clearTimeout(timer)));
}

/**
 * One line per kind of problem per minute: an outage of Redis or the database must not flood the log.
 * @param {string} level which part of the page cache speaks
 */
export function throttledLog(level) {
  /** @type {Map<string, number>} */
  const last = new Map();
  /**
   * @param {string} what
   * @param {unknown} error
   */
  return (what, error) => {
    const now = Date.now();
    if ((last.get(what) ?? 0) > now - 60_000) return;
    last.set(what, now);
    console.error(`[gazette] ${level}: ${what}:`, error instanceof Error ? error.message : error);
  };
}
