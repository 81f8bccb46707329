import { ilike, type Column, type SQL } from 'drizzle-orm';

/** `%`, `_` and `\` typed into a filter box match themselves, not any text. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Case-insensitive "contains" for the admin's filter boxes. */
export function containsText(column: Column, text: string): SQL {
  return ilike(column, `%${escapeLike(text)}%`);
}
