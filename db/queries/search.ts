import 'server-only';
import { and, count, desc, eq, not, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { articles } from '../schema';
import type { ArticleCardDTO, Paged } from './dto';
import { cardColumns, toCard } from './public';
import { articleIsVisible } from './visibility';
import { cleanSearchQuery } from '../../lib/search/query';

/** Matches counted exactly up to here; past it a search reports "1,000+" and pages stop there. */
export const SEARCH_COUNT_CAP = 1000;

/** A reader search must never hold a connection for long, whatever the query. */
const SEARCH_TIMEOUT_MS = 3000;

export interface SearchHitDTO extends ArticleCardDTO {
  /** The start of the plain-text body, for a snippet around the first match. */
  bodyStart: string;
}

export interface SearchPage extends Paged<SearchHitDTO> {
  /** More than SEARCH_COUNT_CAP stories match: `total` is the cap, and only its pages are served. */
  capped: boolean;
  /** The English stems the query also matched on ('publish' for `publishing`), for highlighting. */
  stems: string[];
}

/**
 * Reader search over visible stories: CJK bigrams, word prefixes and English stems (drizzle/0003,
 * drizzle/0006), all terms required; title matches first (then subtitle and excerpt), then newest.
 * The query is parsed by the same SQL functions that indexed the stories; a query with nothing
 * searchable finds nothing. Three index-bound steps, whatever the archive's size
 * (docs/decisions/0007-search-at-scale.md): a count that stops at SEARCH_COUNT_CAP + 1, a ranking
 * that reads only the small `search_head` of each match (never the body or the full vector), and
 * the page's rows fetched by id with the start of their bodies.
 */
export async function searchArticles(db: Database, query: string, page: number, pageSize: number): Promise<SearchPage> {
  const text = cleanSearchQuery(query);
  return db.transaction(async (tx) => {
    // Bounds this search only (SET LOCAL ends with the transaction).
    await tx.execute(sql.raw(`set local statement_timeout = ${SEARCH_TIMEOUT_MS}`));
    // Plan each search for its own terms: a plan cached for one query (a rare phrase: read the
    // index) would be wrong for the next (a common word: walk the newest stories).
    await tx.execute(sql`set local plan_cache_mode = force_custom_plan`);
    const [head] = await searchCountStatement(tx as unknown as Database, text);
    const matches = Number(head?.n ?? 0);
    const capped = matches > SEARCH_COUNT_CAP;
    const total = Math.min(matches, SEARCH_COUNT_CAP);
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const stems = head?.stems ?? [];
    if (!total || page > pageCount) return { items: [], total, capped, stems, page, pageSize, pageCount };
    const rows = await searchPageStatement(tx as unknown as Database, text, pageSize, (page - 1) * pageSize);
    return { items: rows.map((row) => ({ ...toCard(row), bodyStart: row.bodyStart })), total, capped, stems, page, pageSize, pageCount };
  });
}

const matching = (text: string) => and(articleIsVisible, sql`${articles.searchVector} @@ gazette_search_query(${text})`);

/** How many visible stories match, up to SEARCH_COUNT_CAP + 1, and the English stems of the query's words. */
export function searchCountStatement(db: Database, text: string) {
  return db
    .select({
      n: count(),
      stems: sql<string[] | null>`(select array_agg(distinct s) from gazette_search_runs(left(${text}, 200)) r, unnest(gazette_search_stems(left(r.piece, 64))) s where r.is_word)`,
    })
    .from(db.select({ one: sql`1` }).from(articles).where(matching(text)).limit(SEARCH_COUNT_CAP + 1).as('matches'));
}

/**
 * One page of matches, best first, without ranking every match: the stories whose title, subtitle
 * and excerpt hold all the terms (`search_head`, small, with its own index), ranked by ts_rank with
 * the weights; then the others, newest first, which PostgreSQL can read straight down the
 * visibility index (published_at) when the terms are common, stopping at the page's end. Each
 * branch keeps only offset + limit rows; the page's rows are then fetched by id with the start of
 * their bodies.
 */
export function searchPageStatement(db: Database, text: string, limit: number, offset: number) {
  const tsquery = sql`gazette_search_query(${text})`;
  const inHead = sql`${articles.searchHead} @@ ${tsquery}`;
  const headHits = db
    .select({ id: articles.id, rank: sql<number>`ts_rank(${articles.searchHead}, ${tsquery})`.as('rank'), publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(articleIsVisible, inHead))
    .orderBy(desc(sql`rank`), desc(articles.publishedAt), desc(articles.id))
    .limit(offset + limit);
  const bodyHits = db
    .select({ id: articles.id, rank: sql<number>`0::real`.as('rank'), publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(matching(text), not(inHead)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(offset + limit);
  const hits = unionAll(headHits, bodyHits).as('hits');
  return db
    .select({ ...cardColumns, bodyStart: sql<string>`left(${articles.bodyText}, 1500)` })
    .from(hits)
    .innerJoin(articles, eq(articles.id, hits.id))
    .orderBy(desc(hits.rank), desc(hits.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset);
}
