import 'server-only';
import type { Redis } from 'ioredis';
import { getDb } from '@/db/client';
import { countInWindow, secondsLeft } from '@/db/queries/throttle';
import { config } from '../domain/config.mjs';
import { onShutdown, SHUTDOWN_CLOSE } from './server-bridge.mjs';

/**
 * Per-address request limits, each counted over a minute and named by its scope:
 * - `search`: SEARCH_RATE_LIMIT reader searches (issue 10, item 10). Every search with a query
 *   counts, a result-cache hit too (the limit protects the server, not only the database),
 *   checked in proxy.ts before the page renders;
 * - `api`: API_RATE_LIMIT requests to the public Content API (/api/v1), checked by its handlers;
 * - `token`: API_TOKEN_RATE_LIMIT requests of one personal API token (/api/v1/admin), the subject
 *   being the token's id rather than an address (a CI job may move between addresses).
 * 0 turns a limit off.
 *
 * The counts are shared by every server: in Redis when REDIS_URL is set (one MULTI: create the
 * key with its minute to live if absent, increment, read its time left), otherwise in PostgreSQL
 * (one INSERT … ON CONFLICT … RETURNING into login_throttle, scope 'search', as the sign-in
 * throttle does). Either way each request sees the count including itself, so no more than the
 * limit get through however many servers ask at once.
 *
 * The one thing kept in memory is a shortcut: an address this process has refused is refused again
 * without a round trip until its window ends (it cannot end sooner). If the store fails, searches
 * are let through (and the failure logged): the limit must not take search down with Redis.
 */
export const RATE_WINDOW_SECONDS = 60;

export type RateScope = 'search' | 'api' | 'token';

const LIMITS: Record<RateScope, () => number> = {
  search: () => config().SEARCH_RATE_LIMIT,
  api: () => config().API_RATE_LIMIT,
  token: () => config().API_TOKEN_RATE_LIMIT,
};
const MAX_REMEMBERED = 10_000;

export interface RateVerdict {
  allowed: boolean;
  /** The address's count in this window, including this search (0 when not counted). */
  count: number;
  /** Seconds until the window ends, when refused. */
  retryAfterSeconds: number;
}

interface LimiterState {
  /** Scope and address → time (ms) its refusing window ends. */
  refusedUntil: Map<string, number>;
  redis: Redis | null;
  lastError: number;
}

const key = Symbol.for('gazette.rate-limit');

function state(): LimiterState {
  const holder = globalThis as { [key]?: LimiterState };
  holder[key] ??= { refusedUntil: new Map(), redis: null, lastError: 0 };
  return holder[key];
}

const ALLOWED: RateVerdict = { allowed: true, count: 0, retryAfterSeconds: 0 };

/** Counts one reader search from `ip` and says whether it may run. */
export const countSearch = (ip: string) => countRequest('search', ip);

/** Counts one request of `scope` from `ip` and says whether it may run. */
export async function countRequest(scope: RateScope, ip: string): Promise<RateVerdict> {
  const limit = LIMITS[scope]();
  // No address known (no server entry and no trusted proxy): one bucket for everyone would stop
  // every reader's search at once, so nothing is limited (docs/configuration.md says to set TRUST_PROXY).
  if (limit === 0 || ip === 'unknown') return ALLOWED;
  const s = state();
  const remembered = `${scope}:${ip}`;
  const until = s.refusedUntil.get(remembered);
  if (until !== undefined) {
    if (until > Date.now()) return { allowed: false, count: limit + 1, retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)) };
    s.refusedUntil.delete(remembered);
  }
  let counted: { count: number; msLeft: number };
  try {
    counted = config().REDIS_URL ? await countInRedis(scope, ip) : await countInDatabase(scope, ip);
  } catch (error) {
    if (Date.now() - s.lastError > 60_000) {
      s.lastError = Date.now();
      console.error(`[gazette] ${scope} limit: the count could not be kept, requests go through:`, error instanceof Error ? error.message : error);
    }
    return ALLOWED;
  }
  if (counted.count <= limit) return { allowed: true, count: counted.count, retryAfterSeconds: 0 };
  if (s.refusedUntil.size >= MAX_REMEMBERED) s.refusedUntil.clear();
  s.refusedUntil.set(remembered, Date.now() + counted.msLeft);
  return { allowed: false, count: counted.count, retryAfterSeconds: Math.max(1, Math.ceil(counted.msLeft / 1000)) };
}

async function countInDatabase(scope: RateScope, ip: string): Promise<{ count: number; msLeft: number }> {
  const row = (await countInWindow(await getDb(), [{ scope, subject: ip }], RATE_WINDOW_SECONDS)).get(scope)!;
  return { count: row.attempts, msLeft: secondsLeft(row.windowStartedAt, RATE_WINDOW_SECONDS) * 1000 };
}

/** The Redis key of an address's count in a scope (under CACHE_REDIS_PREFIX). */
export function rateLimitKey(scope: RateScope, ip: string): string {
  return `${config().CACHE_REDIS_PREFIX}${scope}-limit:${ip}`;
}

async function countInRedis(scope: RateScope, ip: string): Promise<{ count: number; msLeft: number }> {
  const redis = await redisClient();
  const k = rateLimitKey(scope, ip);
  const results = await redis.multi().set(k, '0', 'EX', RATE_WINDOW_SECONDS, 'NX').incr(k).pttl(k).exec();
  const failed = results?.find(([error]) => error);
  if (!results || failed) throw failed?.[0] ?? new Error('the transaction was discarded');
  const msLeft = Number(results[2]![1]);
  return { count: Number(results[1]![1]), msLeft: msLeft > 0 ? msLeft : RATE_WINDOW_SECONDS * 1000 };
}

async function redisClient(): Promise<Redis> {
  const s = state();
  if (s.redis) return s.redis;
  const { Redis } = await import('ioredis');
  if (s.redis) return s.redis;
  // Short timeouts: a slow Redis lets requests through rather than holding them.
  const redis = new Redis(config().REDIS_URL!, { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 1_000, enableAutoPipelining: true });
  redis.on('error', () => {}); // commands fail and are logged above
  s.redis = redis;
  onShutdown('rate limits (Redis)', SHUTDOWN_CLOSE, () => redis.quit().catch(() => redis.disconnect()));
  return redis;
}

/** Tests: forget what this process remembers and close its Redis connection. */
export async function resetRateLimits(): Promise<void> {
  const s = state();
  s.refusedUntil.clear();
  const redis = s.redis;
  s.redis = null;
  await redis?.quit().catch(() => redis.disconnect());
}
