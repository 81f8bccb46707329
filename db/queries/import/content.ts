import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleAuthors, articleRevisions, articles, articleTags, media, pages } from '../../schema';
import { withTx } from '../../tx';
import type { ArticleStatus } from '../../../domain/enums';
import type { RichTextDoc } from '../../../domain/rich-text/schema';
import { uniqueSlug } from '../../../domain/slug';
import { articlePath, pagePath } from '../../../domain/urls';
import { REVISIONED_FIELDS, type ArticleInput } from '../../../domain/validation/article';
import { excerptFrom, renderedBody } from '../admin/article-input';
import { snapshotOf } from '../admin/article-revisions';
import { toMediaDTO, type MediaDTO } from '../media-dto';
import { publicSlugTaken } from './taxonomy';
import { getSiteSettings } from '../public';
import { findImported, importRedirects, rememberSource, type ImportOutcome, type SourceKey } from './sources';

/**
 * Stories and pages of an import: each one, its links, its first revision, its redirects and its
 * bookkeeping row in one transaction, so a run stopped half-way leaves whole stories only and the
 * next run picks up after the last one. A story edited in Gazette since it was imported is never
 * overwritten by a later run.
 */

export interface ContentResult {
  id: number;
  outcome: ImportOutcome;
  path: string;
  note?: string;
  redirects: string[];
}

export interface ImportedArticleInput {
  site: string;
  sourceId: string;
  fingerprint: string;
  slugBase: string;
  title: string;
  subtitle: string;
  excerpt: string;
  doc: RichTextDoc;
  sectionId: number;
  tagIds: number[];
  tagNames: string[];
  authorIds: number[];
  source: string;
  locale: 'zh-CN' | 'en';
  status: ArticleStatus;
  publishedAt: Date | null;
  createdAt: Date | null;
  pinned: boolean;
  viewCount: number;
  coverMediaId: number | null;
  coverImageUrl: string | null;
  coverImageAlt: string;
  redirectsFrom: string[];
  importerId: number | null;
}

/** Whether a mapped row may be written again: not when it is gone or was edited here since. */
async function rewritable(current: { version: number } | undefined, known: { fingerprint: string; localVersion: number | null }, fingerprint: string): Promise<string | null> {
  if (!current) return 'deleted in Gazette after an earlier import';
  if (known.localVersion !== null && current.version !== known.localVersion) return 'edited in Gazette since it was imported: not overwritten';
  if (known.fingerprint === fingerprint) return 'already imported, unchanged';
  return null;
}

/**
 * A post this import brought in earlier and that is now in the WordPress trash goes to Gazette's
 * trash too (restorable there), unless it was edited in Gazette since: an editor's work is never
 * thrown away by an import. One that was never imported is simply not brought in.
 */
export async function trashImportedArticle(db: Database, input: { site: string; sourceId: string; importerId: number | null }): Promise<ContentResult> {
  const key: SourceKey = { site: input.site, kind: 'post', sourceId: input.sourceId };
  return withTx(db, async (t) => {
    const known = await findImported(t, key);
    const skipped = (note: string, path = ''): ContentResult => ({ id: known?.localId ?? 0, outcome: 'skipped', path, note, redirects: [] });
    if (!known) return skipped('in the WordPress trash');
    const [current] = await t.select({ id: articles.id, slug: articles.slug, version: articles.version, deletedAt: articles.deletedAt }).from(articles).where(eq(articles.id, known.localId));
    if (!current) return skipped('in the WordPress trash; deleted in Gazette already');
    if (current.deletedAt) return skipped('in the WordPress trash; in the Gazette trash already', articlePath(current));
    if (known.localVersion !== null && current.version !== known.localVersion) return skipped('in the WordPress trash, but edited in Gazette since it was imported: left as it is', articlePath(current));
    const [row] = await t
      .update(articles)
      .set({ deletedAt: new Date(), version: sql`${articles.version} + 1`, updatedAt: new Date(), updatedById: input.importerId })
      .where(eq(articles.id, current.id))
      .returning({ version: articles.version });
    await rememberSource(t, key, current.id, 'trash', row!.version);
    return { id: current.id, outcome: 'updated', path: articlePath(current), note: 'in the WordPress trash: moved to the Gazette trash', redirects: [] };
  });
}

export async function importArticle(db: Database, input: ImportedArticleInput): Promise<ContentResult> {
  const key: SourceKey = { site: input.site, kind: 'post', sourceId: input.sourceId };
  return withTx(db, async (t) => {
    const known = await findImported(t, key);
    const [current] = known ? await t.select({ id: articles.id, slug: articles.slug, version: articles.version }).from(articles).where(eq(articles.id, known.localId)) : [];
    if (known) {
      const reason = await rewritable(current, known, input.fingerprint);
      if (reason) return { id: known.localId, outcome: 'skipped', path: current ? articlePath(current) : '', note: reason, redirects: [] };
    }
    const body = await renderedBody(t, input.doc, input.locale);
    const columns = {
      title: input.title,
      subtitle: input.subtitle,
      excerpt: excerptFrom(input, body.bodyText),
      ...body,
      sectionId: input.sectionId,
      source: input.source,
      locale: input.locale,
      status: input.status,
      publishedAt: input.publishedAt,
      pinned: input.pinned,
      coverMediaId: input.coverMediaId,
      coverImageUrl: input.coverMediaId ? null : input.coverImageUrl,
      coverImageAlt: input.coverImageAlt,
      updatedById: input.importerId,
    };
    let id: number;
    let slug: string;
    let version: number;
    if (current) {
      // Views counted here since the last run stay: the old site's count only ever raises it.
      const [row] = await t
        .update(articles)
        .set({ ...columns, viewCount: sql`greatest(${articles.viewCount}, ${input.viewCount})`, version: sql`${articles.version} + 1`, updatedAt: new Date() })
        .where(eq(articles.id, current.id))
        .returning({ version: articles.version });
      ({ id, slug } = current);
      version = row!.version;
      await t.delete(articleTags).where(eq(articleTags.articleId, id));
      await t.delete(articleAuthors).where(eq(articleAuthors.articleId, id));
    } else {
      slug = await uniqueSlug(input.slugBase, async (s) => Boolean((await t.select({ id: articles.id }).from(articles).where(eq(articles.slug, s)))[0]));
      const when = input.createdAt ?? input.publishedAt ?? new Date();
      const [row] = await t
        .insert(articles)
        .values({ ...columns, slug, viewCount: input.viewCount, createdById: input.importerId, createdAt: when, updatedAt: when })
        .returning({ id: articles.id, version: articles.version });
      id = row!.id;
      version = row!.version;
    }
    if (input.tagIds.length) await t.insert(articleTags).values([...new Set(input.tagIds)].map((tagId, i) => ({ articleId: id, tagId, sortOrder: i })));
    if (input.authorIds.length) await t.insert(articleAuthors).values([...new Set(input.authorIds)].map((userId, i) => ({ articleId: id, userId, sortOrder: i })));
    const asInput: ArticleInput = {
      title: input.title,
      subtitle: input.subtitle,
      excerpt: input.excerpt,
      body: input.doc,
      sectionId: input.sectionId,
      tagNames: input.tagNames,
      authorIds: input.authorIds,
      byline: '',
      source: input.source,
      editorName: '',
      coverImageUrl: columns.coverImageUrl,
      coverImageAlt: input.coverImageAlt,
      coverMediaId: input.coverMediaId,
      coverCaption: '',
      coverCredit: '',
      slug,
      seoTitle: '',
      seoDescription: '',
      publishedAt: input.publishedAt,
      featured: false,
      pinned: input.pinned,
      locale: input.locale,
    };
    await t.insert(articleRevisions).values({
      articleId: id,
      version,
      title: input.title,
      snapshot: { ...snapshotOf(asInput, { slug, authorIds: input.authorIds }) },
      authorId: input.importerId,
      kind: 'save',
      changedFields: [...REVISIONED_FIELDS],
      note: 'Imported from WordPress',
    });
    const path = articlePath({ id, slug });
    const redirects = await importRedirects(t, input.redirectsFrom, path);
    await rememberSource(t, key, id, input.fingerprint, version);
    return { id, outcome: current ? 'updated' : 'imported', path, redirects };
  });
}

export interface ImportedPageInput {
  site: string;
  sourceId: string;
  fingerprint: string;
  slugBase: string;
  title: string;
  doc: RichTextDoc;
  status: 'draft' | 'published';
  publishedAt: Date | null;
  sortOrder: number;
  redirectsFrom: string[];
}

/** Pages share `/{slug}` with sections: a slug a section or route holds gets -2, -3… */
export async function importPage(db: Database, input: ImportedPageInput): Promise<ContentResult> {
  const key: SourceKey = { site: input.site, kind: 'page', sourceId: input.sourceId };
  return withTx(db, async (t) => {
    const known = await findImported(t, key);
    const [current] = known ? await t.select({ id: pages.id, slug: pages.slug, version: pages.version }).from(pages).where(eq(pages.id, known.localId)) : [];
    if (known) {
      const reason = await rewritable(current, known, input.fingerprint);
      if (reason) return { id: known.localId, outcome: 'skipped', path: current ? pagePath(current) : '', note: reason, redirects: [] };
    }
    const body = await renderedBody(t, input.doc, (await getSiteSettings(t)).locale);
    const columns = { title: input.title, ...body, status: input.status, publishedAt: input.publishedAt, sortOrder: input.sortOrder };
    let id: number;
    let slug: string;
    let version: number;
    if (current) {
      const [row] = await t.update(pages).set({ ...columns, version: sql`${pages.version} + 1`, updatedAt: new Date() }).where(eq(pages.id, current.id)).returning({ version: pages.version });
      ({ id, slug } = current);
      version = row!.version;
    } else {
      slug = await uniqueSlug(input.slugBase, (s) => publicSlugTaken(t, s));
      const [row] = await t.insert(pages).values({ ...columns, slug }).returning({ id: pages.id, version: pages.version });
      id = row!.id;
      version = row!.version;
    }
    const path = pagePath({ slug });
    const redirects = await importRedirects(t, input.redirectsFrom, path);
    await rememberSource(t, key, id, input.fingerprint, version);
    return { id, outcome: current ? 'updated' : 'imported', path, redirects };
  });
}

/** A file fetched by an earlier run, if its media item is still in the library. */
export async function findImportedMedia(db: Database, site: string, url: string): Promise<MediaDTO | null> {
  const known = await findImported(db, { site, kind: 'media', sourceId: url });
  if (!known) return null;
  const [row] = await db.select().from(media).where(and(eq(media.id, known.localId), eq(media.status, 'ready')));
  return row ? toMediaDTO(row) : null;
}

export async function rememberImportedMedia(db: Database, site: string, url: string, mediaId: number): Promise<void> {
  await rememberSource(db, { site, kind: 'media', sourceId: url }, mediaId, '');
}
