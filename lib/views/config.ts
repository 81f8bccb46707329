/**
 * Settings of view counting, read from the environment once per process.
 *
 *   VIEWS_ENABLED=0        no beacon in pages; the route answers without counting
 *   VIEWS_FLUSH_MS=5000    how often buffered counts are written to the database
 *   REDIS_URL=redis://…    buffer, deduplication and salt in Redis (several servers)
 *   VIEWS_REDIS_PREFIX     key prefix in Redis (default {gazette-views}:)
 *   TRUST_PROXY=1|N        the client address is the N-th X-Forwarded-For entry from the right
 *   VIEWS_DEDUPE_MINUTES=30  repeats from one visitor within this window are not counted
 *   VIEWS_RATE_LIMIT=300   beacons per minute per address (0: no limit)
 *   BENCH_TOKEN=…          enables the counters at GET /api/views?stats (header x-bench-token)
 */
export interface ViewsConfig {
  enabled: boolean;
  flushMs: number;
  redisUrl: string | null;
  /** Key prefix in Redis; keep the {hash tag} so all keys land in one Cluster slot. */
  redisPrefix: string;
  /** Trusted proxy hops in front of the app; 0 means X-Forwarded-For is ignored. */
  trustProxy: number;
  dedupeMs: number;
  /** Per address per minute; 0 disables the limit. */
  rateLimit: number;
  benchToken: string | null;
  /** Upper bound of the shutdown flush, so a dead database cannot hold a restart forever. */
  shutdownTimeoutMs: number;
}

const key = Symbol.for('gazette.views.config');
type Holder = { [key]?: ViewsConfig };

function int(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  return !['0', 'false', 'no', 'off'].includes(raw);
}

function parse(): ViewsConfig {
  const trust = process.env.TRUST_PROXY?.trim().toLowerCase();
  const trustProxy = !trust || ['0', 'false', 'no', 'off'].includes(trust) ? 0 : trust === 'true' ? 1 : Math.max(0, Math.min(10, Math.floor(Number(trust)) || 0));
  return {
    enabled: flag('VIEWS_ENABLED', true),
    flushMs: int('VIEWS_FLUSH_MS', 5000, 100, 3_600_000),
    redisUrl: process.env.REDIS_URL?.trim() || null,
    redisPrefix: process.env.VIEWS_REDIS_PREFIX?.trim() || '{gazette-views}:',
    trustProxy,
    dedupeMs: int('VIEWS_DEDUPE_MINUTES', 30, 0, 24 * 60) * 60_000,
    rateLimit: int('VIEWS_RATE_LIMIT', 300, 0, 1_000_000),
    benchToken: process.env.BENCH_TOKEN?.trim() || null,
    shutdownTimeoutMs: int('VIEWS_SHUTDOWN_TIMEOUT_MS', 8000, 100, 120_000),
  };
}

export function viewsConfig(): ViewsConfig {
  const holder = globalThis as Holder;
  holder[key] ??= parse();
  return holder[key];
}

export function viewsEnabled(): boolean {
  return viewsConfig().enabled;
}

/** Tests change the environment and read it again. */
export function resetViewsConfig(): void {
  delete (globalThis as Holder)[key];
}
