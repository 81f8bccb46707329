import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '@/db/client';
import { claimDueMail, recordMailAttempt, renewMailLease, type ClaimedMail, type MailOutcome } from '@/db/queries/mail/outbox';
import { getSiteSettings } from '@/db/queries/public';
import { config } from '@/domain/config.mjs';
import { siteUrl } from '@/domain/env';
import { nextAttemptAt } from '@/domain/webhooks/schedule';
import { oneAtATime } from '../one-at-a-time';

const SEND_EVERY_MS = 10_000;
const BATCH = 20;
const MAX_BATCHES = 5;

export interface MailSendReport {
  sent: number;
  retrying: number;
  failed: number;
}

const key = Symbol.for('gazette.mail-transport');
type Holder = { [key]?: { url: string; transport: Transporter } };

/** One SMTP transport per process and SMTP_URL, with bounded waits (a hung server must not hold a sender). */
function transport(url: string): Transporter {
  const holder = globalThis as Holder;
  if (holder[key]?.url !== url) {
    holder[key]?.transport.close();
    holder[key] = { url, transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }) };
  }
  return holder[key].transport;
}

/** MAIL_FROM, or the site's name at no-reply@ the site's host. */
function sender(siteName: string): string | { name: string; address: string } {
  return config().MAIL_FROM ?? { name: siteName, address: `no-reply@${new URL(siteUrl()).hostname}` };
}

/**
 * A 5xx answer to the message itself (its sender, a recipient, its content: no such mailbox, refused)
 * is final: retrying would not change it. A 5xx to signing in or to the greeting is the site's
 * configuration (a rotated SMTP password), which a fix will mend: those are retried like outages.
 */
const isPermanent = (error: unknown) => {
  const { responseCode, command, code } = error as { responseCode?: unknown; command?: unknown; code?: unknown };
  const final = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
  // nodemailer reports every recipient refused as EENVELOPE, with the server's code (451 is "later").
  return final && (code === 'EENVELOPE' || /^(MAIL|RCPT|DATA)/i.test(String(command ?? '')));
};

async function attempt(mail: ClaimedMail, attemptedAt: Date, transporter: Transporter, from: ReturnType<typeof sender>): Promise<MailOutcome> {
  try {
    await transporter.sendMail({ from, to: mail.toAddress, subject: mail.subject, text: mail.bodyText, html: mail.bodyHtml });
    return { status: 'sent', nextAttemptAt: null, error: null };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    if (isPermanent(error)) return { status: 'failed', nextAttemptAt: null, error: message };
    const next = nextAttemptAt(mail.attempts, attemptedAt, mail.giveUpAt);
    return { status: next ? 'pending' : 'failed', nextAttemptAt: next, error: message };
  }
}

/** Sends what is due, in claimed batches; safe on every server and from the cron route at once. */
export async function sendDueMail(db: Database): Promise<MailSendReport> {
  const report: MailSendReport = { sent: 0, retrying: 0, failed: 0 };
  const url = config().SMTP_URL;
  if (!url) return report;
  let from: ReturnType<typeof sender> | null = null;
  for (let round = 0; round < MAX_BATCHES; round++) {
    const claimed = await claimDueMail(db, BATCH);
    if (!claimed.length) break;
    from ??= sender((await getSiteSettings(db)).name);
    const transporter = transport(url);
    for (const mail of claimed) {
      // One at a time: mail servers limit parallel connections, and a batch is small. The lease is
      // taken again first, so a slow server cannot let another sender send the same message.
      const attemptedAt = await renewMailLease(db, mail);
      if (!attemptedAt) continue;
      const outcome = await attempt(mail, attemptedAt, transporter, from);
      if (await recordMailAttempt(db, mail, outcome)) report[outcome.status === 'pending' ? 'retrying' : outcome.status]++;
    }
    if (claimed.length < BATCH) break;
  }
  return report;
}

/** One run at a time per process; failures are logged, never thrown at a page or the timer. */
export const runMailSender = oneAtATime('mail', sendDueMail, (r) => (r.sent || r.failed || r.retrying ? `${r.sent} sent, ${r.retrying} to retry, ${r.failed} failed` : null));

/** On a long-running server with SMTP_URL: every 10 s. Serverless hosts use /api/cron/mail instead. */
export function scheduleMailDelivery(db: Database): void {
  if (!config().SMTP_URL) return;
  void runMailSender(db);
  setInterval(() => void runMailSender(db), SEND_EVERY_MS).unref();
}
