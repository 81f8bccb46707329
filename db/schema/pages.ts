import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { pageStatus } from './enums';

/** Static pages (关于我们, 联系我们…), served at `/{slug}` beside sections. */
export const pages = pgTable(
  'pages',
  {
    id: serial().primaryKey(),
    slug: text().notNull(),
    title: text().notNull(),
    bodyJson: jsonb().$type<unknown>().notNull(),
    bodyHtml: text().notNull().default(''),
    bodyText: text().notNull().default(''),
    seoTitle: text(),
    seoDescription: text(),
    status: pageStatus().notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }),
    sortOrder: integer().notNull().default(0),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('pages_slug_key').on(t.slug), index('pages_status_sort_idx').on(t.status, t.sortOrder)],
);
