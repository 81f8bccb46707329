import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { articleCommentKind } from './enums';
import { articles } from './articles';
import { users } from './users';

/**
 * The conversation about a story between its authors and its reviewers (issue 13): notes, the
 * author's word on submitting, the reviewer's reason for sending it back. Kept with the story, seen
 * by whoever may see the story in the admin; never shown to readers.
 */
export const articleComments = pgTable(
  'article_comments',
  {
    id: serial().primaryKey(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: articleCommentKind().notNull().default('note'),
    body: text().notNull(),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('article_comments_article_idx').on(t.articleId, t.createdAt)],
);
