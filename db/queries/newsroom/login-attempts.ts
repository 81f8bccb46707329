import 'server-only';
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { loginAttempts } from '../../schema';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 10;

function windowStart(): Date {
  return new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
}

/**
 * Too many recent failures for this account or from this IP. A success clears the account's count
 * for that IP only, so an attacker elsewhere cannot keep the owner out by failing on purpose from
 * many addresses for long: the per-account limit counts failures since the last success.
 */
export async function isLoginRateLimited(db: Database, email: string, ip: string): Promise<boolean> {
  const since = windowStart();
  const [lastSuccess] = await db
    .select({ at: sql<Date>`max(${loginAttempts.createdAt})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true), gt(loginAttempts.createdAt, since)));
  const accountSince = lastSuccess?.at ? new Date(lastSuccess.at) : since;
  const [[byAccount], [byIp]] = await Promise.all([
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, accountSince))),
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since))),
  ]);
  return Number(byAccount?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT || Number(byIp?.n ?? 0) >= MAX_FAILURES_PER_IP;
}

export async function recordLoginAttempt(db: Database, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip, succeeded });
  // Keep the table small: attempts older than a day have no use.
  if (Math.random() < 0.01) await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(Date.now() - 86_400_000)));
}
