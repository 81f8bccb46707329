import 'server-only';
import type { Database } from '../../client';
import { verifyPassword } from '../../../domain/auth/password';
import { writeAudit } from './audit';
import { beginSignInAttempt, finishSignInAttempt, type AttemptVerdict } from './login-attempts';
import { findCredentials, normalizeEmail } from './users';

export type SignInResult =
  | { ok: true; user: { id: number; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; verdict: AttemptVerdict };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The credentials check behind every sign-in (next-auth's authorize): counts the attempt under
 * the limits of login-attempts.ts before the password is checked, waits out the account's
 * slow-down, and writes failed and refused sign-ins to the audit log (a refusal once per window
 * and limit, so that a flood of refused guesses cannot flood the log).
 */
export async function checkSignIn(db: Database, rawEmail: string, password: string, ip: string, options: { sleep?: (ms: number) => Promise<unknown> } = {}): Promise<SignInResult> {
  const email = normalizeEmail(rawEmail);
  const verdict = await beginSignInAttempt(db, email, ip);
  if (!verdict.allowed) {
    if (verdict.firstRefusal) {
      const account = await findCredentials(db, email);
      await writeAudit(db, {
        actorId: null,
        ip,
        action: 'auth.sign-in-refused',
        entityType: 'user',
        entityId: account?.id ?? null,
        summary: email,
        data: { limit: verdict.refusedBy, retryAfterSeconds: verdict.retryAfterSeconds },
      });
    }
    return { ok: false, reason: 'rate_limited', verdict };
  }
  if (verdict.delayMs) await (options.sleep ?? wait)(verdict.delayMs);
  const account = await findCredentials(db, email);
  const valid = await verifyPassword(account?.passwordHash ?? null, password);
  const ok = Boolean(account && valid && !account.disabledAt);
  await finishSignInAttempt(db, email, ip, ok);
  if (!ok || !account) {
    const why = !account ? 'unknown account' : account.disabledAt && valid ? 'account disabled' : 'wrong password';
    await writeAudit(db, { actorId: null, ip, action: 'auth.sign-in-failed', entityType: 'user', entityId: account?.id ?? null, summary: email, data: { reason: why } });
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, user: { id: account.id, name: account.name, email: account.email, sessionVersion: account.sessionVersion } };
}
