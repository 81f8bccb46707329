import { index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * An import started from the admin (/admin/import): its progress and, at the end, its report, so
 * that any server can show them while the one that received the file runs it.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: serial().primaryKey(),
    kind: text().notNull().default('wordpress'),
    /** queued → running → done | failed */
    status: text().notNull().default('queued'),
    fileName: text().notNull(),
    bytes: integer().notNull(),
    /** checking (reading the whole file first) → writing → done */
    phase: text().notNull().default('checking'),
    done: integer().notNull().default(0),
    total: integer().notNull().default(0),
    report: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    startedById: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('import_jobs_created_idx').on(t.id.desc())],
);
