import 'server-only';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { applyViewIncrements } from '@/db/queries/views';
import { config } from '../../domain/config.mjs';
import { noteDatabaseFailure } from '../db-health.mjs';
import { onShutdown, runningUnderServerEntry, SHUTDOWN_FLUSH } from '../server-bridge.mjs';
import { viewsConfig } from '../../domain/views/config';
import { forgetCounts, logThrottled, viewsState } from './service';

/**
 * Every VIEWS_FLUSH_MS the buffered increments go to the database in one transaction (two
 * statements), and once more when the process is asked to stop (SIGTERM/SIGINT), before it exits.
 */

export interface FlushResult {
  rows: number;
  views: number;
  statements: number;
}

interface FlushState {
  /** The flush in progress; flushes run one after another. */
  running: Promise<FlushResult> | null;
  timer: NodeJS.Timeout | null;
  shutdown: Promise<void> | null;
  hooksInstalled: boolean;
}

const flushKey = Symbol.for('gazette.views.flush');
type Holder = { [flushKey]?: FlushState };

function flushState(): FlushState {
  const holder = globalThis as Holder;
  holder[flushKey] ??= { running: null, timer: null, shutdown: null, hooksInstalled: false };
  return holder[flushKey];
}

async function flushOnce(): Promise<FlushResult> {
  const state = viewsState();
  const store = await state.store;
  const batch = await store.drain();
  if (!batch) return { rows: 0, views: 0, statements: 0 };
  const started = Date.now();
  try {
    const { statements } = await applyViewIncrements(await getDb(), batch.entries);
    await batch.commit();
    const views = batch.entries.reduce((sum, e) => sum + e.views, 0);
    const stats = state.stats;
    stats.flushes++;
    stats.flushedRows += batch.entries.length;
    stats.flushedViews += views;
    stats.writeStatements += statements;
    stats.lastFlushMs = Date.now() - started;
    forgetCounts(new Set(batch.entries.map((e) => e.articleId)));
    return { rows: batch.entries.length, views, statements };
  } catch (error) {
    state.stats.flushFailures++;
    noteDatabaseFailure(error);
    await batch.rollback().catch((e: unknown) => logThrottled('a failed batch could not be put back', e));
    throw error;
  }
}

/** Writes what is buffered now; waits for a flush in progress first. Rejects when the write failed. */
export function flushViews(): Promise<FlushResult> {
  const state = flushState();
  const previous = state.running ?? Promise.resolve(null);
  const next: Promise<FlushResult> = previous.catch(() => null).then(flushOnce);
  state.running = next;
  next.finally(() => {
    if (state.running === next) state.running = null;
  }).catch(() => {});
  return next;
}

/** Flushes until the buffer is empty (views may arrive while a flush runs), a few rounds at most. */
export async function flushAllViews(): Promise<FlushResult> {
  const total: FlushResult = { rows: 0, views: 0, statements: 0 };
  for (let round = 0; round < 5; round++) {
    const r = await flushViews();
    total.rows += r.rows;
    total.views += r.views;
    total.statements += r.statements;
    const store = await viewsState().store;
    if (r.rows === 0 || (store.kind === 'memory' && (await store.size()) === 0)) break;
  }
  return total;
}

/**
 * Starts the periodic flush and the shutdown flush. Idempotent; called by instrumentation at start-up
 * and by the beacon route (so it also runs where instrumentation does not, e.g. in tests).
 */
export function startViewCounting(): void {
  const state = flushState();
  const config = viewsConfig();
  if (!state.timer && !state.shutdown) {
    state.timer = setInterval(() => {
      if (state.running) return; // a slow database: skip a beat rather than pile up
      flushViews().catch((error: unknown) => logThrottled('flush failed, will retry', error));
    }, config.flushMs);
    state.timer.unref();
  }
  installShutdownHooks(state);
}

let lastServerlessFlush = 0;

/**
 * On Vercel a function instance is frozen as soon as it has answered, so the flush timer and the
 * SIGTERM flush may never run. After a counted beacon there, a flush runs through `after()` (Vercel's
 * waitUntil keeps the instance alive for it): every time with the in-memory buffer, which a frozen
 * instance would lose; at most every VIEWS_FLUSH_MS per instance with Redis, where the counts are
 * safe and /api/cron/flush-views (Vercel Cron) flushes what nobody else did.
 * VIEWS_FLUSH_AFTER_RESPONSE=1 turns it on elsewhere (another serverless host), =0 off on Vercel.
 */
function flushesAfterResponse(): boolean {
  // Read here until the configuration module takes it over.
  const { VIEWS_FLUSH_AFTER_RESPONSE: flag, VERCEL } = config();
  return flag ?? VERCEL === '1';
}

export function flushAfterResponseOnServerless(): void {
  if (!flushesAfterResponse()) return;
  const now = Date.now();
  const recent = now - lastServerlessFlush < viewsConfig().flushMs;
  try {
    after(async () => {
      const store = await viewsState().store;
      if (store.kind === 'redis' && recent) return;
      lastServerlessFlush = Date.now();
      await flushViews().catch((error: unknown) => logThrottled('flush after response failed, will retry', error));
    });
  } catch {
    // not inside a request
  }
}

/** For tests: stop the timer (the shutdown hooks stay, they are harmless). */
export function stopViewCounting(): void {
  const state = flushState();
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
}

const SIGNAL_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Under Gazette's server (server/main.mjs) the server owns the signals: it stops accepting, lets
 * requests in flight finish, then runs its shutdown hooks, this flush first and the database's
 * close after it. Elsewhere:
 *
 * `next start` handles SIGTERM/SIGINT itself: it closes the HTTP server (waiting for requests in
 * flight), runs its own cleanup and then calls process.exit — without awaiting anything of ours. So on
 * a signal we start a flush at once, and hold process.exit until the final flush is done (bounded by
 * VIEWS_SHUTDOWN_TIMEOUT_MS): beacons answered before the server closed are in the database when the
 * process ends. Where nobody else handles the signal (NEXT_MANUAL_SIG_HANDLE, a plain Node process),
 * we exit ourselves after the flush, as the default action would have.
 */
function installShutdownHooks(state: FlushState): void {
  if (state.hooksInstalled) return;
  state.hooksInstalled = true;
  if (runningUnderServerEntry()) {
    onShutdown('view counts', SHUTDOWN_FLUSH, () => {
      if (state.timer) clearInterval(state.timer);
      state.timer = null;
      state.shutdown = flushAllViews().then((result) => {
        if (result.views) console.log(`[gazette] views: flushed ${result.views} buffered views before exit`);
      });
      return state.shutdown;
    });
    return;
  }
  const realExit = process.exit.bind(process);

  /** One flush-until-empty, bounded by the shutdown deadline shared by all of them. */
  const finalFlush = async (deadline: number): Promise<void> => {
    const timeoutMs = Math.max(0, deadline - Date.now());
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const result = await Promise.race([flushAllViews(), timeout]);
      if (result === 'timeout') console.error(`[gazette] views: the shutdown flush did not finish in time (VIEWS_SHUTDOWN_TIMEOUT_MS)`);
      else if (result.views) console.log(`[gazette] views: flushed ${result.views} buffered views before exit`);
    } catch (error) {
      console.error('[gazette] views: the shutdown flush failed:', error instanceof Error ? error.message : error);
    } finally {
      clearTimeout(timer);
    }
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (state.shutdown) return;
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
    const othersHandle = process.listenerCount(signal) > 1;
    const deadline = Date.now() + viewsConfig().shutdownTimeoutMs;
    let exitCode: number | undefined;
    let exitRequested = false;
    // Requests still in flight may add views after this first flush; the one before exit takes them.
    const first = finalFlush(deadline);
    state.shutdown = first;
    process.exit = ((code?: number | string | null) => {
      if (exitRequested) return undefined as never;
      exitRequested = true;
      exitCode = typeof code === 'number' ? code : code == null ? undefined : Number(code);
      void first.then(() => finalFlush(deadline)).finally(() => realExit(exitCode));
      return undefined as never;
    }) as typeof process.exit;
    if (!othersHandle) void first.then(() => process.exit(SIGNAL_CODES[signal] ?? 1));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
