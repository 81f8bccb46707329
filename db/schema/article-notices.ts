import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { articleNoticeKind } from './enums';
import { articles } from './articles';
import { users } from './users';

/**
 * Significant updates and corrections of published stories (更新 / 更正), in the order they were
 * made. The newest of them is the story's 更新时间 and its dateModified; a minor edit adds none.
 */
export const articleNotices = pgTable(
  'article_notices',
  {
    id: serial().primaryKey(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: articleNoticeKind().notNull(),
    /** What changed or what was wrong; required for a correction. */
    note: text().notNull().default(''),
    createdById: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('article_notices_article_idx').on(t.articleId, t.createdAt),
    // /corrections, newest first, a keyset walk.
    index('article_notices_corrections_idx').on(t.createdAt.desc(), t.id.desc()).where(sql`${t.kind} = 'correction'`),
  ],
);
