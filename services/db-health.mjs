// @ts-check
/**
 * Whether the database was last seen down. Set by failed reads, cleared by the health check or the
 * next successful probe; the HTTP server (server/outage-guard.mjs) answers 503 while it is set, so
 * readers get a clear error page instead of a stack of 500s, and it re-probes so the app recovers by
 * itself. Plain JavaScript because the server entry runs outside Next's bundles; the state lives on
 * globalThis because the app's bundles and the server entry each load their own copy of this module.
 */
const key = Symbol.for('gazette.db-health');

/** @typedef {{ downSince: number | null, lastProbe: number }} Health */

/** @returns {Health} */
function state() {
  const g = /** @type {{ [key]?: Health }} */ (globalThis);
  g[key] ??= { downSince: null, lastProbe: 0 };
  return g[key];
}

const CONNECTION_ERROR = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|CONNECT_TIMEOUT|CONNECTION_(CLOSED|ENDED|DESTROYED)|terminating connection|the database system is (starting up|shutting down)|Connection terminated/i;

/** @param {unknown} error */
export function isConnectionError(error) {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const { code, message, cause, name } = /** @type {{ code?: unknown, message?: unknown, cause?: unknown, name?: unknown }} */ (e);
    // Drizzle's wrapper quotes the query and its parameters: user data, not a diagnosis.
    const wrapsQuery = name === 'DrizzleQueryError' || String(message ?? '').startsWith('Failed query');
    if (CONNECTION_ERROR.test(`${String(code ?? '')} ${wrapsQuery ? '' : String(message ?? '')}`)) return true;
    e = cause;
  }
  return false;
}

/** @param {unknown} error */
export function noteDatabaseFailure(error) {
  if (isConnectionError(error)) state().downSince ??= Date.now();
}

export function noteDatabaseUp() {
  state().downSince = null;
}

/** @returns {number | null} */
export function databaseDownSince() {
  return state().downSince;
}

/** At most one probe per interval while the database is believed down. */
export function shouldProbe(intervalMs = 1000) {
  const s = state();
  if (Date.now() - s.lastProbe < intervalMs) return false;
  s.lastProbe = Date.now();
  return true;
}
