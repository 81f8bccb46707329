import { and, inArray, isNull, lte, sql } from 'drizzle-orm';
import { articles } from '../schema';

/**
 * What a reader may see: published (or scheduled whose time has come) and not in the trash.
 * A scheduled story turns visible at its time with no job running, because `now()` decides.
 */
export const articleIsVisible = and(
  inArray(articles.status, ['published', 'scheduled']),
  lte(articles.publishedAt, sql`now()`),
  isNull(articles.deletedAt),
);
