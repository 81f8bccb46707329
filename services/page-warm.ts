import 'server-only';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Database } from '@/db/client';
import { recordWarmStep, releaseWarm, takeWarmStep } from '@/db/queries/page-warm';
import { articlePath } from '@/domain/urls';
import type { Config } from '../domain/config.mjs';
import { buildIdOf } from './page-cache/build-id.mjs';
import { onShutdown, SHUTDOWN_FLUSH } from './server-bridge.mjs';

/**
 * Renders every story's page once, in the background, after a deploy (ADR 0016). A new build
 * starts with nothing stored (pages are kept per build, ADR 0015), and a page never rendered costs
 * a render, ~15 ms of a core: a crawl of a 100,000-story archive right after a deploy would be held
 * to what the servers can render. So one server walks the stories, newest first, asking itself for
 * each page as a reader would; the render stores it for every server. The walk is paced so that
 * it takes at most half of one core, and pauses while the server is busy with readers.
 */

export type WarmOutcome = 'rendered' | 'kept' | 'failed';

export interface WarmOptions {
  db: Database;
  buildId: string;
  /** Asks for a page; says whether it was rendered now, already kept, or failed. */
  render: (path: string) => Promise<WarmOutcome>;
  holder?: string;
  /** Stories per step: each step renews the lease and records the place reached. */
  batch?: number;
  leaseSeconds?: number;
  /** Waits between pages; tests pass none. */
  pace?: (renderMs: number, outcome: WarmOutcome) => Promise<void>;
  stopped?: () => boolean;
  /** Told after each step. */
  onStep?: (progress: WarmProgress) => void;
}

export interface WarmProgress {
  pages: number;
  rendered: number;
  failed: number;
  /** False when another server holds the walk, or it was finished already. */
  held: boolean;
  finished: boolean;
}

/** Walks the stories of this build until the walk is finished, another server holds it, or `stopped()`. */
export async function warmPages(options: WarmOptions): Promise<WarmProgress> {
  const { db, buildId, render, holder = defaultHolder(), batch = 20, leaseSeconds = 120, pace, stopped = () => false, onStep } = options;
  const progress: WarmProgress = { pages: 0, rendered: 0, failed: 0, held: false, finished: false };
  while (!stopped()) {
    const stories = await takeWarmStep(db, buildId, holder, batch, leaseSeconds);
    if (!stories) return progress;
    progress.held = true;
    if (stories.length === 0) {
      await recordWarmStep(db, buildId, holder, null, 0);
      progress.finished = true;
      return progress;
    }
    let done = 0;
    let failing = 0;
    for (const story of stories) {
      if (stopped()) break;
      const began = performance.now();
      const outcome = await render(articlePath(story));
      progress.pages += 1;
      if (outcome === 'rendered') progress.rendered += 1;
      if (outcome === 'failed') progress.failed += 1;
      failing = outcome === 'failed' ? failing + 1 : 0;
      // A run of failures in a step is the server (starting, its database away), not the
      // stories: stop before them, and they are asked again at the next look.
      if (failing >= FAILURES_TO_STOP) {
        if (done + 1 - failing > 0) await recordWarmStep(db, buildId, holder, stories[done - failing]!, done + 1 - failing);
        return progress;
      }
      done += 1;
      await pace?.(performance.now() - began, outcome);
    }
    if (done > 0) await recordWarmStep(db, buildId, holder, stories[done - 1]!, done);
    onStep?.(progress);
  }
  // Stopping (the server shuts down): another server may go on at once.
  if (progress.held) await releaseWarm(db, buildId, holder);
  return progress;
}

/** Failures in a row that stop a walk until the next look. */
const FAILURES_TO_STOP = 3;

/** Unique per process: containers often share a host name and pid. */
const PROCESS_HOLDER = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

function defaultHolder(): string {
  return PROCESS_HOLDER;
}

const USER_AGENT = 'Gazette-Warm/1 (ahead of readers)';

/** A page asked of this server over HTTP, as a reader would: Next's header says whether it rendered. */
export function renderOver(origin: string): (path: string) => Promise<WarmOutcome> {
  return async (path) => {
    try {
      const res = await fetch(`${origin}${path}`, { headers: { 'user-agent': USER_AGENT }, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
      await res.arrayBuffer();
      if (res.status >= 300) return 'failed';
      return res.headers.get('x-nextjs-cache') === 'HIT' ? 'kept' : 'rendered';
    } catch {
      return 'failed';
    }
  };
}

/** Where this server listens, as seen from itself. */
export function ownOrigin(cfg: Pick<Config, 'PORT' | 'HOSTNAME_BIND'>): string {
  const host = cfg.HOSTNAME_BIND?.replace(/^\[(.*)\]$/, '$1');
  // Every address (unset, 0.0.0.0, ::) includes the loopback; a name (localhost) is resolved as the server resolved it.
  const local = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${cfg.PORT}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * After a render of t ms, waits t (at most half of the time rendering), and a second more while
 * this process spent most of the last stretch working (readers come first).
 */
function paceBesideReaders(): (renderMs: number, outcome: WarmOutcome) => Promise<void> {
  let last = performance.eventLoopUtilization();
  return async (renderMs, outcome) => {
    if (outcome === 'kept') return;
    await sleep(renderMs);
    for (;;) {
      const now = performance.eventLoopUtilization();
      const busy = performance.eventLoopUtilization(now, last).utilization;
      last = now;
      if (busy < 0.6) return;
      await sleep(1000);
    }
  };
}

/** How long a server waits before looking again when another holds the walk, or it is done. */
const LOOK_AGAIN_MS = 5 * 60_000;
const FIRST_LOOK_MS = 10_000;

/** On a long-running server with the page store: takes part in the walk of this build, for as long as it runs. */
export function schedulePageWarm(db: Database, cfg: Config): void {
  // `next dev` finds the BUILD_ID of an earlier build: it would render every story and mark that build's walk done.
  if (process.env.NODE_ENV !== 'production') return;
  let stopping = false;
  const holder = defaultHolder();
  let buildId: string;
  try {
    buildId = buildIdOf();
  } catch {
    return; // no build (a development server): nothing is stored per build
  }
  onShutdown('page warm', SHUTDOWN_FLUSH, async () => {
    stopping = true;
    await releaseWarm(db, buildId, holder).catch(() => {});
  });
  const render = renderOver(ownOrigin(cfg));
  const look = async () => {
    if (stopping) return;
    // The front page first, on every look: the page most readers open, and the costliest to render
    // (ADR 0018). Usually a hit; after a deploy, this renders and stores it for every server.
    await render('/');
    const started = Date.now();
    let reported = started;
    const report = (progress: WarmProgress) => {
      const minutes = ((Date.now() - started) / 60_000).toFixed(1);
      console.log(`[gazette] story pages rendered ahead of readers (build ${buildId}): ${progress.pages} asked in ${minutes} min, ${progress.rendered} rendered, ${progress.failed} failed${progress.finished ? '; every story done' : ''}`);
    };
    try {
      const progress = await warmPages({
        db,
        buildId,
        holder,
        render,
        pace: paceBesideReaders(),
        stopped: () => stopping,
        onStep: (p) => {
          if (Date.now() - reported < LOOK_AGAIN_MS) return;
          reported = Date.now();
          report(p);
        },
      });
      if (progress.held) report(progress);
    } catch (error) {
      console.error('[gazette] rendering pages ahead of readers stopped:', error instanceof Error ? error.message : error);
    }
    if (!stopping) setTimeout(() => void look(), LOOK_AGAIN_MS).unref();
  };
  setTimeout(() => void look(), FIRST_LOOK_MS).unref();
}
