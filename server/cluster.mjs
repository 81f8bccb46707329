// @ts-check
import cluster from 'node:cluster';
import { assertConfig } from '../domain/config.mjs';
import { startGazetteServer } from './http-server.mjs';

/**
 * One server per core on one machine (WEB_CONCURRENCY, default 1): Node runs JavaScript on one
 * thread, so a single process renders on one core however many the machine has. With N > 1 this
 * process becomes the primary: it forks N workers that each run the whole server
 * (./http-server.mjs) on the same port (the primary accepts connections and hands them out in
 * turn), replaces a worker that crashes, and stops them all gracefully on SIGTERM/SIGINT.
 *
 * Each worker is one of the "several servers" of docs/scaling.md and shares what they share the
 * same way: PostgreSQL (DATABASE_URL; PGlite can be opened by one process only) and Redis
 * (REDIS_URL: the page cache and its expiry, pending view counts and their deduplication), with
 * its own memory cache (CACHE_MEMORY_MB each) and database pool. domain/config.mjs requires both.
 */

/** Workers get this long to finish requests and flush before the primary stops waiting. */
const STOP_BUDGET_MS = 9_800;
/** A worker that crashes this soon after listening again is not restarted at once. */
const RESTART_BACKOFF_MS = [0, 1_000, 5_000, 15_000];

/**
 * Starts Gazette: the server itself, or a primary and its workers when WEB_CONCURRENCY > 1.
 * @param {import('./http-server.mjs').ServerOptions} options
 */
export async function startGazette(options) {
  const { WEB_CONCURRENCY: workers } = assertConfig();
  if (workers <= 1 || cluster.isWorker) {
    await startGazetteServer(options);
    return;
  }
  await runPrimary(workers);
}

/** @param {number} count */
function runPrimary(count) {
  let stopping = false;
  let crashes = 0;
  /** @type {Set<import('node:cluster').Worker>} */
  const everListened = new Set();

  const fork = () => {
    const worker = cluster.fork();
    worker.on('listening', () => everListened.add(worker));
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!everListened.has(worker)) {
      // It never served: the start itself failed (its log says why). Others would fail the same way.
      console.error(`[gazette] a worker could not start (exit ${code ?? signal}); stopping`);
      void stopAll(1);
      return;
    }
    everListened.delete(worker);
    const delay = RESTART_BACKOFF_MS[Math.min(crashes, RESTART_BACKOFF_MS.length - 1)] ?? 0;
    crashes += 1;
    setTimeout(() => (crashes = Math.max(0, crashes - 1)), 60_000).unref();
    console.error(`[gazette] worker ${worker.process.pid} stopped (exit ${code ?? signal}); starting another${delay ? ` in ${delay / 1000} s` : ''}`);
    setTimeout(() => !stopping && fork(), delay);
  });

  /** @param {number} exitCode */
  const stopAll = async (exitCode) => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    const exits = running.map((w) => new Promise((resolve) => (w.isDead() ? resolve(w.process.exitCode ?? 0) : w.once('exit', (code) => resolve(code)))));
    for (const w of running) if (w.isConnected()) w.send({ type: 'gazette:stop' });
    const codes = await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(() => resolve(null), STOP_BUDGET_MS))]);
    if (codes === null) {
      console.error('[gazette] workers still running after the stop budget were killed');
      for (const w of running) w.process.kill('SIGKILL');
    }
    const failed = Array.isArray(codes) && codes.some((code) => code !== 0);
    process.exit(exitCode || failed || codes === null ? 1 : 0);
  };

  let signals = 0;
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    console.log(`[gazette] ${signal}: stopping ${count} workers`);
    void stopAll(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  for (let i = 0; i < count; i += 1) fork();
  console.log(`[gazette] primary ${process.pid}: ${count} workers (WEB_CONCURRENCY)`);
}
