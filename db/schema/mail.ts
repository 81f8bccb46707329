import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { emailKind, passwordTokenPurpose } from './enums';
import { users } from './users';

/**
 * The mail outbox: one row per message, written in the transaction of the event it reports (a
 * notification, a reset request, an invitation), so a message exists exactly when its event was
 * committed, and survives restarts. Senders on any server claim due rows (services/mail/sender.ts);
 * `next_attempt_at` doubles as the claim's lease, as for webhooks. Bodies that carry a one-time
 * link are blanked once sent.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: serial().primaryKey(),
    kind: emailKind().notNull(),
    toAddress: text().notNull(),
    /** Whom it is for, when staff (a deleted account's pending mail goes with it). */
    userId: integer().references(() => users.id, { onDelete: 'cascade' }),
    subject: text().notNull(),
    bodyText: text().notNull(),
    bodyHtml: text().notNull(),
    /** pending, sent or failed. */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    giveUpAt: timestamp({ withTimezone: true }).notNull(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`), index('email_outbox_created_idx').on(t.createdAt)],
);

/**
 * One-time links to set a password: a reset asked for by its owner, or an invitation. Only the
 * SHA-256 of the token is kept; the token itself is in the mail alone.
 */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: passwordTokenPurpose().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdById: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('password_tokens_hash_key').on(t.tokenHash), index('password_tokens_user_idx').on(t.userId)],
);
