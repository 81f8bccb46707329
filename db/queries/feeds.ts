import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { articleAuthors, articleNotices, articles, articleTags, media, pages, sections, tags, topicArticles, users, type MediaVariant } from '../schema';
import type { ArticleNoticeDTO } from './dto';
import { mediaUrl } from '../../domain/media/names';
import { renderInfoOf } from '../../domain/media/render-info';
import { editorCredit } from '../../domain/attribution';
import { linkedIds } from './public';
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
  /** 责任编辑, resolved; '' for none. */
  editor: string;
  /** Its corrections and significant updates, oldest first; the last one's time is `updatedAt`. */
  notices: ArticleNoticeDTO[];
  locale: string;
  /** The cover from the library as a feed enclosure (its 1200×630 social crop when there is one); site-relative URL. */
  cover: { url: string; type: string; bytes: number } | null;
}

export interface SitemapArticleDTO {
  id: number;
  slug: string;
  title: string;
  locale: string;
  publishedAt: string;
  updatedAt: string;
}

/** A listing page in the sitemap: its slug and when its newest visible story appeared (null: none yet). */
export interface SitemapListDTO {
  slug: string;
  lastModified: string | null;
}

export interface SitemapStaticDTO {
  sections: SitemapListDTO[];
  pages: { slug: string; updatedAt: string }[];
  tags: SitemapListDTO[];
  authors: SitemapListDTO[];
}

const iso = (value: Date | string | null): string => (value === null ? new Date(0).toISOString() : new Date(value).toISOString());

/** Whose stories a feed carries: the whole site, sections (a section with its subsections), a tag or an author. */
export interface FeedFilter {
  sectionIds?: number[];
  tagId?: number;
  authorId?: number;
  /** A topic's stories (专题; a few hundred at most, by topic_articles_order_idx). */
  topicId?: number;
}

/**
 * The newest `limit` visible stories of a feed. A tag's or an author's are picked from its listing
 * index (`limit` entries of it, as on the tag and author pages), never by joining every story.
 */
export async function listFeedItems(db: Database, filter: FeedFilter, limit: number): Promise<FeedItemDTO[]> {
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
      editorName: articles.editorName,
      notices: sql<{ id: number; kind: ArticleNoticeDTO['kind']; note: string; at: string }[] | null>`(
        select json_agg(json_build_object('id', n.id, 'kind', n.kind, 'note', n.note, 'at', n.created_at) order by n.created_at, n.id)
        from ${articleNotices} n where n.article_id = ${qualified(articles, 'id')})`,
      publishedByName: sql<string | null>`(select ${users.name} from ${users} where ${qualified(users, 'id')} = ${qualified(articles, 'published_by_id')})`,
      coverKey: media.storageKey,
      coverType: media.mimeType,
      coverBytes: media.bytes,
      coverVariants: media.variants,
    })
    .from(articles)
    .leftJoin(media, and(eq(media.id, articles.coverMediaId), eq(media.status, 'ready')))
    .where(
      and(
        articleIsVisible,
        filter.sectionIds ? inArray(articles.sectionId, filter.sectionIds.length ? filter.sectionIds : [-1]) : undefined,
        filter.tagId !== undefined ? inArray(articles.id, linkedIds(articleTags, articleTags.tagId, filter.tagId, limit)) : undefined,
        filter.authorId !== undefined ? inArray(articles.id, linkedIds(articleAuthors, articleAuthors.userId, filter.authorId, limit)) : undefined,
        filter.topicId !== undefined ? inArray(articles.id, sql`(select ${topicArticles.articleId} from ${topicArticles} where ${topicArticles.topicId} = ${filter.topicId})`) : undefined,
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map(({ coverKey, coverType, coverBytes, coverVariants, editorName, publishedByName, notices, ...r }) => {
    const listed = (notices ?? []).map((n) => ({ ...n, at: iso(n.at) }));
    return {
    ...r,
    editor: editorCredit(editorName, publishedByName),
    notices: listed,
    publishedAt: iso(r.publishedAt),
    // A feed reader shows a story again when it changes: only a correction or significant update does.
    updatedAt: listed.at(-1)?.at ?? iso(r.publishedAt),
    authorNames: r.authorNames ?? [],
    cover: coverKey && coverType ? enclosureOf(coverKey, coverType, coverBytes ?? 0, coverVariants ?? []) : null,
    };
  });
}

function enclosureOf(storageKey: string, mimeType: string, bytes: number, variants: MediaVariant[]): FeedItemDTO['cover'] {
  const og = variants.find((v) => v.role === 'og');
  if (og) return { url: mediaUrl(og.key), type: `image/${og.format}`, bytes: og.bytes };
  return { url: renderInfoOf({ storageKey, mimeType, width: 0, height: 0, variants: [] }).src, type: mimeType, bytes };
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

/**
 * The highest id of a visible story: the article sitemap files split the id range, so their number
 * comes from one step down the primary key, not from counting the archive.
 */
export async function lastSitemapArticleId(db: Database): Promise<number> {
  const [row] = await db.select({ id: articles.id }).from(articles).where(articleIsVisible).orderBy(desc(articles.id)).limit(1);
  return row?.id ?? 0;
}

/**
 * One file of the article sitemap: the visible stories with ids in (afterId, afterId + span], a
 * primary-key range read whatever the archive's size. A file's contents stay put as stories are
 * added; one may hold fewer than `span` entries where stories were deleted or never published.
 */
export async function listSitemapArticles(db: Database, afterId: number, span: number): Promise<SitemapArticleDTO[]> {
  const rows = await db
    .select(sitemapColumns)
    .from(articles)
    .where(and(articleIsVisible, gt(articles.id, afterId), lte(articles.id, afterId + span)))
    .orderBy(asc(articles.id));
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
  // Each list's newest story: the first entry of the index that orders it (one probe per list).
  const newestInSection = sql<Date | null>`(select a.published_at from ${articles} a
    where a.section_id = ${qualified(sections, 'id')} and a.status in ('published', 'scheduled') and a.deleted_at is null and a.published_at <= now()
    order by a.published_at desc limit 1)`;
  const newestLinked = (link: typeof articleTags | typeof articleAuthors, key: SQL) => sql<Date | null>`(select l.published_at from ${link} l
    where l.${sql.raw(link === articleTags ? 'tag_id' : 'user_id')} = ${key} and l.listed and l.published_at <= now()
    order by l.published_at desc limit 1)`;
  const [sectionRows, pageRows, tagRows, authorRows] = await Promise.all([
    db.select({ slug: sections.slug, newest: newestInSection }).from(sections).orderBy(asc(sections.sortOrder), asc(sections.id)),
    db.select({ slug: pages.slug, updatedAt: pages.updatedAt }).from(pages).where(eq(pages.status, 'published')).orderBy(asc(pages.sortOrder), asc(pages.id)),
    db.select({ slug: tags.slug, newest: newestLinked(articleTags, qualified(tags, 'id')) }).from(tags).orderBy(asc(tags.id)),
    db.select({ slug: users.slug, newest: newestLinked(articleAuthors, qualified(users, 'id')) }).from(users).orderBy(asc(users.id)),
  ]);
  const lists = (rows: { slug: string; newest: Date | string | null }[]) => rows.map((r) => ({ slug: r.slug, lastModified: r.newest === null ? null : iso(r.newest) }));
  return {
    sections: lists(sectionRows),
    pages: pageRows.map((p) => ({ slug: p.slug, updatedAt: iso(p.updatedAt) })),
    // A tag or an author without a visible story has no public page (404): not listed.
    tags: lists(tagRows).filter((t) => t.lastModified !== null),
    authors: lists(authorRows).filter((a) => a.lastModified !== null),
  };
}
