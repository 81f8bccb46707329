import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { articleNotices, articles } from '../schema';
import type { CorrectionDTO, Paged } from './dto';
import { MAX_LIST_PAGES } from './public';
import { articleIsVisible } from './visibility';

// A literal, not a parameter: a prepared statement's generic plan can use the partial index only so.
const isShownCorrection = and(sql`${articleNotices.kind} = 'correction'`, articleIsVisible);
const newestFirst = [desc(articleNotices.createdAt), desc(articleNotices.id)];

/**
 * /corrections: the corrections of stories readers can see, newest first, a page at a time from
 * article_notices_corrections_idx, as deep as any other list (MAX_LIST_PAGES).
 */
export async function pageOfCorrections(db: Database, page: number, pageSize: number): Promise<Paged<CorrectionDTO>> {
  const pageable = MAX_LIST_PAGES * pageSize;
  const [counted] = await db
    .select({ n: count() })
    .from(
      db
        .select({ one: sql`1` })
        .from(articleNotices)
        .innerJoin(articles, eq(articles.id, articleNotices.articleId))
        .where(isShownCorrection)
        // Ordered as the index is, so the count walks it and stops at the cap instead of joining everything.
        .orderBy(...newestFirst)
        .limit(pageable + 1)
        .as('c'),
    );
  const n = Number(counted?.n ?? 0);
  const total = Math.min(n, pageable);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const rows =
    page > pageCount
      ? []
      : await db
          .select({ id: articleNotices.id, note: articleNotices.note, at: articleNotices.createdAt, articleId: articles.id, slug: articles.slug, title: articles.title })
          .from(articleNotices)
          .innerJoin(articles, eq(articles.id, articleNotices.articleId))
          .where(isShownCorrection)
          .orderBy(...newestFirst)
          .limit(pageSize)
          .offset((page - 1) * pageSize);
  const items = rows.map((r) => ({ id: r.id, note: r.note, at: r.at.toISOString(), article: { id: r.articleId, slug: r.slug, title: r.title } }));
  return { items, total, page, pageSize, pageCount, ...(n > pageable ? { capped: true } : {}) };
}
