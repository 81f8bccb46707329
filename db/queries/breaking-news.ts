import 'server-only';
import { and, desc, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { breakingNews } from '../schema';

export interface BreakingNewsDTO {
  id: number;
  text: string;
  href: string | null;
  expiresAt: string;
}

export const breakingColumns = { id: breakingNews.id, text: breakingNews.text, href: breakingNews.href, expiresAt: breakingNews.expiresAt };
export const toBreakingDto = (row: { id: number; text: string; href: string | null; expiresAt: Date }): BreakingNewsDTO => ({ ...row, expiresAt: row.expiresAt.toISOString() });
const current = and(isNull(breakingNews.endedAt), gt(breakingNews.expiresAt, sql`now()`));

/** The banner readers see now, if any (one index probe on the partial index). */
export async function getCurrentBreakingNews(db: Database): Promise<BreakingNewsDTO | null> {
  const [row] = await db.select(breakingColumns).from(breakingNews).where(current).orderBy(desc(breakingNews.id)).limit(1);
  return row ? toBreakingDto(row) : null;
}

