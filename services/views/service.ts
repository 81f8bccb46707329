import 'server-only';
import { getDb } from '@/db/client';
import { getViewCounts, loadCountableArticles, type CountableArticles } from '@/db/queries/views';
import { noteDatabaseFailure } from '../db-health.mjs';
import { MemoryViewStore, type ViewStore } from './buffer';
import { isBot } from '../../domain/views/bots';
import { viewsConfig } from '../../domain/views/config';
import { dayInZone, shiftDay } from '../../domain/views/day';
import { addressKey, RateLimiter, visitorKey } from './dedupe';

/**
 * The beacon's path: switch → bot → rate limit → countable article → dedupe → buffer. Cheap and
 * database-free per beacon: the countable articles and the site's time zone are a snapshot refreshed
 * in the background, increments go to the store, the flush writes them (see flush.ts).
 *
 * The state is process-wide on globalThis: route handlers and instrumentation are separate module
 * graphs under Next.js, and the flush must see the buffer the route fills.
 */

export type ViewOutcome = 'counted' | 'duplicate' | 'bot' | 'limited' | 'invalid' | 'unknown' | 'disabled' | 'error';

export interface ViewStats {
  startedAt: number;
  beacons: Record<ViewOutcome, number>;
  flushes: number;
  flushedRows: number;
  flushedViews: number;
  /** Database write statements issued by flushes (4 per non-empty flush). */
  writeStatements: number;
  flushFailures: number;
  lastFlushMs: number;
  snapshotLoads: number;
  countReads: number;
}

interface ViewsState {
  store: Promise<ViewStore>;
  rate: RateLimiter;
  snapshot: { data: CountableArticles; loadedAt: number; fullAt: number } | null;
  snapshotLoading: Promise<void> | null;
  lastMissRefresh: number;
  /** Stored totals per article, reused for COUNT_TTL_MS; dropped for the articles a flush wrote. */
  counts: Map<number, { value: number; at: number }>;
  stats: ViewStats;
  warnedProxy: boolean;
}

const stateKey = Symbol.for('gazette.views.state');
type Holder = { [stateKey]?: ViewsState };

/** The snapshot of countable articles is refreshed in the background past this age. */
const SNAPSHOT_TTL_MS = 30_000;
/** Refreshes read only the articles changed since the last one; a full reload this often. */
const FULL_SNAPSHOT_MS = 10 * 60_000;
/** An unknown id (perhaps just published) triggers a refresh at most this often. */
const MISS_REFRESH_MS = 5_000;
const COUNT_TTL_MS = 2_000;

function emptyStats(): ViewStats {
  return {
    startedAt: Date.now(),
    beacons: { counted: 0, duplicate: 0, bot: 0, limited: 0, invalid: 0, unknown: 0, disabled: 0, error: 0 },
    flushes: 0,
    flushedRows: 0,
    flushedViews: 0,
    writeStatements: 0,
    flushFailures: 0,
    lastFlushMs: 0,
    snapshotLoads: 0,
    countReads: 0,
  };
}

async function createStore(): Promise<ViewStore> {
  const config = viewsConfig();
  if (config.redisUrl) {
    const { RedisViewStore } = await import('./redis');
    return RedisViewStore.connect(config.redisUrl, config.dedupeMs, config.redisPrefix);
  }
  return new MemoryViewStore(config.dedupeMs);
}

export function viewsState(): ViewsState {
  const holder = globalThis as Holder;
  if (!holder[stateKey]) {
    const store = createStore();
    store.catch((error: unknown) => console.error('[gazette] views: the buffer could not start:', error instanceof Error ? error.message : error));
    holder[stateKey] = {
      store,
      rate: new RateLimiter(viewsConfig().rateLimit),
      snapshot: null,
      snapshotLoading: null,
      lastMissRefresh: 0,
      counts: new Map(),
      stats: emptyStats(),
      warnedProxy: false,
    };
  }
  return holder[stateKey];
}

/** Tests start over with a new store (closing the old one). */
export async function resetViewsState(): Promise<void> {
  const holder = globalThis as Holder;
  const state = holder[stateKey];
  delete holder[stateKey];
  if (state) await (await state.store.catch(() => null))?.close();
}

export function viewStats(): ViewStats {
  return viewsState().stats;
}

function refreshSnapshot(state: ViewsState): Promise<void> {
  state.snapshotLoading ??= (async () => {
    try {
      const now = Date.now();
      const previous = state.snapshot;
      const full = !previous || now - previous.fullAt > FULL_SNAPSHOT_MS;
      const data = await loadCountableArticles(await getDb(), full ? undefined : previous.data);
      state.snapshot = { data, loadedAt: now, fullAt: full ? now : previous.fullAt };
      state.stats.snapshotLoads++;
    } catch (error) {
      noteDatabaseFailure(error);
      throw error;
    } finally {
      state.snapshotLoading = null;
    }
  })();
  return state.snapshotLoading;
}

/** The snapshot, loaded on first use and refreshed in the background (stale-while-revalidate). */
async function countable(state: ViewsState): Promise<CountableArticles> {
  if (!state.snapshot) await refreshSnapshot(state);
  else if (Date.now() - state.snapshot.loadedAt > SNAPSHOT_TTL_MS) refreshSnapshot(state).catch(() => {});
  return state.snapshot!.data;
}

/** Publishing (or unpublishing) may call this so the beacon knows at once; otherwise it learns within 30 s. */
export function invalidateCountableArticles(): void {
  const state = (globalThis as Holder)[stateKey];
  if (state?.snapshot) state.snapshot.loadedAt = 0;
}

async function isCountable(state: ViewsState, articleId: number, now: number): Promise<{ ok: boolean; timeZone: string }> {
  let data = await countable(state);
  let publishedAt = data.publishedAt.get(articleId);
  if (publishedAt === undefined && now - state.lastMissRefresh > MISS_REFRESH_MS && now - (state.snapshot?.loadedAt ?? 0) > MISS_REFRESH_MS) {
    state.lastMissRefresh = now;
    await refreshSnapshot(state).catch(() => {});
    data = state.snapshot?.data ?? data;
    publishedAt = data.publishedAt.get(articleId);
  }
  return { ok: publishedAt !== undefined && publishedAt <= now, timeZone: data.timeZone };
}

/** The article id of a beacon: a positive integer, as a number or a decimal string. */
export function parseArticleId(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
}

export interface BeaconInput {
  articleId: unknown;
  /** The client address as decided by `clientAddress` (never stored). */
  ip: string | null;
  userAgent: string | null;
}

export async function recordView(input: BeaconInput): Promise<ViewOutcome> {
  const state = viewsState();
  const outcome = await decide(state, input).catch((error: unknown) => {
    noteDatabaseFailure(error);
    logThrottled('a view could not be recorded', error);
    return 'error' as const;
  });
  state.stats.beacons[outcome]++;
  return outcome;
}

async function decide(state: ViewsState, input: BeaconInput): Promise<ViewOutcome> {
  const config = viewsConfig();
  if (!config.enabled) return 'disabled';
  const articleId = parseArticleId(input.articleId);
  if (articleId === null) return 'invalid';
  const userAgent = (input.userAgent ?? '').slice(0, 512);
  if (isBot(userAgent)) return 'bot';
  const store = await state.store;
  const now = Date.now();
  const { ok, timeZone } = await isCountable(state, articleId, now);
  const day = dayInZone(now, timeZone);
  const salt = await store.salt(day);
  // Rate limit after the cheap checks, before dedupe memory grows.
  if (input.ip && !state.rate.allow(addressKey(salt, input.ip), now)) return 'limited';
  if (!ok) return 'unknown';
  const visitor = input.ip || userAgent ? visitorKey(salt, input.ip ?? '', userAgent, articleId, day) : null;
  return (await store.add(articleId, day, visitor)) ? 'counted' : 'duplicate';
}

/**
 * Counts to show readers: the stored total (cached for two seconds) plus what is buffered and not yet
 * flushed. Only visible articles answer.
 */
export async function freshCounts(ids: number[]): Promise<Map<number, number>> {
  const state = viewsState();
  const unique = [...new Set(ids)].slice(0, 50);
  const result = new Map<number, number>();
  if (!unique.length) return result;
  const now = Date.now();
  const missing = unique.filter((id) => {
    const hit = state.counts.get(id);
    return !hit || now - hit.at > COUNT_TTL_MS;
  });
  if (missing.length) {
    state.stats.countReads++;
    const stored = await getViewCounts(await getDb(), missing);
    if (state.counts.size > 10_000) state.counts.clear();
    for (const id of missing) {
      const value = stored.get(id);
      if (value === undefined) state.counts.delete(id);
      else state.counts.set(id, { value, at: now });
    }
  }
  const known = unique.filter((id) => state.counts.has(id));
  if (!known.length) return result;
  const timeZone = state.snapshot?.data.timeZone ?? 'Asia/Shanghai';
  const today = dayInZone(now, timeZone);
  const store = await state.store;
  const pending = await store.pending(known, [shiftDay(today, -1), today]);
  for (const id of known) result.set(id, state.counts.get(id)!.value + (pending.get(id) ?? 0));
  return result;
}

/** After a flush the stored totals of the written articles changed. */
export function forgetCounts(articleIds: Iterable<number>): void {
  const state = (globalThis as Holder)[stateKey];
  if (!state) return;
  for (const id of articleIds) state.counts.delete(id);
}

export function noteProxyWithoutTrust(): void {
  const state = viewsState();
  if (state.warnedProxy) return;
  state.warnedProxy = true;
  console.warn(
    '[gazette] views: requests carry X-Forwarded-For but TRUST_PROXY is not set, so every reader behind the proxy shares ' +
      "the proxy's address for deduplication and rate limiting. Set TRUST_PROXY=1 when the app runs behind a reverse proxy.",
  );
}

let lastLog = 0;
export function logThrottled(what: string, error: unknown): void {
  if (Date.now() - lastLog < 30_000) return;
  lastLog = Date.now();
  console.error(`[gazette] views: ${what}:`, error instanceof Error ? error.message : error);
}
