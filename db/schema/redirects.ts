import { integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/** Old URL → new URL, for imports and renamed sections or pages. */
export const redirects = pgTable(
  'redirects',
  {
    id: serial().primaryKey(),
    fromPath: text().notNull(),
    toPath: text().notNull(),
    statusCode: integer().notNull().default(301),
    ...timestamps,
  },
  (t) => [uniqueIndex('redirects_from_path_key').on(t.fromPath)],
);
