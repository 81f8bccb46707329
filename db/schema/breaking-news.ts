import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * The breaking-news banner across the site (突发新闻). One shows at a time: the newest row that is
 * neither ended by an editor nor past its expiry. Rows stay as the banner's history.
 */
export const breakingNews = pgTable(
  'breaking_news',
  {
    id: serial().primaryKey(),
    text: text().notNull(),
    /** A path on this site or an http(s) address; null for a banner without a link. */
    href: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    /** Set by the periodic tick once it has expired the pages that showed the banner after its time. */
    expiryNoted: boolean().notNull().default(false),
    createdById: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('breaking_news_current_idx').on(t.id.desc()).where(sql`${t.endedAt} is null`)],
);
