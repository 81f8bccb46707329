import { withTx } from '../tx';
import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { articles } from '../schema';
import type { ArticleCardDTO, Paged } from './dto';
import { cardColumns, toCard } from './public';
import { articleIsVisible } from './visibility';
import { cleanSearchQuery } from '../../domain/search/query';

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
 * drizzle/0006), all terms required; title matches first (then subtitle), then newest. The query is
 * parsed by the same SQL functions that indexed the stories; a query with nothing searchable finds
 * nothing. A few bounded index reads, whatever the archive's size or the number of matches
 * (docs/decisions/0007-search-at-scale.md): a count that stops at SEARCH_COUNT_CAP + 1, a page that
 * never ranks every match nor reads a body, and the page's rows fetched by id with the start of
 * their bodies.
 */
export async function searchArticles(db: Database, query: string, page: number, pageSize: number): Promise<SearchPage> {
  const text = cleanSearchQuery(query);
  return withTx(db, async (t) => {
    await applySearchSettings(t);
    // The count from the GIN index alone: a plain index scan would test (and read) every story's
    // search_vector until 1,001 match.
    await t.execute(sql`set local enable_indexscan = off`);
    const [head] = await searchCountStatement(t, text);
    await t.execute(sql`set local enable_indexscan = on`);
    const matches = Number(head?.n ?? 0);
    const capped = matches > SEARCH_COUNT_CAP;
    const total = Math.min(matches, SEARCH_COUNT_CAP);
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const stems = head?.stems ?? [];
    if (!total || page > pageCount) return { items: [], total, capped, stems, page, pageSize, pageCount };
    const rows = await searchPageStatement(t, text, pageSize, (page - 1) * pageSize, capped);
    return { items: rows.map((row) => ({ ...toCard(row), bodyStart: row.bodyStart })), total, capped, stems, page, pageSize, pageCount };
  });
}

/**
 * For the search's transaction only (SET LOCAL): a time limit; custom plans, so that each search is
 * planned for its own terms; and no sequential scan, since PostgreSQL does not price reading a
 * story's out-of-line search_vector and would pick a scan that reads them all for a common word.
 */
export async function applySearchSettings(tx: Database): Promise<void> {
  await tx.execute(sql.raw(`set local statement_timeout = ${SEARCH_TIMEOUT_MS}`));
  await tx.execute(sql`set local plan_cache_mode = force_custom_plan`);
  await tx.execute(sql`set local enable_seqscan = off`);
}

const tsquery = (text: string) => sql`gazette_search_query(${text})`;

/** How many visible stories match, up to SEARCH_COUNT_CAP + 1, and the English stems of the query's words. */
export function searchCountStatement(db: Database, text: string) {
  return db
    .select({
      n: count(),
      stems: sql<string[] | null>`(select array_agg(distinct s) from gazette_search_runs(left(${text}, 200)) r, unnest(gazette_search_stems(left(r.piece, 64))) s where r.is_word)`,
    })
    .from(
      db
        .select({ one: sql`1` })
        .from(articles)
        .where(and(articleIsVisible, sql`${articles.searchVector} @@ ${tsquery(text)}`))
        .limit(SEARCH_COUNT_CAP + 1)
        .as('matches'),
    );
}

/**
 * One page of matches, best first, without ranking every match. Two reads of offset + limit rows:
 * the stories with all the terms in their title or subtitle (`search_head`, small, its own GIN
 * index), by ts_rank with the weights; and all matches newest first. Merged by id (a head match
 * keeps its rank), they hold the page: head matches first, then the others by date. For a common
 * query (`common`: more than SEARCH_COUNT_CAP matches), the second read walks the visibility index
 * newest first and tests each story (`ts_match_vq` rather than `@@`, so the GIN index is not
 * chosen), stopping at the page's end: a good fraction of the stories it passes match, so the walk
 * is short. Otherwise it takes all the matches (at most SEARCH_COUNT_CAP) from the GIN index, with
 * no order or limit that could tempt the planner into the walk, which for a rare query would pass
 * the whole archive.
 */
export function searchPageStatement(db: Database, text: string, limit: number, offset: number, common: boolean) {
  const q = tsquery(text);
  const headHits = db
    .select({ id: articles.id, rank: sql<number>`ts_rank(${articles.searchHead}, ${q})`.as('rank'), publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(articleIsVisible, sql`${articles.searchHead} @@ ${q}`))
    .orderBy(desc(sql`rank`), desc(articles.publishedAt), desc(articles.id))
    .limit(offset + limit);
  const allHits = db.select({ id: articles.id, rank: sql<number>`0::real`.as('rank'), publishedAt: articles.publishedAt }).from(articles);
  const newestHits = common
    ? allHits
        .where(and(articleIsVisible, sql`ts_match_vq(${articles.searchVector}, ${q})`))
        .orderBy(desc(articles.publishedAt), desc(articles.id))
        .limit(offset + limit)
    : allHits.where(and(articleIsVisible, sql`${articles.searchVector} @@ ${q}`));
  const union = unionAll(headHits, newestHits).as('hits');
  // The page's ids first, then their rows: bodies are read for these rows only.
  const best = sql<number>`max(${union.rank})`;
  const page = db
    .select({ id: union.id, rank: best.as('best'), publishedAt: union.publishedAt })
    .from(union)
    .groupBy(union.id, union.publishedAt)
    .orderBy(desc(best), desc(union.publishedAt), desc(union.id))
    .limit(limit)
    .offset(offset)
    .as('page');
  return db
    .select({ ...cardColumns, bodyStart: sql<string>`left(${articles.bodyText}, 1500)` })
    .from(page)
    .innerJoin(articles, eq(articles.id, page.id))
    .orderBy(desc(page.rank), desc(page.publishedAt), desc(articles.id));
}
