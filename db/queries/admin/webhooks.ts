import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { webhookDeliveries, webhooks } from '../../schema';
import { withTx } from '../../tx';
import { forbiddenError, notFoundError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import type { WebhookInput } from '../../../domain/validation/webhook';
import { TEST_EVENT, type DeliveryStatus, type WebhookEvent } from '../../../domain/webhooks/events';
import { RETRY_WINDOW_MS } from '../../../domain/webhooks/schedule';
import { newWebhookSecret } from '../../../domain/webhooks/signature';
import { writeAudit } from './audit';
import type { StaffActor } from './sections';
import { deliveryValues } from '../webhooks/outbox';
import { qualified } from '../qualified';

export interface AdminWebhookDTO {
  id: number;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: string;
  pending: number;
  failed: number;
}

/** The secret is only in this DTO, read by the webhook's own admin screen. */
export interface WebhookWithSecretDTO extends Omit<AdminWebhookDTO, 'pending' | 'failed'> {
  secret: string;
}

export interface DeliveryDTO {
  id: number;
  eventId: string;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string;
  lastResponseCode: number | null;
  lastResponseExcerpt: string | null;
  lastError: string | null;
}

export interface WebhookWriteResult {
  id: number;
  invalidate: string[];
}

/** Nothing a reader sees changes with a webhook: no cache tags. */
const done = (id: number): WebhookWriteResult => ({ id, invalidate: [] });
const iso = (d: Date) => d.toISOString();
const countOf = (status: DeliveryStatus) =>
  sql<number>`(select count(*) from ${webhookDeliveries} where ${webhookDeliveries.webhookId} = ${qualified(webhooks, 'id')} and ${webhookDeliveries.status} = ${status})`.mapWith(Number);

function assertMay(actor: StaffActor): void {
  if (!can(actor.role, 'webhook:manage')) throw forbiddenError();
}

export async function listWebhooks(db: Database): Promise<AdminWebhookDTO[]> {
  const rows = await db
    .select({ id: webhooks.id, url: webhooks.url, events: webhooks.events, active: webhooks.active, createdAt: webhooks.createdAt, pending: countOf('pending'), failed: countOf('failed') })
    .from(webhooks)
    .orderBy(asc(webhooks.id));
  return rows.map((r) => ({ ...r, events: r.events as WebhookEvent[], createdAt: iso(r.createdAt) }));
}

export async function getWebhook(db: Database, id: number): Promise<WebhookWithSecretDTO | null> {
  const [row] = await db
    .select({ id: webhooks.id, url: webhooks.url, events: webhooks.events, active: webhooks.active, createdAt: webhooks.createdAt, secret: webhooks.secret })
    .from(webhooks)
    .where(eq(webhooks.id, id));
  return row ? { ...row, events: row.events as WebhookEvent[], createdAt: iso(row.createdAt) } : null;
}

/** The latest deliveries of one webhook, newest first. */
export async function listDeliveries(db: Database, webhookId: number, limit = 50): Promise<DeliveryDTO[]> {
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      event: webhookDeliveries.event,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      createdAt: webhookDeliveries.createdAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastResponseCode: webhookDeliveries.lastResponseCode,
      lastResponseExcerpt: webhookDeliveries.lastResponseExcerpt,
      lastError: webhookDeliveries.lastError,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    status: r.status as DeliveryStatus,
    createdAt: iso(r.createdAt),
    lastAttemptAt: r.lastAttemptAt ? iso(r.lastAttemptAt) : null,
    nextAttemptAt: iso(r.nextAttemptAt),
  }));
}

async function lockWebhook(tx: Database, id: number) {
  const [row] = await tx.select({ id: webhooks.id, url: webhooks.url, events: webhooks.events, active: webhooks.active }).from(webhooks).where(eq(webhooks.id, id)).for('update');
  if (!row) throw notFoundError('This webhook');
  return row;
}

export async function createWebhook(db: Database, actor: StaffActor, input: WebhookInput): Promise<WebhookWriteResult> {
  assertMay(actor);
  return withTx(db, async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({ url: input.url, events: input.events, active: input.active, secret: newWebhookSecret(), createdById: actor.id })
      .returning({ id: webhooks.id });
    // The secret never goes into the audit log.
    await writeAudit(tx, { actorId: actor.id, action: 'webhook.create', entityType: 'webhook', entityId: row!.id, summary: input.url, data: { events: input.events, active: input.active }, ip: actor.ip });
    return done(row!.id);
  });
}

export async function updateWebhook(db: Database, actor: StaffActor, id: number, input: WebhookInput): Promise<WebhookWriteResult> {
  assertMay(actor);
  return withTx(db, async (tx) => {
    const before = await lockWebhook(tx, id);
    const changed = (['url', 'events', 'active'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(input[k]));
    if (!changed.length) return done(id);
    await tx.update(webhooks).set({ url: input.url, events: input.events, active: input.active, updatedAt: new Date() }).where(eq(webhooks.id, id));
    await writeAudit(tx, { actorId: actor.id, action: 'webhook.update', entityType: 'webhook', entityId: id, summary: input.url, data: { changed, from: before.url }, ip: actor.ip });
    return done(id);
  });
}

/** Its deliveries go with it (pending ones are not sent). */
export async function deleteWebhook(db: Database, actor: StaffActor, id: number): Promise<WebhookWriteResult> {
  assertMay(actor);
  return withTx(db, async (tx) => {
    const before = await lockWebhook(tx, id);
    await tx.delete(webhooks).where(eq(webhooks.id, id));
    await writeAudit(tx, { actorId: actor.id, action: 'webhook.delete', entityType: 'webhook', entityId: id, summary: before.url, ip: actor.ip });
    return done(id);
  });
}

/** Deliveries not yet sent are signed with the new secret: the sender reads it at sending time. */
export async function regenerateWebhookSecret(db: Database, actor: StaffActor, id: number): Promise<WebhookWriteResult> {
  assertMay(actor);
  return withTx(db, async (tx) => {
    const before = await lockWebhook(tx, id);
    await tx.update(webhooks).set({ secret: newWebhookSecret(), updatedAt: new Date() }).where(eq(webhooks.id, id));
    await writeAudit(tx, { actorId: actor.id, action: 'webhook.secret', entityType: 'webhook', entityId: id, summary: before.url, ip: actor.ip });
    return done(id);
  });
}

/**
 * "Send again": the delivery is due now with a fresh day of retries, whatever became of it. Its
 * Webhook-Id stays, so a receiver that already processed it can tell.
 */
export async function resendDelivery(db: Database, actor: StaffActor, webhookId: number, deliveryId: number): Promise<WebhookWriteResult> {
  assertMay(actor);
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()`, giveUpAt: sql`now() + ${`${RETRY_WINDOW_MS / 1000} seconds`}::interval`, updatedAt: sql`now()` })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.webhookId, webhookId)))
    .returning({ id: webhookDeliveries.id });
  if (!rows.length) throw notFoundError('This delivery');
  return done(webhookId);
}

/** A `webhook.test` delivery, due now, whatever the webhook subscribes to (and even when switched off: it is then logged as not sent). */
export async function sendTestEvent(db: Database, actor: StaffActor, webhookId: number): Promise<WebhookWriteResult> {
  assertMay(actor);
  return withTx(db, async (tx) => {
    await lockWebhook(tx, webhookId);
    await tx.insert(webhookDeliveries).values(deliveryValues(webhookId, TEST_EVENT, null));
    return done(webhookId);
  });
}
