import type { SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { demoArticles } from '@/services/seed/demo-content';

/** Rows of a raw query: postgres.js returns an array, PGlite `{ rows }`. */
export async function rows<T = Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** What a reader may see of the demo content right now, by the same rule as `articleIsVisible`. */
export function demoArticleIsVisible(a: (typeof demoArticles)[number], now = Date.now()): boolean {
  const status = a.status ?? 'published';
  return (status === 'published' || status === 'scheduled') && Date.parse(a.publishedAt) <= now;
}

export const visibleDemoArticles = () => demoArticles.filter((a) => demoArticleIsVisible(a));
