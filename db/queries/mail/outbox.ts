import 'server-only';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { emailOutbox } from '../../schema';
import { withTx } from '../../tx';
import type { EmailKind } from '../../../domain/enums';
import type { MailMessage } from '../../../domain/mail/templates';
import { CLAIM_LEASE_MS, RETRY_WINDOW_MS } from '../../../domain/webhooks/schedule';

/** The database's clock plus `ms`: due times are compared with now() on the database, so they are set from it too. */
const nowPlus = (ms: number) => sql`now() + ${`${Math.round(ms / 1000)} seconds`}::interval`;

export interface OutgoingMail {
  kind: EmailKind;
  to: string;
  userId: number | null;
  message: MailMessage;
  /** Stop trying after this long (a reset link is worthless once expired); a day by default. */
  retryForMs?: number;
}

/**
 * The outbox write: call it inside the transaction of the event it reports, so the message is
 * committed with the event or not at all.
 */
export async function enqueueMail(tx: Database, mails: readonly OutgoingMail[]): Promise<void> {
  if (!mails.length) return;
  await tx.insert(emailOutbox).values(
    mails.map((m) => ({
      kind: m.kind,
      toAddress: m.to,
      userId: m.userId,
      subject: m.message.subject,
      bodyText: m.message.text,
      bodyHtml: m.message.html,
      giveUpAt: nowPlus(m.retryForMs ?? RETRY_WINDOW_MS),
    })),
  );
}

export interface ClaimedMail {
  id: number;
  kind: EmailKind;
  toAddress: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  /** Attempts including this one. */
  attempts: number;
  giveUpAt: Date;
  /** The database's clock when the claim was made: retries are scheduled from it. */
  claimedAt: Date;
}

/**
 * Takes up to `limit` due messages for this sender, as the webhook sender does: `FOR UPDATE SKIP
 * LOCKED` keeps two senders off the same rows, and the claim moves `next_attempt_at` a lease ahead
 * and commits, so the SMTP conversation runs outside any transaction.
 */
export async function claimDueMail(db: Database, limit: number): Promise<ClaimedMail[]> {
  return withTx(db, async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    const rows = await tx
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1`, lastAttemptAt: sql`now()`, nextAttemptAt: nowPlus(CLAIM_LEASE_MS) })
      .where(inArray(emailOutbox.id, due.map((d) => d.id)))
      .returning({
        id: emailOutbox.id,
        kind: emailOutbox.kind,
        toAddress: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        bodyText: emailOutbox.bodyText,
        bodyHtml: emailOutbox.bodyHtml,
        attempts: emailOutbox.attempts,
        giveUpAt: emailOutbox.giveUpAt,
        claimedAt: emailOutbox.lastAttemptAt,
      });
    return rows.map((r) => ({ ...r, claimedAt: r.claimedAt ?? new Date() })).sort((a, b) => a.id - b.id);
  });
}

/**
 * Takes the lease again right before a message is sent, and says whether this sender still holds
 * it: a batch is sent one message at a time, and a slow mail server must not let another sender
 * (the cron route, a second server) claim the same message meanwhile. Returns the database's clock
 * (retries are timed from the attempt), or null when the row is no longer this claim's.
 */
export async function renewMailLease(db: Database, mail: Pick<ClaimedMail, 'id' | 'attempts'>): Promise<Date | null> {
  const [row] = await db
    .update(emailOutbox)
    .set({ lastAttemptAt: sql`now()`, nextAttemptAt: nowPlus(CLAIM_LEASE_MS) })
    .where(and(eq(emailOutbox.id, mail.id), eq(emailOutbox.attempts, mail.attempts), eq(emailOutbox.status, 'pending')))
    .returning({ at: emailOutbox.lastAttemptAt });
  return row?.at ?? null;
}

export interface MailOutcome {
  status: 'pending' | 'sent' | 'failed';
  nextAttemptAt: Date | null;
  error: string | null;
}

/**
 * Writes what one attempt came to, while the row is still the one claimed. A sent message that
 * carried a one-time link keeps no copy of it: the link is the key to an account.
 */
export async function recordMailAttempt(db: Database, mail: Pick<ClaimedMail, 'id' | 'attempts' | 'kind'>, outcome: MailOutcome): Promise<boolean> {
  const secret = mail.kind !== 'notification' && outcome.status !== 'pending';
  const rows = await db
    .update(emailOutbox)
    .set({
      status: outcome.status,
      nextAttemptAt: outcome.nextAttemptAt ?? sql`now()`,
      lastError: outcome.error,
      ...(outcome.status === 'sent' ? { sentAt: sql`now()` } : {}),
      ...(secret ? { bodyText: '', bodyHtml: '' } : {}),
    })
    .where(and(eq(emailOutbox.id, mail.id), eq(emailOutbox.attempts, mail.attempts), eq(emailOutbox.status, 'pending')))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}
