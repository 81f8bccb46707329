import { date, index, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { articles } from './articles';

/** Views per article per day (in the site's time zone); the total lives on articles.view_count. */
export const articleViewsDaily = pgTable(
  'article_views_daily',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    views: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] }), index('article_views_daily_day_idx').on(t.day, t.articleId)],
);
