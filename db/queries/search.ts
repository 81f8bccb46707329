import 'server-only';
import { and, count, desc, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { articles } from '../schema';
import type { ArticleCardDTO, Paged } from './dto';
import { cardColumns, toCard } from './public';
import { articleIsVisible } from './visibility';
import { cleanSearchQuery } from '../../lib/search/query';

export interface SearchHitDTO extends ArticleCardDTO {
  /** The start of the plain-text body, for a snippet around the first match. */
  bodyStart: string;
}

/**
 * Reader search over visible stories: CJK bigrams and word prefixes (drizzle/0003), all terms
 * required, best matches first (title over excerpt over body), then newest. The query is parsed by
 * the same SQL function that indexed the stories; a query with nothing searchable finds nothing.
 */
export async function searchArticles(db: Database, query: string, page: number, pageSize: number): Promise<Paged<SearchHitDTO>> {
  const tsquery = sql`gazette_search_query(${cleanSearchQuery(query)})`;
  const where = and(articleIsVisible, sql`${articles.searchVector} @@ ${tsquery}`);
  const [totalRow] = await db.select({ n: count() }).from(articles).where(where);
  const total = Number(totalRow?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (!total || page > pageCount) return { items: [], total, page, pageSize, pageCount };
  const rows = await db
    .select({ ...cardColumns, bodyStart: sql<string>`left(${articles.bodyText}, 1500)` })
    .from(articles)
    .where(where)
    .orderBy(desc(sql`ts_rank(${articles.searchVector}, ${tsquery})`), desc(articles.publishedAt), desc(articles.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map((row) => ({ ...toCard(row), bodyStart: row.bodyStart })), total, page, pageSize, pageCount };
}
