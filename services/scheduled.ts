import 'server-only';
import type { Database } from '@/db/client';
import { promoteDueScheduled, unpinExpired } from '@/db/queries/admin/scheduled';
import { noteExpiredBreakingNews } from '@/db/queries/admin/breaking-news';
import { invalidateTags } from './cache-invalidation';

const PROMOTE_EVERY_MS = 30_000;

/**
 * Work that falls due with the clock. Records scheduled stories whose time has come as published
 * (status and audit entry): readers and the admin already treat them as published by the shared
 * rule, so a failure here only delays the bookkeeping; and expires the pages that showed a
 * breaking-news banner past its time. Logged on failure, never thrown at a page.
 */
export async function runTimedWork(db: Database): Promise<void> {
  try {
    const { live, invalidate } = await promoteDueScheduled(db);
    // What was cached before their time (the story's 404, lists) goes now, on every server.
    invalidateTags(invalidate);
    if (live.length) console.log(`[gazette] scheduled stories went live: ${live.map((a) => `#${a.id}`).join(', ')}`);
    // A breaking-news banner past its time leaves the pages cached while it showed.
    invalidateTags((await noteExpiredBreakingNews(db)).invalidate);
    // A pin (置顶) past its end: the story goes back to its place in the lists.
    invalidateTags((await unpinExpired(db)).invalidate);
  } catch (error) {
    console.error('[gazette] promoting scheduled stories failed:', error instanceof Error ? error.message : error);
  }
}

/** At start-up and every 30 s on a long-running server; admin pages also run it on serverless hosts. */
export function schedulePromotions(db: Database): void {
  void runTimedWork(db);
  setInterval(() => void runTimedWork(db), PROMOTE_EVERY_MS).unref();
}
