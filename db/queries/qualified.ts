import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * `"table"."column"` for the outer row in a correlated subquery. Drizzle writes column names
 * unqualified in a query on one table, and inside a subquery an unqualified `"id"` binds to the
 * subquery's own tables first: `where cover_media_id = "id"` would compare with the article's id.
 */
export function qualified(table: PgTable, column: string): SQL {
  return sql`${table}.${sql.identifier(column)}`;
}
