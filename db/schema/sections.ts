import { type AnyPgColumn, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/** 栏目: a tree. Slugs share one URL namespace (`/{slug}`) with static pages. */
export const sections = pgTable(
  'sections',
  {
    id: serial().primaryKey(),
    parentId: integer().references((): AnyPgColumn => sections.id, { onDelete: 'restrict' }),
    slug: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    seoTitle: text(),
    seoDescription: text(),
    sortOrder: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('sections_slug_key').on(t.slug), index('sections_parent_sort_idx').on(t.parentId, t.sortOrder)],
);
