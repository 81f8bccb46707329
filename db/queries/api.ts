import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { articleAuthors, articles, articleTags, tags, users } from '../schema';
import type { ArticleCardDTO, AuthorDTO, TagDTO } from './dto';
import { authorColumns, cardColumns, creditedOnVisibleStory, toCard } from './public';
import { articleIsVisible } from './visibility';

/**
 * Queries of the public Content API (/api/v1, issue 12). Same rule as the reader site: every
 * article query carries `articleIsVisible`; the article itself comes from `getArticle` in public.ts.
 *
 * Lists page by keyset over `(published_at, id)` descending, never by OFFSET, so any page of the
 * archive costs the same: one range of the index that orders the list (docs/decisions/0008).
 */

export interface ApiArticleFilter {
  /** A section and its subsections (as the reader's section pages roll them up). */
  sectionIds?: number[];
  tagId?: number;
  authorId?: number;
  /** Inclusive. */
  publishedAfter?: Date;
  /** Exclusive. */
  publishedBefore?: Date;
  /** Words, Chinese or English, matched by the reader search's index (search_vector): newest first, as every list here. */
  search?: string;
}

/** The last row of a page: `at` is published_at as PostgreSQL prints it (microseconds kept). */
export interface KeysetCursor {
  at: string;
  id: number;
}

export interface KeysetPage {
  items: ArticleCardDTO[];
  /** The cursor of the page after this one, or null on the last page. */
  next: KeysetCursor | null;
}

type Link = typeof articleTags | typeof articleAuthors;

/**
 * The next `limit` stories of the list as `(id, published_at)`, read from the index that orders it:
 * a tag's or an author's listing index, each section's index (a LATERAL per section), or the whole
 * archive's. Other filters narrow the same range read (so the LIMIT counts only matching stories).
 */
function keysetSource(filter: ApiArticleFilter, after: KeysetCursor | null, limit: number): SQL {
  const byLink = (link: Link, key: typeof articleTags.tagId | typeof articleAuthors.userId, id: number, rest: ApiArticleFilter) =>
    sql`select ${link.articleId} as id, ${link.publishedAt} as published_at from ${link}
      where ${and(eq(key, id), sql`${link.listed}`, sql`${link.publishedAt} <= now()`, ...narrowing(link.publishedAt, link.articleId, rest, after))}
      order by ${link.publishedAt} desc, ${link.articleId} desc limit ${limit}`;
  const { tagId, authorId, sectionIds, ...dates } = filter;
  if (tagId !== undefined) return byLink(articleTags, articleTags.tagId, tagId, { authorId, sectionIds, ...dates });
  if (authorId !== undefined) return byLink(articleAuthors, articleAuthors.userId, authorId, { sectionIds, ...dates });
  // Unqualified names inside a subquery bind to its own `articles`, not the outer query's.
  const newest = (where?: SQL) => sql`select ${articles.id} as id, ${articles.publishedAt} as published_at from ${articles}
    where ${and(articleIsVisible, where, ...narrowing(articles.publishedAt, articles.id, dates, after))}
    order by ${articles.publishedAt} desc, ${articles.id} desc limit ${limit}`;
  if (!sectionIds) return newest();
  return sql`select x.id, x.published_at from unnest(${`{${(sectionIds.length ? sectionIds : [-1]).join(',')}}`}::int[]) as s(id)
    cross join lateral (${newest(sql`${articles.sectionId} = s.id`)}) x`;
}

/** Date range, keyset position and the filters the chosen index does not order by. */
function narrowing(publishedAt: AnyPgColumn, id: AnyPgColumn, filter: ApiArticleFilter, after: KeysetCursor | null): (SQL | undefined)[] {
  const linked = (link: Link, key: typeof articleTags.tagId | typeof articleAuthors.userId, value: number) =>
    sql`${id} in (select ${link.articleId} from ${link} where ${eq(key, value)})`;
  return [
    filter.publishedAfter ? gte(publishedAt, filter.publishedAfter) : undefined,
    filter.publishedBefore ? lt(publishedAt, filter.publishedBefore) : undefined,
    // A row comparison: one probe of the index, which is in the same (descending) order.
    after ? sql`(${publishedAt}, ${id}) < (${after.at}::timestamptz, ${after.id}::int)` : undefined,
    filter.tagId !== undefined ? linked(articleTags, articleTags.tagId, filter.tagId) : undefined,
    filter.authorId !== undefined ? linked(articleAuthors, articleAuthors.userId, filter.authorId) : undefined,
    filter.sectionIds ? sql`${id} in (select ${articles.id} from ${articles} where ${inArray(articles.sectionId, filter.sectionIds.length ? filter.sectionIds : [-1])})` : undefined,
    // The matching stories from the GIN index (articles_search_idx), then ordered like the rest.
    filter.search ? sql`${id} in (select m.id from ${articles} m where m.search_vector @@ gazette_search_query(${filter.search}))` : undefined,
  ];
}

/** One page of a list, newest first, after the cursor (or from the top without one). */
export async function keysetPageOfArticles(db: Database, filter: ApiArticleFilter, after: KeysetCursor | null, limit: number): Promise<KeysetPage> {
  const source = keysetSource(filter, after, limit + 1);
  const rows = await db
    .select({ ...cardColumns, cursorAt: sql<string>`${articles.publishedAt}::text` })
    .from(articles)
    .where(and(articleIsVisible, sql`${articles.id} in (select k.id from (${source}) k order by k.published_at desc, k.id desc limit ${limit + 1})`))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _at, ...card }) => toCard(card)),
    next: rows.length > limit && last ? { at: last.cursorAt, id: last.id } : null,
  };
}

/** The id of the visible story with this slug, or null (articles_slug_key). */
export async function getVisibleArticleIdBySlug(db: Database, slug: string): Promise<number | null> {
  const [row] = await db.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, slug), articleIsVisible));
  return row?.id ?? null;
}

/** The structured body (the editor's JSON) of a story a reader may see, or null. */
export async function getVisibleBodyJson(db: Database, id: number): Promise<{ bodyJson: unknown } | null> {
  const [row] = await db.select({ bodyJson: articles.bodyJson }).from(articles).where(and(eq(articles.id, id), articleIsVisible));
  return row ?? null;
}

export async function listTags(db: Database): Promise<TagDTO[]> {
  return db.select({ id: tags.id, slug: tags.slug, name: tags.name, description: tags.description }).from(tags).orderBy(asc(tags.slug));
}

/** Everyone credited on a story readers can see, by slug (staff are a few hundred at most). */
export async function listAuthors(db: Database): Promise<AuthorDTO[]> {
  return db.select(authorColumns).from(users).where(creditedOnVisibleStory()).orderBy(asc(users.slug));
}
