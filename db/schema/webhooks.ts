import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './users';

/**
 * Where the site tells other systems about its stories (docs/webhooks.md). The secret is kept as
 * it is, not hashed: every delivery is signed with it.
 */
export const webhooks = pgTable('webhooks', {
  id: serial().primaryKey(),
  url: text().notNull(),
  /** Event names of domain/webhooks/events.ts. */
  events: text().array().notNull(),
  active: boolean().notNull().default(true),
  secret: text().notNull(),
  createdById: integer().references(() => users.id, { onDelete: 'set null' }),
  ...timestamps,
});

/**
 * The outbox: one row per webhook and event, written in the transaction of the change it reports,
 * so a delivery exists exactly when the change was committed, and survives restarts. Senders claim
 * due rows (services/webhooks/sender.ts); `next_attempt_at` doubles as the claim's lease.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: serial().primaryKey(),
    webhookId: integer()
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    /** The Webhook-Id header: the same on every attempt, so receivers can drop repeats. */
    eventId: text().notNull(),
    event: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** pending, delivered or failed. */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Retries stop after this: a day after the delivery was created or sent again by hand. */
    giveUpAt: timestamp({ withTimezone: true }).notNull(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    lastResponseCode: integer(),
    lastResponseExcerpt: text(),
    lastError: text(),
    ...timestamps,
  },
  (t) => [index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt), index('webhook_deliveries_webhook_idx').on(t.webhookId, t.id)],
);

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
