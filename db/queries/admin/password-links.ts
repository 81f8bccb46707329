import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { emailOutbox, passwordTokens, users, type UserRole } from '../../schema';
import { withTx } from '../../tx';
import { writeAudit } from './audit';
import { normalizeEmail } from './users';
import { enqueueMail } from '../mail/outbox';
import { mailFrameFor } from '../mail/compose';
import { hashPassword } from '../../../domain/auth/password';
import { adminUrl, mailEnabled } from '../../../domain/env';
import { ActionError } from '../../../domain/errors';
import type { PasswordTokenPurpose } from '../../../domain/enums';
import { invitationMail, passwordResetMail } from '../../../domain/mail/templates';

/**
 * One-time links to set a password, sent by mail: a reset its owner asked for on the sign-in page
 * (valid an hour), or an invitation an administrator sent a new colleague (valid a week). The link
 * carries 32 random bytes; the database keeps their SHA-256 only, so a copy of it opens no account.
 * Setting a password through a link uses it up, voids every other link of the account and signs
 * the account out everywhere.
 */
export const RESET_LINK_HOURS = 1;
export const INVITATION_LINK_DAYS = 7;
const HOUR_MS = 3_600_000;
/** A second reset mail to the same account within this time is not sent (a mailbox is not a target). */
const RESET_MAIL_GAP_MS = 2 * 60_000;

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const linkTo = (token: string) => `${adminUrl()}/admin/password/${token}`;

/** A fresh link for `userId`, whose earlier unused links of any kind stop working. */
async function issueLink(tx: Database, userId: number, purpose: PasswordTokenPurpose, validForMs: number, createdById: number | null): Promise<string> {
  await voidLinks(tx, userId);
  const token = randomBytes(32).toString('base64url');
  await tx.insert(passwordTokens).values({ userId, purpose, tokenHash: digest(token), expiresAt: new Date(Date.now() + validForMs), createdById });
  return token;
}

async function voidLinks(tx: Database, userId: number): Promise<void> {
  await tx.update(passwordTokens).set({ usedAt: sql`now()` }).where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
}

/**
 * Every way into the account by mail stops: its unused links, and its reset or invitation mail not
 * yet sent. Called in the transaction of a change that makes them wrong: a new email (a link sent to a
 * mistyped address must not open the corrected account), a new password, the account disabled.
 */
export async function voidPasswordLinks(tx: Database, userId: number): Promise<void> {
  await voidLinks(tx, userId);
  await tx.delete(emailOutbox).where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.status, 'pending'), inArray(emailOutbox.kind, ['password_reset', 'invitation'])));
}

/**
 * "Forgot your password": mails a reset link if `email` names an active account, and otherwise
 * does nothing, in the same time as far as the caller can tell (the answer is the same either way,
 * so the form tells nobody which addresses have accounts). Audited as asked for, by address.
 */
export async function requestPasswordReset(db: Database, rawEmail: string, ip: string): Promise<void> {
  if (!mailEnabled()) throw new ActionError(404, { code: 'mailNotConfigured' });
  const email = normalizeEmail(rawEmail);
  await withTx(db, async (t) => {
    const [user] = await t
      .select({ id: users.id, name: users.name, email: users.email, uiLocale: users.uiLocale })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.disabledAt)))
      .for('update');
    if (!user) return;
    const [recent] = await t
      .select({ id: passwordTokens.id })
      .from(passwordTokens)
      .where(and(eq(passwordTokens.userId, user.id), eq(passwordTokens.purpose, 'reset'), gt(passwordTokens.createdAt, new Date(Date.now() - RESET_MAIL_GAP_MS))));
    if (recent) return;
    const token = await issueLink(t, user.id, 'reset', RESET_LINK_HOURS * HOUR_MS, null);
    const message = passwordResetMail(await mailFrameFor(t, user.uiLocale), { recipientName: user.name, link: linkTo(token), hours: RESET_LINK_HOURS });
    await enqueueMail(t, [{ kind: 'password_reset', to: user.email, userId: user.id, message, retryForMs: RESET_LINK_HOURS * HOUR_MS }]);
    await writeAudit(t, { actorId: null, ip, action: 'user.password-reset-requested', entityType: 'user', entityId: user.id, summary: user.email });
  });
}

/** Mails `target` an invitation to set their password, in the caller's transaction. */
export async function sendInvitation(
  tx: Database,
  inviter: { id: number; name: string },
  target: { id: number; email: string; name: string; role: UserRole; uiLocale: 'zh-CN' | 'en' | null },
): Promise<void> {
  const token = await issueLink(tx, target.id, 'invitation', INVITATION_LINK_DAYS * 24 * HOUR_MS, inviter.id);
  const message = invitationMail(await mailFrameFor(tx, target.uiLocale), {
    recipientName: target.name,
    email: target.email,
    role: target.role,
    inviterName: inviter.name,
    link: linkTo(token),
    days: INVITATION_LINK_DAYS,
    signInUrl: `${adminUrl()}/admin/login`,
  });
  await enqueueMail(tx, [{ kind: 'invitation', to: target.email, userId: target.id, message }]);
}

export interface PasswordLinkDTO {
  purpose: PasswordTokenPurpose;
  email: string;
  name: string;
}

/** What a link is for, while it works: unused, unexpired, its account active. */
export async function openPasswordLink(db: Database, token: string): Promise<PasswordLinkDTO | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({ purpose: passwordTokens.purpose, email: users.email, name: users.name })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(and(eq(passwordTokens.tokenHash, digest(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, sql`now()`), isNull(users.disabledAt)));
  return row ?? null;
}

/**
 * Sets the password a link was sent for, once: the link is used up (checked and spent under the
 * row's lock, so two tabs cannot both use it), every other link of the account voided, and every
 * session of the account ended. Returns the address to sign in with.
 */
export async function setPasswordByLink(db: Database, token: string, password: string, ip: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return withTx(db, async (t) => {
    const [link] = /^[\w-]{20,100}$/.test(token)
      ? await t
          .select({ id: passwordTokens.id, userId: passwordTokens.userId, purpose: passwordTokens.purpose, usedAt: passwordTokens.usedAt, live: sql<boolean>`${passwordTokens.expiresAt} > now()` })
          .from(passwordTokens)
          .where(eq(passwordTokens.tokenHash, digest(token)))
          .for('update')
      : [];
    const [user] = link ? await t.select({ email: users.email, disabledAt: users.disabledAt }).from(users).where(eq(users.id, link.userId)).for('update') : [];
    if (!link || link.usedAt || !link.live || !user || user.disabledAt) throw new ActionError(404, { code: 'passwordLinkInvalid' });
    await t.update(users).set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() }).where(eq(users.id, link.userId));
    await voidLinks(t, link.userId);
    await writeAudit(t, { actorId: link.userId, ip, action: 'user.password-set-by-link', entityType: 'user', entityId: link.userId, summary: user.email, data: { purpose: link.purpose } });
    return { email: user.email };
  });
}
