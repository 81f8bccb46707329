import 'server-only';
import type { Database } from '@/db/client';
import { claimDueDeliveries, recordAttempt, type AttemptOutcome, type ClaimedDelivery } from '@/db/queries/webhooks/outbox';
import { config } from '@/domain/config.mjs';
import { nextAttemptAt } from '@/domain/webhooks/schedule';
import { signedHeaders } from '@/domain/webhooks/signature';
import { OutboundRefused, safeFetch, type SafeFetchOptions } from '../outbound/safe-fetch';
import { oneAtATime } from '../one-at-a-time';

/** What the delivery log keeps of an answer. */
export const EXCERPT_BYTES = 500;
const SEND_EVERY_MS = 10_000;
const BATCH = 20;
/** Batches per run: a backlog is worked off over several runs rather than in one long one. */
const MAX_BATCHES = 5;

export interface SenderOptions {
  /** Host names allowed whatever they resolve to; OUTBOUND_ALLOW_HOSTS by default. */
  allowHosts?: readonly string[];
  timeoutMs?: number;
  batch?: number;
  resolve?: SafeFetchOptions['resolve'];
}

export interface SendReport {
  delivered: number;
  retrying: number;
  failed: number;
}

/** The first bytes of an answer as text the log can hold (PostgreSQL text takes no NUL). */
function excerptOf(body: Buffer): string {
  return body.subarray(0, EXCERPT_BYTES).toString('utf8').replace(/\u0000/g, '');
}

async function attempt(delivery: ClaimedDelivery, options: SenderOptions): Promise<AttemptOutcome> {
  const started = Date.now();
  const retryOrFail = (fields: Omit<AttemptOutcome, 'status' | 'nextAttemptAt'>): AttemptOutcome => {
    const next = nextAttemptAt(delivery.attempts, new Date(delivery.claimedAt.getTime() + (Date.now() - started)), delivery.giveUpAt);
    return { ...fields, status: next ? 'pending' : 'failed', nextAttemptAt: next };
  };
  if (!delivery.active) return { status: 'failed', nextAttemptAt: null, responseCode: null, responseExcerpt: null, error: 'The webhook is switched off.' };
  const body = JSON.stringify(delivery.payload);
  try {
    const answer = await safeFetch(delivery.url, {
      method: 'POST',
      headers: signedHeaders(delivery.secret, delivery.eventId, Math.floor(Date.now() / 1000), body),
      body,
      maxBytes: 64 * 1024,
      timeoutMs: options.timeoutMs ?? 10_000,
      maxRedirects: 3,
      allowHosts: options.allowHosts ?? config().OUTBOUND_ALLOW_HOSTS,
      resolve: options.resolve,
    });
    const fields = { responseCode: answer.status, responseExcerpt: excerptOf(answer.body), error: null };
    if (answer.status >= 200 && answer.status < 300) return { ...fields, status: 'delivered', nextAttemptAt: null };
    return retryOrFail({ ...fields, error: `HTTP ${answer.status}` });
  } catch (error) {
    const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
    // An address the guard refuses stays refused: no point in retrying it for a day.
    if (error instanceof OutboundRefused) return { status: 'failed', nextAttemptAt: null, responseCode: null, responseExcerpt: null, error: message.slice(0, 500) };
    return retryOrFail({ responseCode: null, responseExcerpt: null, error: message.slice(0, 500) });
  }
}

/**
 * Sends what is due, in batches claimed from the outbox. Safe to run on every server and from the
 * cron route at once: each delivery is claimed by one sender (db/queries/webhooks/outbox.ts).
 */
export async function sendDueWebhooks(db: Database, options: SenderOptions = {}): Promise<SendReport> {
  const report: SendReport = { delivered: 0, retrying: 0, failed: 0 };
  const batch = options.batch ?? BATCH;
  for (let round = 0; round < MAX_BATCHES; round++) {
    const claimed = await claimDueDeliveries(db, batch);
    await Promise.all(
      claimed.map(async (delivery) => {
        const outcome = await attempt(delivery, options);
        if (await recordAttempt(db, delivery, outcome)) report[outcome.status === 'pending' ? 'retrying' : outcome.status]++;
      }),
    );
    if (claimed.length < batch) break;
  }
  return report;
}

/** One run at a time per process; failures are logged, never thrown at a page or the timer. */
export const runWebhookSender = oneAtATime(
  'webhooks',
  (db: Database, options: SenderOptions = {}) => sendDueWebhooks(db, options),
  (r) => (r.delivered || r.failed || r.retrying ? `${r.delivered} delivered, ${r.retrying} to retry, ${r.failed} failed` : null),
);

/** On a long-running server: every 10 s. Serverless hosts use /api/cron/webhooks instead. */
export function scheduleWebhookDeliveries(db: Database): void {
  void runWebhookSender(db);
  setInterval(() => void runWebhookSender(db), SEND_EVERY_MS).unref();
}
