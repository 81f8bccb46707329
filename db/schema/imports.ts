import { integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/**
 * What an import brought in, by its id on the old site: a second run of the same file finds its
 * rows here and updates or skips them instead of creating them again. Written in the same
 * transaction as the row it maps, so a crash leaves either both or neither.
 */
export const importSources = pgTable(
  'import_sources',
  {
    id: serial().primaryKey(),
    /** The old site, as host and path (`old.example.com/blog`). */
    sourceSite: text().notNull(),
    /** author | category | tag | post | page | media (media: `sourceId` is the file's URL). */
    kind: text().notNull(),
    sourceId: text().notNull(),
    localId: integer().notNull(),
    /** A hash of what the import wrote: the same source again is skipped, a changed one updated. */
    fingerprint: text().notNull().default(''),
    /** The article's or page's version after the import wrote it; a later edit in Gazette is not overwritten. */
    localVersion: integer(),
    ...timestamps,
  },
  (t) => [uniqueIndex('import_sources_key').on(t.sourceSite, t.kind, t.sourceId)],
);
