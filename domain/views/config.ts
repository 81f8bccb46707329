import { config, resetConfig } from '../config.mjs';

/**
 * Settings of view counting, from the process's configuration (domain/config.mjs holds the rules).
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

function parse(): ViewsConfig {
  const c = config();
  return {
    enabled: c.VIEWS_ENABLED,
    flushMs: c.VIEWS_FLUSH_MS,
    redisUrl: c.REDIS_URL ?? null,
    redisPrefix: c.VIEWS_REDIS_PREFIX,
    trustProxy: c.TRUST_PROXY,
    dedupeMs: c.VIEWS_DEDUPE_MINUTES * 60_000,
    rateLimit: c.VIEWS_RATE_LIMIT,
    benchToken: c.BENCH_TOKEN ?? null,
    shutdownTimeoutMs: c.VIEWS_SHUTDOWN_TIMEOUT_MS,
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
  resetConfig();
  delete (globalThis as Holder)[key];
}
