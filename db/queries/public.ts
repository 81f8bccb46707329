import 'server-only';
import { and, asc, count, desc, eq, inArray, lt, gt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { articleAuthors, articles, articleTags, media, pages, redirects, sections, siteSettings, tags, users } from '../schema';
import { renderInfoOf } from '../../lib/media/render-info';
import type {
  ArticleCardDTO,
  ArticleDTO,
  AuthorDTO,
  PageDTO,
  Paged,
  PersonDTO,
  SectionDTO,
  SiteSettingsDTO,
  TagDTO,
} from './dto';
import { qualified } from './qualified';
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
  reprintTemplate: '转载请标注：{site}——{title}',
  nav: [],
};

export async function getSiteSettings(db: Database): Promise<SiteSettingsDTO> {
  const [row] = await db
    .select({
      name: siteSettings.name,
      tagline: siteSettings.tagline,
      hotline: siteSettings.hotline,
      logoUrl: siteSettings.logoUrl,
      locale: siteSettings.locale,
      timeZone: siteSettings.timeZone,
      footerText: siteSettings.footerText,
      icp: siteSettings.icp,
      reprintTemplate: siteSettings.reprintTemplate,
      nav: siteSettings.nav,
    })
    .from(siteSettings)
    .where(eq(siteSettings.id, 1));
  return row ?? DEFAULT_SETTINGS;
}

export async function listSections(db: Database): Promise<SectionDTO[]> {
  return db
    .select({
      id: sections.id,
      parentId: sections.parentId,
      slug: sections.slug,
      title: sections.title,
      description: sections.description,
      seoTitle: sections.seoTitle,
      seoDescription: sections.seoDescription,
      sortOrder: sections.sortOrder,
    })
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

function toIso(value: Date | string | null): string {
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

function listCondition(filter: ArticleListFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [articleIsVisible];
  if (filter.sectionIds) conditions.push(inArray(articles.sectionId, filter.sectionIds.length ? filter.sectionIds : [-1]));
  if (filter.tagId !== undefined) {
    conditions.push(
      inArray(articles.id, sqlSubquery('tag', filter.tagId)),
    );
  }
  if (filter.authorId !== undefined) {
    conditions.push(inArray(articles.id, sqlSubquery('author', filter.authorId)));
  }
  if (filter.excludeIds?.length) conditions.push(sql`${articles.id} not in ${filter.excludeIds}`);
  return and(...conditions);
}

function sqlSubquery(kind: 'tag' | 'author', id: number): SQL {
  return kind === 'tag'
    ? sql`(select ${articleTags.articleId} from ${articleTags} where ${articleTags.tagId} = ${id})`
    : sql`(select ${articleAuthors.articleId} from ${articleAuthors} where ${articleAuthors.userId} = ${id})`;
}

export async function listArticles(
  db: Database,
  filter: ArticleListFilter,
  options: { limit: number; offset?: number },
): Promise<ArticleCardDTO[]> {
  const rows = await db
    .select(cardColumns)
    .from(articles)
    .where(listCondition(filter))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
  return rows.map(toCard);
}

export async function countArticles(db: Database, filter: ArticleListFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(articles).where(listCondition(filter));
  return Number(row?.n ?? 0);
}

/** One page of a list; a page past the end is reported through `pageCount` so callers can 404. */
export async function pageOfArticles(
  db: Database,
  filter: ArticleListFilter,
  page: number,
  pageSize: number,
): Promise<Paged<ArticleCardDTO>> {
  const total = await countArticles(db, filter);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const items = page > pageCount ? [] : await listArticles(db, filter, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items, total, page, pageSize, pageCount };
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
  const { coverMedia, ...card } = row;
  const library = coverMedia?.storageKey ? renderInfoOf(coverMedia as Parameters<typeof renderInfoOf>[0]) : null;
  const cover: ArticleDTO['cover'] = library
    ? { src: library.src, alt: row.coverImageAlt, width: library.width, height: library.height, webpSrcset: library.webpSrcset, fallbackSrcset: library.fallbackSrcset, og: library.og }
    : row.coverImageUrl
      ? { src: row.coverImageUrl, alt: row.coverImageAlt, width: null, height: null, webpSrcset: '', fallbackSrcset: '', og: null }
      : null;
  return {
    ...toCard(card),
    cover,
    subtitle: row.subtitle,
    bodyHtml: row.bodyHtml,
    source: row.source,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    updatedAt: toIso(row.updatedAt),
    authors: authorRows satisfies PersonDTO[],
    tags: tagRows,
  };
}

export interface Neighbours {
  previous: ArticleCardDTO | null;
  next: ArticleCardDTO | null;
}

/** 上一篇 is the older story in the same section, 下一篇 the newer one. */
export async function getNeighbours(
  db: Database,
  article: { id: number; sectionId: number; publishedAt: string },
): Promise<Neighbours> {
  // Compare with the stored timestamp (microseconds), not the millisecond copy in the DTO.
  const at = sql`(select ${articles.publishedAt} from ${articles} where ${articles.id} = ${article.id})`;
  const sameSection = and(articleIsVisible, eq(articles.sectionId, article.sectionId), ne(articles.id, article.id));
  const [older, newer] = await Promise.all([
    db
      .select(cardColumns)
      .from(articles)
      .where(and(sameSection, or(sql`${articles.publishedAt} < ${at}`, and(sql`${articles.publishedAt} = ${at}`, lt(articles.id, article.id)))))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(1),
    db
      .select(cardColumns)
      .from(articles)
      .where(and(sameSection, or(sql`${articles.publishedAt} > ${at}`, and(sql`${articles.publishedAt} = ${at}`, gt(articles.id, article.id)))))
      .orderBy(asc(articles.publishedAt), asc(articles.id))
      .limit(1),
  ]);
  return { previous: older[0] ? toCard(older[0]) : null, next: newer[0] ? toCard(newer[0]) : null };
}

/** Stories sharing the most tags first, then the newest of the same section. */
export async function getRelated(
  db: Database,
  article: { id: number; sectionId: number; tagIds: number[] },
  limit: number,
): Promise<ArticleCardDTO[]> {
  // With no tags, a constant would be read as ORDER BY position 0; count over an empty set instead.
  const tagIds = article.tagIds.length ? article.tagIds : [-1];
  const shared = sql<number>`(select count(*) from ${articleTags} where ${articleTags.articleId} = ${qualified(articles, 'id')} and ${inArray(articleTags.tagId, tagIds)})`;
  const rows = await db
    .select({ ...cardColumns, shared })
    .from(articles)
    .where(and(articleIsVisible, ne(articles.id, article.id)))
    .orderBy(
      desc(shared),
      desc(sql`case when ${articles.sectionId} = ${article.sectionId} then 1 else 0 end`),
      desc(articles.publishedAt),
    )
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

export async function getAuthorBySlug(db: Database, slug: string): Promise<AuthorDTO | null> {
  const [row] = await db
    .select({ id: users.id, slug: users.slug, name: users.name, bio: users.bio, avatarUrl: users.avatarUrl })
    .from(users)
    .where(
      and(
        eq(users.slug, slug),
        // Only people credited on a story readers can see have a public page.
        sql`${users.id} in (select ${articleAuthors.userId} from ${articleAuthors} inner join ${articles} on ${qualified(articles, 'id')} = ${articleAuthors.articleId} where ${articleIsVisible})`,
      ),
    );
  return row ?? null;
}

export async function getPageBySlug(db: Database, slug: string): Promise<PageDTO | null> {
  const [row] = await db
    .select({
      id: pages.id,
      slug: pages.slug,
      title: pages.title,
      bodyHtml: pages.bodyHtml,
      seoTitle: pages.seoTitle,
      seoDescription: pages.seoDescription,
      updatedAt: pages.updatedAt,
    })
    .from(pages)
    .where(and(eq(pages.slug, slug), eq(pages.status, 'published')));
  return row ? { ...row, updatedAt: toIso(row.updatedAt) } : null;
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
