import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
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

/**
 * "Most read" without aggregating daily rows on read: per article, the views of the last 1 (today), 7 (week)
 * and 30 (month) days ending on `view_rollup_state.day`. The view flush adds each batch to it and, when a batch
 * brings a new day, rebuilds it from article_views_daily (bounded by 30 days of activity, not by the
 * archive). Only articles read in the last 30 days have a row.
 */
export const articleViewsRecent = pgTable(
  'article_views_recent',
  {
    articleId: integer()
      .primaryKey()
      .references(() => articles.id, { onDelete: 'cascade' }),
    viewsToday: integer().notNull().default(0),
    viewsWeek: integer().notNull().default(0),
    viewsMonth: integer().notNull().default(0),
  },
  (t) => [
    index('article_views_recent_today_idx').on(t.viewsToday.desc().nullsFirst()),
    index('article_views_recent_week_idx').on(t.viewsWeek.desc().nullsFirst()),
    index('article_views_recent_month_idx').on(t.viewsMonth.desc().nullsFirst()),
  ],
);

/** One row: the day (site time zone) that article_views_recent's windows end on. */
export const viewRollupState = pgTable(
  'view_rollup_state',
  {
    id: integer().primaryKey().default(1),
    day: date({ mode: 'string' }).notNull(),
  },
  (t) => [check('view_rollup_state_single_row', sql`${t.id} = 1`)],
);
