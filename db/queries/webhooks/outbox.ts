import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles, webhookDeliveries, webhooks } from '../../schema';
import { withTx } from '../../tx';
import { siteUrl } from '../../../domain/env';
import { absoluteUrl, articlePath } from '../../../domain/urls';
import { CLAIM_LEASE_MS, RETRY_WINDOW_MS } from '../../../domain/webhooks/schedule';
import type { DeliveryEvent, WebhookArticle, WebhookEvent, WebhookPayload } from '../../../domain/webhooks/events';

/** The database's clock plus `ms`: due times are compared with now() on the database, so they are set from it too. */
const nowPlus = (ms: number) => sql`now() + ${`${Math.round(ms / 1000)} seconds`}::interval`;

async function webhookArticle(tx: Database, id: number): Promise<WebhookArticle | null> {
  const [row] = await tx
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      excerpt: articles.excerpt,
      locale: articles.locale,
      sectionId: articles.sectionId,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(eq(articles.id, id));
  if (!row) return null;
  return { ...row, url: absoluteUrl(siteUrl(), articlePath(row)), publishedAt: row.publishedAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString() };
}

/** One delivery row for `webhookId`, due now; its payload names its own id (the Webhook-Id header). */
export function deliveryValues(webhookId: number, event: DeliveryEvent, article: WebhookArticle | null, occurredAt = new Date()) {
  const eventId = randomUUID();
  const payload: WebhookPayload = { id: eventId, event, occurredAt: occurredAt.toISOString(), article };
  return { webhookId, eventId, event, payload: payload as unknown as Record<string, unknown>, giveUpAt: nowPlus(RETRY_WINDOW_MS) };
}

/**
 * The outbox write: call it inside the transaction of the change it reports, so that the delivery
 * rows are committed with the change or not at all. One row per active webhook subscribed to
 * `event`; nothing (one indexed read) when there is none. Returns how many rows it wrote.
 */
export async function enqueueWebhookEvent(tx: Database, event: WebhookEvent, article: { id: number }): Promise<number> {
  const hooks = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.active, true), sql`${event} = any(${webhooks.events})`))
    .orderBy(asc(webhooks.id));
  if (!hooks.length) return 0;
  const dto = await webhookArticle(tx, article.id);
  if (!dto) return 0;
  const occurredAt = new Date();
  await tx.insert(webhookDeliveries).values(hooks.map((h) => deliveryValues(h.id, event, dto, occurredAt)));
  return hooks.length;
}

export interface ClaimedDelivery {
  id: number;
  eventId: string;
  event: string;
  payload: Record<string, unknown>;
  /** Attempts including this one. */
  attempts: number;
  giveUpAt: Date;
  /** The database's clock when the claim was made: retries are scheduled from it. */
  claimedAt: Date;
  url: string;
  secret: string;
  active: boolean;
}

/**
 * Takes up to `limit` due deliveries for this sender. `FOR UPDATE SKIP LOCKED` keeps two senders
 * (several servers, or the cron route beside a timer) off the same rows while they claim; the claim
 * then moves `next_attempt_at` a lease ahead and commits, so the HTTP request runs outside any
 * transaction (on PGlite an open transaction would hold the only connection) and no other sender
 * finds the row due while it is sent. A sender that dies mid-send leaves the row to be retried once
 * the lease has run out; `attempts` already counts that attempt.
 */
export async function claimDueDeliveries(db: Database, limit: number): Promise<ClaimedDelivery[]> {
  return withTx(db, async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, sql`now()`)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    const claimed = await tx
      .update(webhookDeliveries)
      .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: sql`now()`, nextAttemptAt: nowPlus(CLAIM_LEASE_MS), updatedAt: sql`now()` })
      .where(inArray(webhookDeliveries.id, due.map((d) => d.id)))
      .returning({
        id: webhookDeliveries.id,
        webhookId: webhookDeliveries.webhookId,
        eventId: webhookDeliveries.eventId,
        event: webhookDeliveries.event,
        payload: webhookDeliveries.payload,
        attempts: webhookDeliveries.attempts,
        giveUpAt: webhookDeliveries.giveUpAt,
        claimedAt: webhookDeliveries.lastAttemptAt,
      });
    const hooks = await tx
      .select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret, active: webhooks.active })
      .from(webhooks)
      .where(inArray(webhooks.id, [...new Set(claimed.map((c) => c.webhookId))]));
    const byId = new Map(hooks.map((h) => [h.id, h]));
    return claimed
      .sort((a, b) => a.id - b.id)
      .map(({ webhookId, claimedAt, ...row }) => {
        const hook = byId.get(webhookId)!;
        return { ...row, claimedAt: claimedAt ?? new Date(), url: hook.url, secret: hook.secret, active: hook.active };
      });
  });
}

export interface AttemptOutcome {
  /** pending (with `nextAttemptAt`), delivered or failed. */
  status: 'pending' | 'delivered' | 'failed';
  nextAttemptAt: Date | null;
  responseCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
}

/**
 * Writes what one attempt came to. Only while the row is still the one claimed (same attempt
 * count): a "send again" pressed meanwhile reset it, and that newer request wins.
 */
export async function recordAttempt(db: Database, delivery: Pick<ClaimedDelivery, 'id' | 'attempts'>, outcome: AttemptOutcome): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      nextAttemptAt: outcome.nextAttemptAt ?? sql`now()`,
      lastResponseCode: outcome.responseCode,
      lastResponseExcerpt: outcome.responseExcerpt,
      lastError: outcome.error,
      updatedAt: sql`now()`,
    })
    .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.attempts, delivery.attempts), eq(webhookDeliveries.status, 'pending')))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}
