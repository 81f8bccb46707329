/**
 * When a failed delivery is tried again: 1, 5, 15 and 60 minutes, then 3, 6 and 12 hours after the
 * previous attempt, for a day after the delivery was created (or sent again by hand). Growing gaps
 * give a receiver that is down for a deploy a quick retry and one that is down for hours a few,
 * without hammering it.
 */

const MINUTE = 60_000;
export const RETRY_DELAYS_MS: readonly number[] = [1, 5, 15, 60, 180, 360, 720].map((m) => m * MINUTE);
export const RETRY_WINDOW_MS = 24 * 60 * MINUTE;

/** How long a claimed delivery is held for its sender; after that another sender may take it (a crash). */
export const CLAIM_LEASE_MS = 2 * MINUTE;

/**
 * The time of the next attempt after `attempts` failed ones (the last just now), or null when the
 * next would fall after `giveUpAt`: the delivery is then marked failed.
 */
export function nextAttemptAt(attempts: number, now: Date, giveUpAt: Date): Date | null {
  if (attempts < 1) return now;
  const delay = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1]!;
  const next = new Date(now.getTime() + delay);
  return next.getTime() <= giveUpAt.getTime() ? next : null;
}

export const giveUpAtFrom = (start: Date) => new Date(start.getTime() + RETRY_WINDOW_MS);
