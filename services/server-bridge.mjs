// @ts-check
/**
 * What the app and Gazette's HTTP server (server/main.mjs) hand each other inside one process.
 * The server entry is plain Node and runs outside Next's bundles, while instrumentation, pages and
 * actions run inside them, each bundle with its own copy of every module; what they share lives on
 * globalThis under these symbols, whichever copy of this module reads or writes it.
 */

const serverKey = Symbol.for('gazette.server-entry');
const probeKey = Symbol.for('gazette.database-probe');
const shutdownKey = Symbol.for('gazette.shutdown-hooks');
const redirectHitKey = Symbol.for('gazette.redirect-hit');

/** @typedef {{ [serverKey]?: boolean, [probeKey]?: () => Promise<void>, [shutdownKey]?: ShutdownHook[], [redirectHitKey]?: (path: string) => void }} Holder */
/** @typedef {{ name: string, order: number, run: () => Promise<unknown> }} ShutdownHook */

const holder = /** @type {Holder} */ (globalThis);

/**
 * The private header that carries the socket's address to route handlers, which do not see the
 * socket. The server entry overwrites whatever a client sent in it (services/views/peer.ts reads it).
 */
export const PEER_HEADER = 'x-gazette-peer';

/** Called once by server/main.mjs: requests in this process pass through Gazette's hooks. */
export function markServerEntry() {
  holder[serverKey] = true;
}

/** Whether this process was started by server/main.mjs (`npm start`, standalone, Docker). */
export function runningUnderServerEntry() {
  return holder[serverKey] === true;
}

/**
 * The app's "is the database answering" check (a `select 1`), registered from instrumentation, for
 * the server's outage guard, which cannot import the app's database module.
 * @param {() => Promise<void>} probe
 */
export function provideDatabaseProbe(probe) {
  holder[probeKey] = probe;
}

/** @returns {(() => Promise<void>) | undefined} */
export function databaseProbe() {
  return holder[probeKey];
}

/**
 * The app's redirect hit counter (services/redirect-hits.ts): a redirect served from the page cache
 * never runs app code, so the server counts what it answered with a redirect.
 * @param {(path: string) => void} count
 */
export function provideRedirectHitCounter(count) {
  holder[redirectHitKey] = count;
}

/** @returns {((path: string) => void) | undefined} */
export function redirectHitCounter() {
  return holder[redirectHitKey];
}

/** Flushes of buffered data run before connections close. */
export const SHUTDOWN_FLUSH = 1;
export const SHUTDOWN_CLOSE = 2;

/**
 * Work to do when the server stops, after requests in flight have finished: lower `order` first.
 * @param {string} name
 * @param {number} order
 * @param {() => Promise<unknown>} run
 */
export function onShutdown(name, order, run) {
  const hooks = (holder[shutdownKey] ??= []);
  const index = hooks.findIndex((hook) => hook.name === name);
  if (index !== -1) hooks.splice(index, 1);
  hooks.push({ name, order, run });
}

const TIMED_OUT = Symbol('timed out');

/**
 * Runs every hook in order, each group of the same order together, until `deadline` (epoch ms);
 * a hook that fails or is still running then is reported, not waited for.
 * @param {number} deadline
 * @returns {Promise<string[]>} names of hooks that failed or ran out of time
 */
export async function runShutdownHooks(deadline) {
  const hooks = [...(holder[shutdownKey] ?? [])].sort((a, b) => a.order - b.order);
  /** @type {string[]} */
  const problems = [];
  for (const order of [...new Set(hooks.map((hook) => hook.order))]) {
    const group = hooks.filter((hook) => hook.order === order);
    await Promise.all(
      group.map(async (hook) => {
        /** @type {NodeJS.Timeout | undefined} */
        let timer;
        const timeout = new Promise((resolve) => {
          timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadline - Date.now()));
        });
        try {
          const result = await Promise.race([hook.run(), timeout]);
          if (result === TIMED_OUT) problems.push(`${hook.name}: did not finish in time`);
        } catch (error) {
          problems.push(`${hook.name}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          clearTimeout(timer);
        }
      }),
    );
  }
  return problems;
}
