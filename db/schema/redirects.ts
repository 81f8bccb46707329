import { integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/**
 * Old URL → new URL: left behind by renamed sections, pages and tags, typed in the admin, or imported.
 * Answered only where no page exists at `fromPath` (a 404 becomes the redirect).
 */
export const redirects = pgTable(
  'redirects',
  {
    id: serial().primaryKey(),
    fromPath: text().notNull(),
    toPath: text().notNull(),
    statusCode: integer().notNull().default(301),
    hits: integer().notNull().default(0),
    lastHitAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('redirects_from_path_key').on(t.fromPath)],
);
