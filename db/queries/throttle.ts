import 'server-only';
import { lt, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { loginThrottle } from '../schema';

/**
 * Counters in fixed windows, shared by every server through PostgreSQL (the `login_throttle`
 * table: one row per scope and subject). Used by the sign-in throttle (admin/login-attempts.ts)
 * and the reader search limit (services/rate-limit.ts).
 *
 * One INSERT … ON CONFLICT DO UPDATE … RETURNING counts and reads at once: parallel requests queue
 * on the row, each sees the count including itself, so no more than the limit get through however
 * many servers ask at the same moment. A window older than `windowSeconds` restarts at 1.
 */
export interface WindowCount {
  scope: string;
  attempts: number;
  windowStartedAt: Date;
}

/** Rows whose window ended this long ago are of no use to any scope. */
const KEEP_AFTER_WINDOW_MINUTES = 60;

export async function countInWindow(db: Database, keys: { scope: string; subject: string }[], windowSeconds: number): Promise<Map<string, WindowCount>> {
  const expired = sql`${loginThrottle.windowStartedAt} <= now() - make_interval(secs => ${windowSeconds})`;
  const rows = await db
    .insert(loginThrottle)
    .values(keys.map((k) => ({ ...k, attempts: 1 })))
    .onConflictDoUpdate({
      target: [loginThrottle.scope, loginThrottle.subject],
      set: {
        attempts: sql`case when ${expired} then 1 else ${loginThrottle.attempts} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${loginThrottle.windowStartedAt} end`,
      },
    })
    .returning({ scope: loginThrottle.scope, attempts: loginThrottle.attempts, windowStartedAt: loginThrottle.windowStartedAt });
  // Keep the table small (the longest window of any scope is 15 minutes).
  if (Math.random() < 0.01) {
    await db.delete(loginThrottle).where(lt(loginThrottle.windowStartedAt, new Date(Date.now() - (windowSeconds / 60 + KEEP_AFTER_WINDOW_MINUTES) * 60_000)));
  }
  return new Map(rows.map((r) => [r.scope, r]));
}

/** Seconds until a window of `windowSeconds` that started at `windowStartedAt` ends (at least 1). */
export function secondsLeft(windowStartedAt: Date, windowSeconds: number): number {
  return Math.max(1, Math.ceil((windowStartedAt.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
}
