import { index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { articles } from './articles';
import { users } from './users';

/** Who did what, when: every change by staff. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial().primaryKey(),
    actorId: integer().references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    summary: text().notNull().default(''),
    data: jsonb().$type<Record<string, unknown>>(),
    ip: text(),
    /** The name of the personal API token the change came through; null for the screens. */
    viaToken: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt.desc().nullsFirst()), index('audit_log_entity_idx').on(t.entityType, t.entityId)],
);

/**
 * Attempt counters for the sign-in limits (and other guessable secrets), one row per scope and
 * subject: `pair` (account and address), `address`, `account`, `setup` (address). Each attempt
 * is counted before the secret is checked, by one INSERT … ON CONFLICT DO UPDATE … RETURNING, so
 * that parallel guesses on several servers queue on the row and none can overtake the limit.
 * The window is fixed: it starts with the first attempt and the count restarts after it.
 * No passwords, ever.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    scope: text().notNull(),
    subject: text().notNull(),
    attempts: integer().notNull().default(0),
    windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.subject] }), index('login_throttle_window_idx').on(t.windowStartedAt)],
);

/** Soft lock: who has an article open in the editor, refreshed by a heartbeat. */
export const articlePresence = pgTable(
  'article_presence',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] }), index('article_presence_seen_idx').on(t.articleId, t.seenAt)],
);

/**
 * Share links to an unpublished article (domain/preview-token.ts signs their id). A link opens only
 * while it is unexpired and unrevoked, its creator's account is active, and the creator may still
 * see the article in the admin.
 */
export const previewLinks = pgTable(
  'preview_links',
  {
    id: serial().primaryKey(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    createdById: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedById: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('preview_links_article_idx').on(t.articleId, t.createdAt), index('preview_links_created_by_idx').on(t.createdById)],
);
