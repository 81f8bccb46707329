import { pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

export const tags = pgTable(
  'tags',
  {
    id: serial().primaryKey(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('tags_slug_key').on(t.slug), uniqueIndex('tags_name_key').on(t.name)],
);
