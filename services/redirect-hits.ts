import 'server-only';
import { getDb } from '@/db/client';
import { addRedirectHits } from '@/db/queries/admin/redirects';
import { isOwnRoute, normalizeRedirectFrom } from '../domain/validation/redirect';
import { onShutdown, provideRedirectHitCounter, SHUTDOWN_FLUSH } from './server-bridge.mjs';

const FLUSH_EVERY_MS = 30_000;
/** Distinct paths held between writes; a crawl of made-up old URLs cannot grow it further. */
const MAX_PATHS = 5_000;

let pending = new Map<string, number>();

function count(rawPath: string): void {
  const path = normalizeRedirectFrom(rawPath);
  // Article slugs that changed redirect too (under /articles), but never from the redirects table.
  if (path === null || isOwnRoute(path)) return;
  if (!pending.has(path) && pending.size >= MAX_PATHS) return;
  pending.set(path, (pending.get(path) ?? 0) + 1);
}

/**
 * Writes the hits counted since the last write, one statement for all paths. Hit counts are a
 * guide for editors ("is this old URL still used?"), so a batch lost to a crash is acceptable; a
 * failed write puts its counts back for the next try.
 */
export async function flushRedirectHits(): Promise<void> {
  if (!pending.size) return;
  const batch = pending;
  pending = new Map();
  try {
    await addRedirectHits(await getDb(), batch, new Date());
  } catch (error) {
    for (const [path, n] of batch) if (pending.size < MAX_PATHS || pending.has(path)) pending.set(path, (pending.get(path) ?? 0) + n);
    console.error('[gazette] redirect hits: the write failed; kept for the next try:', error instanceof Error ? error.message : error);
  }
}

/**
 * Under Gazette's own server (npm start, Docker), which sees every response, including redirects
 * the page cache answers without running app code. On hosts without it (Vercel) hits stay 0.
 */
export function startRedirectHitCounting(): void {
  provideRedirectHitCounter(count);
  setInterval(() => void flushRedirectHits(), FLUSH_EVERY_MS).unref();
  onShutdown('redirect hits', SHUTDOWN_FLUSH, flushRedirectHits);
}
