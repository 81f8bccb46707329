import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleAuthors, articles, articleTags } from '../../schema';
import { withTx } from '../../tx';
import { ActionError, forbiddenError, notFoundError } from '../../../domain/errors';
import { can, canEditArticle, canPublishArticle, canViewArticleInAdmin, type Actor } from '../../../domain/permissions';
import { articleInput, REVISIONED_FIELDS, type ArticleInput } from '../../../domain/validation/article';
import { effectiveStatus } from '../visibility';
import { getRevisionSnapshot } from './article-admin';
import { loadCurrent, PUBLIC, readerTags, type ArticleSnapshot, type WriteResult } from './article-current';
import { assertPublishable } from './article-checklist';
import { getSensitiveWordRule } from './sensitive-words';
import { getArticleForEdit } from './article-for-edit';
import { excerptFrom, fillEmptyMediaAlt, renderedBody, resolveAuthors, resolveCoverMedia, resolveSection, resolveSlug, resolveTags } from './article-input';
import { changedFields, latestRevision, recordRevision, snapshotOf } from './article-revisions';
import { writeAudit } from './audit';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import { EVENT } from '../../../domain/webhooks/events';

async function replaceLinks(tx: Database, articleId: number, tagIds: number[], authorIds: number[]): Promise<void> {
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId));
  if (tagIds.length) await tx.insert(articleTags).values(tagIds.map((tagId, i) => ({ articleId, tagId, sortOrder: i })));
  if (authorIds.length) await tx.insert(articleAuthors).values(authorIds.map((userId, i) => ({ articleId, userId, sortOrder: i })));
}

/** A pin's end as asked: a new one must lie ahead (one already stored may have passed: it is left). */
function pinEnd(asked: Date | null, stored: Date | null): Date | null {
  if (asked && asked.getTime() !== stored?.getTime() && asked.getTime() <= Date.now()) throw ActionError.onField(422, 'pinnedUntil', { code: 'pinnedUntilPast' });
  return asked;
}

/** The article's content columns as the form's values set them, the same on create and save. */
function contentColumns(input: ArticleInput, slug: string, body: Awaited<ReturnType<typeof renderedBody>>, coverMediaId: number | null) {
  return {
    slug,
    title: input.title,
    subtitle: input.subtitle,
    excerpt: excerptFrom(input, body.bodyText),
    ...body,
    coverImageUrl: input.coverImageUrl,
    coverImageAlt: input.coverImageAlt,
    coverMediaId,
    coverCaption: input.coverCaption,
    coverCredit: input.coverCredit,
    sectionId: input.sectionId,
    byline: input.byline,
    source: input.source,
    editorName: input.editorName,
    locale: input.locale,
    seoTitle: input.seoTitle || null,
    seoDescription: input.seoDescription || null,
  };
}

export async function createArticle(db: Database, actor: Actor, input: ArticleInput): Promise<WriteResult> {
  return withTx(db, async (t) => {
    await resolveSection(t, input.sectionId);
    const tagIds = await resolveTags(t, actor, input.tagNames);
    const authorIds = can(actor.role, 'article:edit-any') && input.authorIds.length ? await resolveAuthors(t, input.authorIds) : [actor.id];
    const slug = await resolveSlug(t, input);
    const body = await renderedBody(t, input.body, input.locale);
    const coverMediaId = await resolveCoverMedia(t, input.coverMediaId);
    await fillEmptyMediaAlt(t, input.body, { mediaId: coverMediaId, alt: input.coverImageAlt });
    const mayFeature = can(actor.role, 'article:publish-any');
    const [row] = await t
      .insert(articles)
      .values({
        ...contentColumns(input, slug, body, coverMediaId),
        status: 'draft',
        publishedAt: input.publishedAt,
        featured: mayFeature && input.featured,
        pinned: mayFeature && input.pinned,
        pinnedUntil: mayFeature && input.pinned ? pinEnd(input.pinnedUntil ?? null, null) : null,
        createdById: actor.id,
        updatedById: actor.id,
      })
      .returning({ id: articles.id, version: articles.version });
    const id = row!.id;
    await replaceLinks(t, id, tagIds, authorIds);
    const snapshot = snapshotOf(input, { slug, authorIds });
    await recordRevision(t, actor, id, row!.version, snapshot, [...REVISIONED_FIELDS], 'save');
    await writeAudit(t, { actorId: actor.id, action: 'article.create', entityType: 'article', entityId: id, summary: input.title });
    return { id, version: row!.version, slug, status: 'draft' as const, invalidate: [] };
  });
}

export interface SaveOptions {
  autosave?: boolean;
  kind?: 'save' | 'autosave' | 'restore';
}

/**
 * Saves an edit made on `baseVersion`. A save on a stale version is refused with 409 and changes
 * nothing; the article, its links and its revision are written in one transaction.
 */
export async function saveArticle(db: Database, actor: Actor, id: number, baseVersion: number, input: ArticleInput, options: SaveOptions = {}): Promise<WriteResult> {
  return withTx(db, (t) => saveInTransaction(t, actor, id, baseVersion, input, options));
}

/** The save inside a transaction the caller holds (restoring a revision, applying a library alt). */
export async function saveInTransaction(t: Database, actor: Actor, id: number, baseVersion: number, input: ArticleInput, options: SaveOptions): Promise<WriteResult> {
  const current = await loadCurrent(t, id, true);
  if (!current || current.deletedAt || !canViewArticleInAdmin(actor, current)) throw notFoundError('This article');
  if (!canEditArticle(actor, current)) throw forbiddenError();
  if (current.version !== baseVersion) {
    throw new ActionError(409, { code: 'savedByOthers' }, undefined, {
      currentVersion: current.version,
    });
  }
  // A live or scheduled story's save is what readers get: it passes the publish checklist. Drafts
  // and stories in review always save (missing alt text and the like only block publishing).
  if (PUBLIC.includes(current.status)) assertPublishable({ ...input, seoDescription: input.seoDescription || null, sensitiveWords: await getSensitiveWordRule(t) });
  const isEditor = can(actor.role, 'article:edit-any');
  await resolveSection(t, input.sectionId);
  const tagIds = await resolveTags(t, actor, input.tagNames);
  // Field-level rules: only editors change the byline's staff authors and the home-page flags.
  const authorIds = isEditor && input.authorIds.length ? await resolveAuthors(t, input.authorIds) : current.authorIds;
  const slug = await resolveSlug(t, input, id, current.slug);
  const mayFeature = can(actor.role, 'article:publish-any');
  const pinned = mayFeature ? input.pinned : current.pinned;
  const pinnedUntil = !pinned ? null : mayFeature && input.pinnedUntil !== undefined ? pinEnd(input.pinnedUntil, current.pinnedUntil) : current.pinnedUntil;
  const publishedAt = PUBLIC.includes(current.status) && !canPublishArticle(actor, current) ? current.publishedAt : input.publishedAt ?? current.publishedAt;

  const last = await latestRevision(t, id);
  const snapshot = snapshotOf(input, { slug, authorIds });
  const changed = changedFields(last?.snapshot as Partial<ArticleSnapshot> | null, snapshot);
  const flagsChanged =
    (mayFeature && (input.featured !== current.featured || input.pinned !== current.pinned)) ||
    (pinnedUntil?.getTime() ?? null) !== (current.pinnedUntil?.getTime() ?? null) ||
    (publishedAt?.getTime() ?? null) !== (current.publishedAt?.getTime() ?? null);
  if (!changed.length && !flagsChanged) {
    return { id, version: current.version, slug: current.slug, status: current.status, invalidate: [] };
  }

  const body = await renderedBody(t, input.body, input.locale);
  const coverMediaId = await resolveCoverMedia(t, input.coverMediaId);
  await fillEmptyMediaAlt(t, input.body, { mediaId: coverMediaId, alt: input.coverImageAlt });
  const [row] = await t
    .update(articles)
    .set({
      ...contentColumns(input, slug, body, coverMediaId),
      publishedAt,
      featured: mayFeature ? input.featured : current.featured,
      pinned,
      pinnedUntil,
      version: sql`${articles.version} + 1`,
      updatedById: actor.id,
      updatedAt: new Date(),
    })
    .where(and(eq(articles.id, id), eq(articles.version, baseVersion)))
    .returning({ version: articles.version, status: effectiveStatus });
  if (!row) throw new ActionError(409, { code: 'savedAtSameMoment' });
  if (changed.includes('tagNames') || changed.includes('authorIds') || !last) await replaceLinks(t, id, tagIds, authorIds);
  if (changed.length) await recordRevision(t, actor, id, row.version, snapshot, changed, options.kind ?? (options.autosave ? 'autosave' : 'save'));
  if (!options.autosave) {
    await writeAudit(t, { actorId: actor.id, action: options.kind === 'restore' ? 'article.restore-revision' : 'article.update', entityType: 'article', entityId: id, summary: input.title, data: { changed } });
  }
  // A live story changed for readers (the early return above leaves out saves that changed nothing).
  if (current.status === 'published') await enqueueWebhookEvent(t, EVENT.updated, { id });
  const invalidate = PUBLIC.includes(current.status)
    ? await readerTags(t, id, [current, { sectionId: input.sectionId, tagIds, authorIds }])
    : [];
  return { id, version: row.version, slug, status: row.status, invalidate };
}

/**
 * Puts a revision's content back as a new "restore" revision, in one transaction with the save.
 * A revision holds content only: the home-page flags stay as they are, and so does the language
 * when the snapshot predates recording it (the schema defaults would unfeature the article and
 * switch it to zh-CN). A snapshot that recorded its language brings that language back.
 * Refused like a save: 404 unless the actor may see the article (and the revision is its own),
 * 403 unless they may edit it, 409 when `baseVersion` is stale.
 */
export async function restoreRevision(db: Database, actor: Actor, articleId: number, revisionId: number, baseVersion: number): Promise<WriteResult> {
  return withTx(db, async (t) => {
    const snapshot = await getRevisionSnapshot(t, actor, articleId, revisionId);
    const current = await getArticleForEdit(t, actor, articleId);
    if (!current) throw notFoundError('This article');
    const kept = { featured: current.featured, pinned: current.pinned, locale: current.locale };
    const values = articleInput.parse({ ...kept, ...snapshot, coverImageUrl: snapshot.coverImageUrl ?? '', publishedAt: '' });
    return saveInTransaction(t, actor, articleId, baseVersion, { ...values, publishedAt: null }, { kind: 'restore' });
  });
}
