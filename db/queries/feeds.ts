import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { articleAuthors, articles, articleTags, pages, sections, tags, users } from '../schema';
import { qualified } from './qualified';
import { articleIsVisible } from './visibility';

/** Reader-side reads for RSS and sitemaps. Like every reader query, visibility is in the WHERE clause. */

export interface FeedItemDTO {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  bodyHtml: string;
  publishedAt: string;
  updatedAt: string;
  sectionId: number;
  byline: string;
  authorNames: string[];
  locale: string;
}

export interface SitemapArticleDTO {
  id: number;
  slug: string;
  title: string;
  locale: string;
  publishedAt: string;
  updatedAt: string;
}

export interface SitemapStaticDTO {
  sections: { slug: string }[];
  pages: { slug: string; updatedAt: string }[];
  tags: { slug: string }[];
}

const iso = (value: Date | string | null): string => (value === null ? new Date(0).toISOString() : new Date(value).toISOString());

export async function listFeedItems(db: Database, filter: { sectionIds?: number[] }, limit: number): Promise<FeedItemDTO[]> {
  const authorNames = sql<string[] | null>`(
    select array_agg(${users.name} order by ${articleAuthors.sortOrder})
    from ${articleAuthors} join ${users} on ${qualified(users, 'id')} = ${articleAuthors.userId}
    where ${articleAuthors.articleId} = ${qualified(articles, 'id')})`;
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      excerpt: articles.excerpt,
      bodyHtml: articles.bodyHtml,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      sectionId: articles.sectionId,
      byline: articles.byline,
      locale: articles.locale,
      authorNames,
    })
    .from(articles)
    .where(and(articleIsVisible, filter.sectionIds ? inArray(articles.sectionId, filter.sectionIds.length ? filter.sectionIds : [-1]) : undefined))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, publishedAt: iso(r.publishedAt), updatedAt: iso(r.updatedAt), authorNames: r.authorNames ?? [] }));
}

const sitemapColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  locale: articles.locale,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
};

function toSitemapArticle(row: { id: number; slug: string; title: string; locale: string; publishedAt: Date | null; updatedAt: Date }): SitemapArticleDTO {
  return { ...row, publishedAt: iso(row.publishedAt), updatedAt: iso(row.updatedAt) };
}

export async function countSitemapArticles(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(articles).where(articleIsVisible);
  return Number(row?.n ?? 0);
}

/** One file of the article sitemap, in id order so that a file's contents stay put as stories are added. */
export async function listSitemapArticles(db: Database, offset: number, limit: number): Promise<SitemapArticleDTO[]> {
  const rows = await db.select(sitemapColumns).from(articles).where(articleIsVisible).orderBy(asc(articles.id)).limit(limit).offset(offset);
  return rows.map(toSitemapArticle);
}

/** Google News sitemaps list stories of the last two days only. */
export async function listNewsSitemapArticles(db: Database, since: Date, limit: number): Promise<SitemapArticleDTO[]> {
  const rows = await db
    .select(sitemapColumns)
    .from(articles)
    .where(and(articleIsVisible, gte(articles.publishedAt, since)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map(toSitemapArticle);
}

/** Sections, published static pages, and tags that have at least one visible story. */
export async function listSitemapStatic(db: Database): Promise<SitemapStaticDTO> {
  const [sectionRows, pageRows, tagRows] = await Promise.all([
    db.select({ slug: sections.slug }).from(sections).orderBy(asc(sections.sortOrder), asc(sections.id)),
    db.select({ slug: pages.slug, updatedAt: pages.updatedAt }).from(pages).where(eq(pages.status, 'published')).orderBy(asc(pages.sortOrder), asc(pages.id)),
    db
      .select({ slug: tags.slug })
      .from(tags)
      .where(sql`exists (select 1 from ${articleTags} join ${articles} on ${qualified(articles, 'id')} = ${articleTags.articleId} where ${articleTags.tagId} = ${qualified(tags, 'id')} and ${articleIsVisible})`)
      .orderBy(asc(tags.id)),
  ]);
  return { sections: sectionRows, pages: pageRows.map((p) => ({ slug: p.slug, updatedAt: iso(p.updatedAt) })), tags: tagRows };
}
