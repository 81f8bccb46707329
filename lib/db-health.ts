/**
 * Whether the database was last seen down. Set by failed reads, cleared by the health check or the
 * next successful probe; the proxy answers 503 while it is set so readers get a clear error page
 * instead of a stack of 500s, and it re-probes so the app recovers by itself.
 */
const key = Symbol.for('gazette.db-health');

interface Health {
  downSince: number | null;
  lastProbe: number;
}

function state(): Health {
  const g = globalThis as { [key]?: Health };
  g[key] ??= { downSince: null, lastProbe: 0 };
  return g[key];
}

const CONNECTION_ERROR = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|CONNECT_TIMEOUT|CONNECTION_(CLOSED|ENDED|DESTROYED)|terminating connection|the database system is (starting up|shutting down)|Connection terminated/i;

export function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, message, cause, name } = e as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown };
    // Drizzle's wrapper quotes the query and its parameters: user data, not a diagnosis.
    const wrapsQuery = name === 'DrizzleQueryError' || String(message ?? '').startsWith('Failed query');
    if (CONNECTION_ERROR.test(`${String(code ?? '')} ${wrapsQuery ? '' : String(message ?? '')}`)) return true;
    e = cause;
  }
  return false;
}

export function noteDatabaseFailure(error: unknown): void {
  if (isConnectionError(error)) state().downSince ??= Date.now();
}

export function noteDatabaseUp(): void {
  state().downSince = null;
}

export function databaseDownSince(): number | null {
  return state().downSince;
}

/** At most one probe per interval while the database is believed down. */
export function shouldProbe(intervalMs = 1000): boolean {
  const s = state();
  if (Date.now() - s.lastProbe < intervalMs) return false;
  s.lastProbe = Date.now();
  return true;
}
