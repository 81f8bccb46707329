import 'server-only';
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { articleAttachments, articleAuthors, articleNotices, articles, topicArticles, topics, articleTags, media, redirects, sections, siteSettings, tags, users } from '../schema';
import { renderInfoOf } from './media-render';
import { editorCredit } from '../../domain/attribution';
import type {
  ArticleCardDTO,
  ArticleNoticeDTO,
  ArticleDTO,
  AuthorDTO,
  Paged,
  PersonDTO,
  SectionDTO,
  SiteSettingsDTO,
  TagDTO,
} from './dto';
import { qualified } from './qualified';
import { attachmentPath } from '../../domain/urls';
import type { DocumentKind } from '../../domain/media/document-kind';
import { articleIsVisible } from './visibility';

/** Reader-side queries. Every article query carries `articleIsVisible` in its WHERE clause. */

export const DEFAULT_SETTINGS: SiteSettingsDTO = {
  name: 'Gazette',
  tagline: '',
  hotline: '',
  logoUrl: null,
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  footerText: '',
  icp: '',
  policeFiling: '',
  reprintTemplate: '转载请标注：{site}——{title}',
  feedFullText: true,
  nav: [],
};

/** The site's settings as readers see them (the admin's edit read adds its version, updatedAt). */
export const settingsColumns = {
  name: siteSettings.name,
  tagline: siteSettings.tagline,
  hotline: siteSettings.hotline,
  logoUrl: siteSettings.logoUrl,
  locale: siteSettings.locale,
  timeZone: siteSettings.timeZone,
  footerText: siteSettings.footerText,
  icp: siteSettings.icp,
  policeFiling: siteSettings.policeFiling,
  reprintTemplate: siteSettings.reprintTemplate,
  feedFullText: siteSettings.feedFullText,
  nav: siteSettings.nav,
};

export async function getSiteSettings(db: Database): Promise<SiteSettingsDTO> {
  const [row] = await db
    .select(settingsColumns)
    .from(siteSettings)
    .where(eq(siteSettings.id, 1));
  return row ?? DEFAULT_SETTINGS;
}

export const sectionColumns = {
  id: sections.id,
  parentId: sections.parentId,
  slug: sections.slug,
  title: sections.title,
  description: sections.description,
  seoTitle: sections.seoTitle,
  seoDescription: sections.seoDescription,
  sortOrder: sections.sortOrder,
};

export async function listSections(db: Database): Promise<SectionDTO[]> {
  return db
    .select(sectionColumns)
    .from(sections)
    .orderBy(asc(sections.sortOrder), asc(sections.id));
}

export const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  excerpt: articles.excerpt,
  publishedAt: articles.publishedAt,
  sectionId: articles.sectionId,
  coverImageUrl: articles.coverImageUrl,
  coverImageAlt: articles.coverImageAlt,
  viewCount: articles.viewCount,
  byline: articles.byline,
  locale: articles.locale,
  featured: articles.featured,
  pinned: articles.pinned,
};

type CardRow = { publishedAt: Date | string | null } & Omit<ArticleCardDTO, 'publishedAt'>;

export function toIso(value: Date | string | null): string {
  if (value === null) return new Date(0).toISOString();
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toCard(row: CardRow): ArticleCardDTO {
  return { ...row, viewCount: Number(row.viewCount), publishedAt: toIso(row.publishedAt) };
}

export interface ArticleListFilter {
  sectionIds?: number[];
  tagId?: number;
  authorId?: number;
  excludeIds?: number[];
}

/**
 * Lists page by number up to here and no further: an OFFSET costs what it skips, so a bounded
 * depth keeps every list page an index read of at most this many rows, whatever the archive's
 * size. Older stories stay reachable through the sitemaps (crawlers), search and the story pages'
 * previous/next links. See docs/decisions/0008-archive-scale.md.
 */
export const MAX_LIST_PAGES = 100;

function listCondition(filter: ArticleListFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [articleIsVisible];
  if (filter.sectionIds) conditions.push(inArray(articles.sectionId, filter.sectionIds.length ? filter.sectionIds : [-1]));
  if (filter.tagId !== undefined) conditions.push(inArray(articles.id, linkedIds(articleTags, articleTags.tagId, filter.tagId)));
  if (filter.authorId !== undefined) conditions.push(inArray(articles.id, linkedIds(articleAuthors, articleAuthors.userId, filter.authorId)));
  if (filter.excludeIds?.length) conditions.push(sql`${articles.id} not in ${filter.excludeIds}`);
  return and(...conditions);
}

type Link = typeof articleTags | typeof articleAuthors;
type LinkKey = typeof articleTags.tagId | typeof articleAuthors.userId;

/** The listed stories of one tag or author as `(id, published_at)`, newest first (`*_listed_idx`). */
function linkedRows(link: Link, key: LinkKey, id: number | SQL, limit?: number): SQL {
  const newest = sql`select ${link.articleId} as id, ${link.publishedAt} as published_at from ${link}
    where ${key} = ${id} and ${link.listed} and ${link.publishedAt} <= now()
    order by ${link.publishedAt} desc, ${link.articleId} desc`;
  return limit === undefined ? newest : sql`${newest} limit ${limit}`;
}

export function linkedIds(link: Link, key: LinkKey, id: number | SQL, limit?: number): SQL {
  return sql`(select l.id from (${linkedRows(link, key, id, limit)}) l)`;
}

/**
 * The first `depth` stories of a list as `(id, published_at)` rows, read from the index that orders
 * that list, so that a page, its count and its offset never touch more than `depth` index entries
 * per source and no article row but the page's own: the whole archive newest first, a tag's or an
 * author's links, or each section's newest (a LATERAL per section, so that a parent rolls up its
 * subsections without sorting all of their stories). Combinations of filters, which no reader page
 * uses, have no such path and are left to the planner.
 */
function listSource(filter: ArticleListFilter, depth: number): SQL | undefined {
  const { sectionIds, tagId, authorId, excludeIds } = filter;
  const filters = (sectionIds ? 1 : 0) + (tagId !== undefined ? 1 : 0) + (authorId !== undefined ? 1 : 0) + (excludeIds?.length ? 1 : 0);
  if (filters > 1) return undefined;
  if (tagId !== undefined) return linkedRows(articleTags, articleTags.tagId, tagId, depth);
  if (authorId !== undefined) return linkedRows(articleAuthors, articleAuthors.userId, authorId, depth);
  if (excludeIds?.length || sectionIds?.length === 0) return undefined;
  // Unqualified names inside a subquery bind to its own `articles`, not the outer query's.
  const newest = (where?: SQL) => sql`select ${articles.id} as id, ${articles.publishedAt} as published_at from ${articles}
    where ${and(articleIsVisible, where)} order by ${articles.publishedAt} desc, ${articles.id} desc limit ${depth}`;
  if (!sectionIds) return newest();
  return sql`select x.id, x.published_at from unnest(${`{${sectionIds.join(',')}}`}::int[]) as s(id)
    cross join lateral (${newest(sql`${articles.sectionId} = s.id`)}) x`;
}

export async function listArticles(
  db: Database,
  filter: ArticleListFilter,
  options: { limit: number; offset?: number },
): Promise<ArticleCardDTO[]> {
  const offset = options.offset ?? 0;
  const source = listSource(filter, offset + options.limit);
  // With an index path, the page's ids are picked from the index rows; only they reach articles.
  const where = source
    ? and(articleIsVisible, sql`${articles.id} in (select k.id from (${source}) k order by k.published_at desc, k.id desc limit ${options.limit} offset ${offset})`)
    : listCondition(filter);
  const rows = await db
    .select(cardColumns)
    .from(articles)
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit)
    .offset(source ? 0 : offset);
  return rows.map(toCard);
}

/** How many stories a list has, counting no further than `cap` (a list never pages deeper). */
export async function countArticles(db: Database, filter: ArticleListFilter, cap = Number.MAX_SAFE_INTEGER): Promise<number> {
  const source = listSource(filter, cap);
  const [row] = source
    ? await db.select({ n: count() }).from(sql`(select 1 from (${source}) k limit ${cap}) c`)
    : await db.select({ n: count() }).from(db.select({ one: sql`1` }).from(articles).where(listCondition(filter)).limit(cap).as('c'));
  return Number(row?.n ?? 0);
}

/**
 * One page of a list; a page past the end (or past MAX_LIST_PAGES) is reported through `pageCount`
 * so callers can 404. A list longer than it can page reports `capped` and the pageable total.
 */
export async function pageOfArticles(
  db: Database,
  filter: ArticleListFilter,
  page: number,
  pageSize: number,
): Promise<Paged<ArticleCardDTO>> {
  const pageable = MAX_LIST_PAGES * pageSize;
  const counted = await countArticles(db, filter, pageable + 1);
  const capped = counted > pageable;
  const total = Math.min(counted, pageable);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const items = page > pageCount ? [] : await listArticles(db, filter, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items, total, page, pageSize, pageCount, ...(capped ? { capped } : {}) };
}

/** A pin in effect: pinned, and its end (if any) still ahead. */
export const pinIsInEffect = sql`${articles.pinned} and (${articles.pinnedUntil} is null or ${articles.pinnedUntil} > now())`;

/**
 * The stories pinned (置顶) in some sections, newest first: they lead the section's first page
 * (articles_section_pinned_idx). A pin past its end is left out here at once; the timed work
 * unpins it for good (services/scheduled.ts).
 */
export async function getPinnedInSections(db: Database, sectionIds: number[], limit: number): Promise<ArticleCardDTO[]> {
  if (!sectionIds.length) return [];
  const rows = await db
    .select(cardColumns)
    .from(articles)
    .where(and(articleIsVisible, pinIsInEffect, inArray(articles.sectionId, sectionIds)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map(toCard);
}

/** Home lead: pinned first, then featured, then the newest. */
export async function getLeadStories(db: Database, limit: number): Promise<ArticleCardDTO[]> {
  const rows = await db
    .select(cardColumns)
    .from(articles)
    .where(articleIsVisible)
    .orderBy(desc(articles.pinned), desc(articles.featured), desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map(toCard);
}

export async function getMostRead(db: Database, limit: number): Promise<ArticleCardDTO[]> {
  const rows = await db
    .select(cardColumns)
    .from(articles)
    .where(articleIsVisible)
    .orderBy(desc(articles.viewCount), desc(articles.publishedAt))
    .limit(limit);
  return rows.map(toCard);
}

export async function getArticle(db: Database, id: number): Promise<ArticleDTO | null> {
  const [row] = await db
    .select({
      ...cardColumns,
      subtitle: articles.subtitle,
      bodyHtml: articles.bodyHtml,
      source: articles.source,
      editorName: articles.editorName,
      publishedByName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${qualified(articles, 'published_by_id')})`,
      coverCaption: articles.coverCaption,
      coverCredit: articles.coverCredit,
      // Its corrections and significant updates, oldest first, in the same round trip (article_notices_article_idx).
      noticeRows: sql<{ id: number; kind: ArticleNoticeDTO['kind']; note: string; at: string }[] | null>`(
        select json_agg(json_build_object('id', n.id, 'kind', n.kind, 'note', n.note, 'at', n.created_at) order by n.created_at, n.id)
        from ${articleNotices} n where n.article_id = ${qualified(articles, 'id')})`,
      // The published topics it belongs to (topic_articles_article_idx).
      topicRows: sql<{ slug: string; title: string }[] | null>`(
        select json_agg(json_build_object('slug', tp.slug, 'title', tp.title) order by tp.title)
        from ${topicArticles} ta join ${topics} tp on tp.id = ta.topic_id
        where ta.article_id = ${qualified(articles, 'id')} and tp.published)`,
      // Its files for download, in their order (article_attachments_article_idx).
      attachmentRows: sql<{ id: number; fileName: string; kind: DocumentKind; bytes: number }[] | null>`(
        select json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'kind', a.kind, 'bytes', a.bytes) order by a.sort_order, a.id)
        from ${articleAttachments} a where a.article_id = ${qualified(articles, 'id')})`,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      updatedAt: articles.updatedAt,
      coverMedia: {
        storageKey: media.storageKey,
        mimeType: media.mimeType,
        width: media.width,
        height: media.height,
        variants: media.variants,
      },
    })
    .from(articles)
    .leftJoin(media, and(eq(media.id, articles.coverMediaId), eq(media.status, 'ready')))
    .where(and(eq(articles.id, id), articleIsVisible));
  if (!row) return null;
  const [authorRows, tagRows] = await Promise.all([
    db
      .select({ id: users.id, slug: users.slug, name: users.name })
      .from(articleAuthors)
      .innerJoin(users, eq(users.id, articleAuthors.userId))
      .where(eq(articleAuthors.articleId, id))
      .orderBy(asc(articleAuthors.sortOrder)),
    db
      .select({ id: tags.id, slug: tags.slug, name: tags.name, description: tags.description })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
      .orderBy(asc(articleTags.sortOrder), asc(tags.name)),
  ]);
  const { coverMedia, editorName, publishedByName, coverCaption, coverCredit, noticeRows, attachmentRows, topicRows, ...card } = row;
  const notices = (noticeRows ?? []).map((n) => ({ ...n, at: toIso(n.at) }));
  const library = coverMedia?.storageKey ? renderInfoOf(coverMedia as Parameters<typeof renderInfoOf>[0]) : null;
  const words = { alt: row.coverImageAlt, caption: coverCaption, credit: coverCredit };
  const cover: ArticleDTO['cover'] = library
    ? { src: library.src, width: library.width, height: library.height, webpSrcset: library.webpSrcset, fallbackSrcset: library.fallbackSrcset, og: library.og, ...words }
    : row.coverImageUrl
      ? { src: row.coverImageUrl, width: null, height: null, webpSrcset: '', fallbackSrcset: '', og: null, ...words }
      : null;
  return {
    ...toCard(card),
    cover,
    subtitle: row.subtitle,
    bodyHtml: row.bodyHtml,
    source: row.source,
    editor: editorCredit(editorName, publishedByName),
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    updatedAt: toIso(row.updatedAt),
    revisedAt: notices.at(-1)?.at ?? null,
    notices,
    topics: topicRows ?? [],
    attachments: (attachmentRows ?? []).map((a) => ({ ...a, bytes: Number(a.bytes), url: attachmentPath(a) })),
    authors: authorRows satisfies PersonDTO[],
    tags: tagRows,
  };
}

export interface Neighbours {
  previous: ArticleCardDTO | null;
  next: ArticleCardDTO | null;
}

/**
 * 上一篇 is the older story in the same section, 下一篇 the newer one: a keyset step along the
 * section index, `(published_at, id)` compared as a row so the index answers it in one probe.
 */
export async function getNeighbours(
  db: Database,
  article: { id: number; sectionId: number; publishedAt: string },
): Promise<Neighbours> {
  // Compare with the stored timestamp (microseconds), not the millisecond copy in the DTO.
  const at = sql`(select ${articles.publishedAt} from ${articles} where ${articles.id} = ${article.id})`;
  const here = sql`(${at}, ${article.id}::int)`;
  const key = sql`(${articles.publishedAt}, ${articles.id})`;
  const sameSection = and(articleIsVisible, eq(articles.sectionId, article.sectionId));
  const [older, newer] = await Promise.all([
    db.select(cardColumns).from(articles).where(and(sameSection, sql`${key} < ${here}`)).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(1),
    db.select(cardColumns).from(articles).where(and(sameSection, sql`${key} > ${here}`)).orderBy(asc(articles.publishedAt), asc(articles.id)).limit(1),
  ]);
  return { previous: older[0] ? toCard(older[0]) : null, next: newer[0] ? toCard(newer[0]) : null };
}

/** How many of each tag's newest stories related-story ranking looks at. */
const RELATED_PER_TAG = 50;

/**
 * Stories sharing the most tags first, then the newest of the same section. Candidates are each
 * tag's newest RELATED_PER_TAG stories (read from the tag's listing index) and the section's newest,
 * so the cost depends on the story's tag count, not on how many stories a tag or the archive has.
 */
export async function getRelated(
  db: Database,
  article: { id: number; sectionId: number; tagIds: number[] },
  limit: number,
): Promise<ArticleCardDTO[]> {
  const byTag = article.tagIds.slice(0, 20).map((tagId) => linkedIds(articleTags, articleTags.tagId, tagId, RELATED_PER_TAG));
  const shared = byTag.length
    ? sql<number>`(select count(*) from ${articleTags} where ${articleTags.articleId} = ${qualified(articles, 'id')} and ${inArray(articleTags.tagId, article.tagIds)})`
    : sql<number>`0::int`; // a bare 0 in ORDER BY would mean position 0
  const sameSection = sql`case when ${articles.sectionId} = ${article.sectionId} then 1 else 0 end`;
  // One IN over a UNION, which the planner joins; an OR of INs would filter every row of articles.
  const sources = [...byTag, sql`(select k.id from (${listSource({ sectionIds: [article.sectionId] }, limit + 1)}) k)`];
  const candidates = sql`${articles.id} in (${sql.join(sources, sql` union `)})`;
  const rows = await db
    .select({ ...cardColumns, shared })
    .from(articles)
    .where(and(articleIsVisible, ne(articles.id, article.id), candidates))
    .orderBy(desc(shared), desc(sameSection), desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows
    .filter((row) => Number(row.shared) > 0 || row.sectionId === article.sectionId)
    .map(({ shared: _shared, ...row }) => toCard(row));
}

export async function getTagBySlug(db: Database, slug: string): Promise<TagDTO | null> {
  const [row] = await db
    .select({ id: tags.id, slug: tags.slug, name: tags.name, description: tags.description })
    .from(tags)
    .where(eq(tags.slug, slug));
  return row ?? null;
}

/**
 * Only people credited on a story readers can see are authors to readers (one probe of the
 * author's listing index; its copy of the story's state is kept by triggers).
 */
export function creditedOnVisibleStory(): SQL {
  return sql`exists (select 1 from (${linkedRows(articleAuthors, articleAuthors.userId, qualified(users, 'id'), 1)}) l)`;
}

export const authorColumns = { id: users.id, slug: users.slug, name: users.name, bio: users.bio, avatarUrl: users.avatarUrl };

export async function getAuthorBySlug(db: Database, slug: string): Promise<AuthorDTO | null> {
  const [row] = await db.select(authorColumns).from(users).where(and(eq(users.slug, slug), creditedOnVisibleStory()));
  return row ?? null;
}

export async function getRedirect(db: Database, fromPath: string): Promise<{ toPath: string; statusCode: number } | null> {
  const [row] = await db
    .select({ toPath: redirects.toPath, statusCode: redirects.statusCode })
    .from(redirects)
    .where(eq(redirects.fromPath, fromPath));
  return row ?? null;
}

export async function ping(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
