import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { loginThrottle } from '../../schema';
import { countInWindow, secondsLeft, type WindowCount } from '../throttle';

/**
 * Sign-in limits (issue 10, item 2). State lives in PostgreSQL, so every server agrees.
 *
 * - account + address (`pair`): 10 attempts in 15 minutes, then that pair is refused until the
 *   window ends. This stops guessing one account from one place.
 * - address: 30 attempts in 15 minutes over all accounts, then the address is refused. This stops
 *   one address trying many accounts (password spraying).
 * - account (from every address): never refused, only slowed down: past 10 attempts each further
 *   one waits a second more, up to 10 s. Many addresses guessing one account get slower, and the
 *   owner signing in from elsewhere still gets in, which a per-account lock would not allow (it
 *   let anyone lock the owner out with ten wrong passwords).
 *
 * Every attempt is counted *before* the password is checked, the limiting counters in one
 * INSERT … ON CONFLICT DO UPDATE … RETURNING: parallel guesses queue on the rows, each sees the
 * count including itself, and no more than the limit get to the password check. A success then
 * takes its own attempt back and clears the pair and the account's slow-down.
 */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS = 10;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;
export const ACCOUNT_SLOWDOWN_AFTER = 10;
export const ACCOUNT_DELAY_STEP_MS = 1_000;
export const ACCOUNT_DELAY_MAX_MS = 10_000;

type Scope = 'pair' | 'address' | 'account' | 'setup';

export interface AttemptVerdict {
  allowed: boolean;
  /** Which limit refused the attempt. */
  refusedBy: 'pair' | 'address' | 'setup' | null;
  /** True for the first refusal of a window: the one worth an audit entry. */
  firstRefusal: boolean;
  /** Seconds until the refusing window ends. */
  retryAfterSeconds: number;
  /** How long to wait before checking the password (the account's slow-down). */
  delayMs: number;
}

const pairSubject = (email: string, ip: string) => `${email}\n${ip}`;

/** Counts one attempt for each (scope, subject), atomically, and returns the counts including it. */
async function countAttempts(db: Database, keys: { scope: Scope; subject: string }[]) {
  return (await countInWindow(db, keys, LOGIN_WINDOW_MINUTES * 60)) as Map<Scope, WindowCount>;
}

function retryAfter(windowStartedAt: Date): number {
  return secondsLeft(windowStartedAt, LOGIN_WINDOW_MINUTES * 60);
}

/** Counts a sign-in attempt (or a check of one's own password) and says whether it may go on. */
export async function beginSignInAttempt(db: Database, email: string, ip: string): Promise<AttemptVerdict> {
  // One order for every statement (pair, then address): two attempts never wait on each other crosswise.
  const counts = await countAttempts(db, [
    { scope: 'pair', subject: pairSubject(email, ip) },
    { scope: 'address', subject: ip },
  ]);
  const pair = counts.get('pair')!;
  const address = counts.get('address')!;
  if (pair.attempts > MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS) {
    return { allowed: false, refusedBy: 'pair', firstRefusal: pair.attempts === MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS + 1, retryAfterSeconds: retryAfter(pair.windowStartedAt), delayMs: 0 };
  }
  if (address.attempts > MAX_ATTEMPTS_PER_ADDRESS) {
    return { allowed: false, refusedBy: 'address', firstRefusal: address.attempts === MAX_ATTEMPTS_PER_ADDRESS + 1, retryAfterSeconds: retryAfter(address.windowStartedAt), delayMs: 0 };
  }
  // Only attempts that reach the password check slow the account down: refused ones cost the
  // attacker nothing and must not make the owner wait longer.
  const account = (await countAttempts(db, [{ scope: 'account', subject: email }])).get('account')!;
  const excess = account.attempts - ACCOUNT_SLOWDOWN_AFTER;
  const delayMs = excess > 0 ? Math.min(ACCOUNT_DELAY_MAX_MS, excess * ACCOUNT_DELAY_STEP_MS) : 0;
  return { allowed: true, refusedBy: null, firstRefusal: false, retryAfterSeconds: 0, delayMs };
}

/**
 * After the password check of an allowed attempt. A failure stays counted; a success clears the
 * pair's count and the account's slow-down, and takes its own attempt back from the address (a
 * success does not clear failures other accounts made from the same address).
 */
export async function finishSignInAttempt(db: Database, email: string, ip: string, succeeded: boolean): Promise<void> {
  if (!succeeded) return;
  await db.transaction(async (tx) => {
    await tx
      .delete(loginThrottle)
      .where(
        sql`(${loginThrottle.scope}, ${loginThrottle.subject}) in (('pair', ${pairSubject(email, ip)}), ('account', ${email}))`,
      );
    await tx
      .update(loginThrottle)
      .set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` })
      .where(and(eq(loginThrottle.scope, 'address'), eq(loginThrottle.subject, ip)));
  });
}

export const MAX_SETUP_ATTEMPTS_PER_ADDRESS = 10;

/** First-run setup codes: 10 tries per address in 15 minutes, counted before the code is checked. */
export async function beginSetupAttempt(db: Database, ip: string): Promise<AttemptVerdict> {
  const setup = (await countAttempts(db, [{ scope: 'setup', subject: ip }])).get('setup')!;
  if (setup.attempts > MAX_SETUP_ATTEMPTS_PER_ADDRESS) {
    return { allowed: false, refusedBy: 'setup', firstRefusal: setup.attempts === MAX_SETUP_ATTEMPTS_PER_ADDRESS + 1, retryAfterSeconds: retryAfter(setup.windowStartedAt), delayMs: 0 };
  }
  return { allowed: true, refusedBy: null, firstRefusal: false, retryAfterSeconds: 0, delayMs: 0 };
}

/** For tests and tools: the current counts of some subjects (expired windows read as 0). */
export async function attemptCounts(db: Database, scope: Scope, subjects: string[]): Promise<Record<string, number>> {
  if (!subjects.length) return {};
  const rows = await db
    .select({ subject: loginThrottle.subject, attempts: sql<number>`case when ${loginThrottle.windowStartedAt} <= now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES}) then 0 else ${loginThrottle.attempts} end` })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.scope, scope), inArray(loginThrottle.subject, subjects)));
  return Object.fromEntries(subjects.map((s) => [s, Number(rows.find((r) => r.subject === s)?.attempts ?? 0)]));
}

export { pairSubject };
