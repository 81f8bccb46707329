import { withTx } from '../../tx';
import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleAuthors, articleRevisions, articles, articleTags, sections, tags, users } from '../../schema';
import type { ArticleStatus } from '../../schema';
import { ActionError, forbiddenError, notFoundError } from '../../../domain/errors';
import {
  can,
  canEditArticle,
  canPublishArticle,
  canTransition,
  canViewArticleInAdmin,
  type Actor,
  type ArticleOwnership,
  type ArticleTransition,
} from '../../../domain/permissions';
import { renderRichText, richTextToPlainText } from '../../../domain/rich-text/render';
import type { RichTextDoc } from '../../../domain/rich-text/schema';
import { normalizeSlugInput, slugify, uniqueSlug } from '../../../domain/slug';
import { REVISIONED_FIELDS, type ArticleInput } from '../../../domain/validation/article';
import { cacheTags } from '../../../domain/cache-tags';
import type { SnapshotLike } from '../../../domain/revision-diff';
import { effectiveStatus, effectiveStatusAt } from '../visibility';
import { writeAudit } from './audit';
import { media } from '../../schema';
import { collectMediaIds, loadMediaRenderInfo } from '../media-render';

/** The content of an article as the editor sees it; also what a revision stores. */
export interface ArticleSnapshot extends SnapshotLike {
  locale?: 'zh-CN' | 'en';
}

export interface EditableArticleDTO {
  id: number;
  version: number;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  deleted: boolean;
  reviewNote: string;
  featured: boolean;
  pinned: boolean;
  locale: 'zh-CN' | 'en';
  createdById: number | null;
  values: ArticleSnapshot;
  permissions: { edit: boolean; publish: boolean; transitions: ArticleTransition[] };
}

export interface WriteResult {
  id: number;
  version: number;
  slug: string;
  status: ArticleStatus;
  /** Cache tags the change touched; the action wrapper invalidates them after the commit. */
  invalidate: string[];
}


const PUBLIC: readonly ArticleStatus[] = ['published', 'scheduled'];
const AUTOSAVE_MERGE_MINUTES = 10;

interface Current extends ArticleOwnership {
  id: number;
  version: number;
  sectionId: number;
  slug: string;
  tagIds: number[];
  publishedAt: Date | null;
  featured: boolean;
  pinned: boolean;
}

async function loadCurrent(tx: Database, id: number, lock: boolean): Promise<Current | null> {
  const query = tx
    .select({
      id: articles.id,
      version: articles.version,
      // Live scheduled stories count as published here too: the workflow follows what readers see.
      // Judged when the row lock is granted, not when this transaction began: a concurrent publish
      // that held the lock stamped its own, later now(), which this transaction's now() may precede.
      status: effectiveStatusAt(sql`clock_timestamp()`),
      createdById: articles.createdById,
      deletedAt: articles.deletedAt,
      sectionId: articles.sectionId,
      slug: articles.slug,
      publishedAt: articles.publishedAt,
      featured: articles.featured,
      pinned: articles.pinned,
    })
    .from(articles)
    .where(eq(articles.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return null;
  const [authorRows, tagRows] = await Promise.all([
    tx.select({ id: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.sortOrder)),
    tx.select({ id: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, id)).orderBy(asc(articleTags.sortOrder)),
  ]);
  return { ...row, authorIds: authorRows.map((r) => r.id), tagIds: tagRows.map((r) => r.id) };
}

async function sectionAncestry(tx: Database, sectionIds: number[]): Promise<number[]> {
  const all = await tx.select({ id: sections.id, parentId: sections.parentId }).from(sections);
  const out = new Set<number>();
  for (const start of sectionIds) {
    let current: number | null | undefined = start;
    for (let i = 0; current && i < 10; i++) {
      out.add(current);
      const id: number = current;
      current = all.find((s) => s.id === id)?.parentId;
    }
  }
  return [...out];
}

/** Every cached reader view an article appears in, before and after the change. */
export async function readerTags(tx: Database, id: number, states: { sectionId: number; tagIds: number[]; authorIds: number[] }[]): Promise<string[]> {
  const sectionIds = await sectionAncestry(tx, states.map((s) => s.sectionId));
  const set = new Set<string>([cacheTags.article(id), cacheTags.home, cacheTags.mostRead]);
  for (const s of sectionIds) set.add(cacheTags.section(s));
  for (const state of states) {
    for (const t of state.tagIds) set.add(cacheTags.tag(t));
    for (const a of state.authorIds) set.add(cacheTags.author(a));
  }
  return [...set];
}

async function resolveSection(tx: Database, sectionId: number): Promise<void> {
  const [row] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
  if (!row) throw new ActionError(422, 'Choose an existing section.', { sectionId: ['This section does not exist.'] });
}

async function resolveTags(tx: Database, actor: Actor, names: string[]): Promise<number[]> {
  const unique = [...new Map(names.map((n) => [n.toLocaleLowerCase(), n])).values()];
  if (!unique.length) return [];
  const existing = await tx.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(sql`lower(${tags.name})`, unique.map((n) => n.toLocaleLowerCase())));
  const byName = new Map(existing.map((t) => [t.name.toLocaleLowerCase(), t.id]));
  const ids: number[] = [];
  for (const name of unique) {
    let tagId = byName.get(name.toLocaleLowerCase());
    if (tagId === undefined) {
      if (!can(actor.role, 'tag:create')) {
        throw new ActionError(422, `The tag "${name}" does not exist, and your role cannot create tags.`, { tagNames: [`Unknown tag: ${name}`] });
      }
      const slug = await uniqueSlug(slugify(name, 'tag'), async (s) => Boolean((await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, s)))[0]));
      const [created] = await tx.insert(tags).values({ name, slug }).returning({ id: tags.id });
      tagId = created!.id;
      await writeAudit(tx, { actorId: actor.id, action: 'tag.create', entityType: 'tag', entityId: tagId, summary: name });
    }
    ids.push(tagId);
  }
  return ids;
}

async function resolveAuthors(tx: Database, authorIds: number[]): Promise<number[]> {
  const unique = [...new Set(authorIds)];
  if (!unique.length) return [];
  const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, unique));
  if (found.length !== unique.length) throw new ActionError(422, 'An author does not exist.', { authorIds: ['Choose existing staff members.'] });
  return unique;
}

async function slugTaken(tx: Database, slug: string, exceptId?: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(exceptId ? and(eq(articles.slug, slug), sql`${articles.id} <> ${exceptId}`) : eq(articles.slug, slug));
  return Boolean(row);
}

/** A typed slug must be free; a generated one is made free with -2, -3… */
async function resolveSlug(tx: Database, input: ArticleInput, exceptId?: number, keep?: string): Promise<string> {
  if (input.slug) {
    const typed = normalizeSlugInput(input.slug);
    if (!typed) throw new ActionError(422, 'The slug needs letters or digits.', { slug: ['Use letters, digits and hyphens.'] });
    if (typed !== keep && (await slugTaken(tx, typed, exceptId))) {
      throw new ActionError(409, 'Another article already uses this slug.', { slug: ['Another article already uses this slug.'] });
    }
    return typed;
  }
  if (keep) return keep;
  return uniqueSlug(slugify(input.title), (s) => slugTaken(tx, s, exceptId));
}

async function replaceLinks(tx: Database, articleId: number, tagIds: number[], authorIds: number[]): Promise<void> {
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId));
  if (tagIds.length) await tx.insert(articleTags).values(tagIds.map((tagId, i) => ({ articleId, tagId, sortOrder: i })));
  if (authorIds.length) await tx.insert(articleAuthors).values(authorIds.map((userId, i) => ({ articleId, userId, sortOrder: i })));
}

function snapshotOf(input: ArticleInput, resolved: { slug: string; authorIds: number[] }): ArticleSnapshot {
  return {
    title: input.title,
    subtitle: input.subtitle,
    excerpt: input.excerpt,
    body: input.body,
    sectionId: input.sectionId,
    tagNames: input.tagNames,
    authorIds: resolved.authorIds,
    byline: input.byline,
    source: input.source,
    coverImageUrl: input.coverImageUrl,
    coverImageAlt: input.coverImageAlt,
    coverMediaId: input.coverMediaId,
    slug: resolved.slug,
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    locale: input.locale,
  };
}

/** JSON with sorted keys: jsonb hands documents back with its own key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function changedFields(before: Partial<ArticleSnapshot> | null, after: ArticleSnapshot): string[] {
  if (!before) return [...REVISIONED_FIELDS];
  return REVISIONED_FIELDS.filter((field) => stableJson(before[field] ?? null) !== stableJson(after[field] ?? null));
}

async function renderedBody(tx: Database, doc: RichTextDoc) {
  const mediaInfo = await loadMediaRenderInfo(tx, collectMediaIds(doc));
  return { bodyJson: doc, bodyHtml: renderRichText(doc, { media: mediaInfo }), bodyText: richTextToPlainText(doc) };
}

async function resolveCoverMedia(tx: Database, coverMediaId: number | null): Promise<number | null> {
  if (coverMediaId === null) return null;
  const [row] = await tx.select({ id: media.id }).from(media).where(and(eq(media.id, coverMediaId), eq(media.status, 'ready')));
  if (!row) throw new ActionError(422, 'The cover image does not exist in the media library.', { coverMediaId: ['Choose an image from the library.'] });
  return row.id;
}

function excerptFrom(input: ArticleInput, text: string): string {
  if (input.excerpt) return input.excerpt;
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  return [...first].length > 140 ? `${[...first].slice(0, 140).join('')}…` : first;
}

async function latestRevision(tx: Database, articleId: number) {
  const [row] = await tx
    .select({
      id: articleRevisions.id,
      kind: articleRevisions.kind,
      authorId: articleRevisions.authorId,
      createdAt: articleRevisions.createdAt,
      snapshot: articleRevisions.snapshot,
      changedFields: articleRevisions.changedFields,
    })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(1);
  return row ?? null;
}

async function recordRevision(
  tx: Database,
  actor: Actor,
  articleId: number,
  version: number,
  snapshot: ArticleSnapshot,
  changed: string[],
  kind: 'save' | 'autosave' | 'publish' | 'restore',
): Promise<void> {
  const last = await latestRevision(tx, articleId);
  // A run of autosaves by one person collapses into one revision, so history shows real saves.
  if (
    kind === 'autosave' &&
    last?.kind === 'autosave' &&
    last.authorId === actor.id &&
    Date.now() - last.createdAt.getTime() < AUTOSAVE_MERGE_MINUTES * 60_000
  ) {
    const merged = [...new Set([...last.changedFields, ...changed])];
    await tx
      .update(articleRevisions)
      .set({ version, title: snapshot.title, snapshot: { ...snapshot }, changedFields: merged, updatedAt: new Date() })
      .where(eq(articleRevisions.id, last.id));
    return;
  }
  await tx.insert(articleRevisions).values({ articleId, version, title: snapshot.title, snapshot: { ...snapshot }, authorId: actor.id, kind, changedFields: changed });
}

export async function createArticle(db: Database, actor: Actor, input: ArticleInput): Promise<WriteResult> {
  return withTx(db, async (t) => {
    await resolveSection(t, input.sectionId);
    const tagIds = await resolveTags(t, actor, input.tagNames);
    const authorIds = can(actor.role, 'article:edit-any') && input.authorIds.length ? await resolveAuthors(t, input.authorIds) : [actor.id];
    const slug = await resolveSlug(t, input);
    const body = await renderedBody(t, input.body);
    const coverMediaId = await resolveCoverMedia(t, input.coverMediaId);
    const mayFeature = can(actor.role, 'article:publish-any');
    const [row] = await t
      .insert(articles)
      .values({
        slug,
        title: input.title,
        subtitle: input.subtitle,
        excerpt: excerptFrom(input, body.bodyText),
        ...body,
        coverImageUrl: input.coverImageUrl,
        coverImageAlt: input.coverImageAlt,
        coverMediaId,
        sectionId: input.sectionId,
        byline: input.byline,
        source: input.source,
        locale: input.locale,
        status: 'draft',
        publishedAt: input.publishedAt,
        seoTitle: input.seoTitle || null,
        seoDescription: input.seoDescription || null,
        featured: mayFeature && input.featured,
        pinned: mayFeature && input.pinned,
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
  return withTx(db, async (t) => {
    const current = await loadCurrent(t, id, true);
    if (!current || current.deletedAt || !canViewArticleInAdmin(actor, current)) throw notFoundError('This article');
    if (!canEditArticle(actor, current)) throw forbiddenError();
    if (current.version !== baseVersion) {
      throw new ActionError(409, 'Someone else saved this article after you opened it. Compare the two versions, then save again.', undefined, {
        currentVersion: current.version,
      });
    }
    const isEditor = can(actor.role, 'article:edit-any');
    await resolveSection(t, input.sectionId);
    const tagIds = await resolveTags(t, actor, input.tagNames);
    // Field-level rules: only editors change the byline's staff authors and the home-page flags.
    const authorIds = isEditor && input.authorIds.length ? await resolveAuthors(t, input.authorIds) : current.authorIds;
    const slug = await resolveSlug(t, input, id, current.slug);
    const mayFeature = can(actor.role, 'article:publish-any');
    const publishedAt = PUBLIC.includes(current.status) && !canPublishArticle(actor, current) ? current.publishedAt : input.publishedAt ?? current.publishedAt;

    const last = await latestRevision(t, id);
    const snapshot = snapshotOf(input, { slug, authorIds });
    const changed = changedFields(last?.snapshot as Partial<ArticleSnapshot> | null, snapshot);
    const flagsChanged =
      (mayFeature && (input.featured !== current.featured || input.pinned !== current.pinned)) ||
      (publishedAt?.getTime() ?? null) !== (current.publishedAt?.getTime() ?? null);
    if (!changed.length && !flagsChanged) {
      return { id, version: current.version, slug: current.slug, status: current.status, invalidate: [] };
    }

    const body = await renderedBody(t, input.body);
    const coverMediaId = await resolveCoverMedia(t, input.coverMediaId);
    const [row] = await t
      .update(articles)
      .set({
        slug,
        title: input.title,
        subtitle: input.subtitle,
        excerpt: excerptFrom(input, body.bodyText),
        ...body,
        coverImageUrl: input.coverImageUrl,
        coverImageAlt: input.coverImageAlt,
        coverMediaId,
        sectionId: input.sectionId,
        byline: input.byline,
        source: input.source,
        locale: input.locale,
        publishedAt,
        seoTitle: input.seoTitle || null,
        seoDescription: input.seoDescription || null,
        featured: mayFeature ? input.featured : current.featured,
        pinned: mayFeature ? input.pinned : current.pinned,
        version: sql`${articles.version} + 1`,
        updatedById: actor.id,
        updatedAt: new Date(),
      })
      .where(and(eq(articles.id, id), eq(articles.version, baseVersion)))
      .returning({ version: articles.version, status: effectiveStatus });
    if (!row) throw new ActionError(409, 'Someone else saved this article at the same moment. Reload to compare.');
    if (changed.includes('tagNames') || changed.includes('authorIds') || !last) await replaceLinks(t, id, tagIds, authorIds);
    if (changed.length) await recordRevision(t, actor, id, row.version, snapshot, changed, options.kind ?? (options.autosave ? 'autosave' : 'save'));
    if (!options.autosave) {
      await writeAudit(t, { actorId: actor.id, action: options.kind === 'restore' ? 'article.restore-revision' : 'article.update', entityType: 'article', entityId: id, summary: input.title, data: { changed } });
    }
    const invalidate = PUBLIC.includes(current.status)
      ? await readerTags(t, id, [current, { sectionId: input.sectionId, tagIds, authorIds }])
      : [];
    return { id, version: row.version, slug, status: row.status, invalidate };
  });
}

function transitionAllowedFrom(transition: ArticleTransition, status: ArticleStatus, deleted: boolean): boolean {
  if (deleted) return transition === 'restore';
  switch (transition) {
    case 'submit':
      return status === 'draft';
    case 'withdraw':
      return status === 'in_review';
    case 'publish':
    case 'schedule':
      return status !== 'archived';
    case 'unpublish':
      // Also the way back from the archive: an archived story returns to the drafts.
      return PUBLIC.includes(status) || status === 'archived';
    case 'archive':
      return status !== 'archived';
    case 'trash':
      return true;
    case 'restore':
      return false;
  }
}

export interface TransitionOptions {
  baseVersion?: number;
  publishAt?: Date | null;
  note?: string;
}

/** Moves an article through the workflow; re-running a publish that already happened changes nothing. */
export async function transitionArticle(db: Database, actor: Actor, id: number, transition: ArticleTransition, options: TransitionOptions = {}): Promise<WriteResult> {
  return withTx(db, async (t) => {
    const current = await loadCurrent(t, id, true);
    if (!current || (current.deletedAt && transition !== 'restore')) throw notFoundError('This article');
    if (!canViewArticleInAdmin(actor, current) && !can(actor.role, 'article:review')) throw notFoundError('This article');
    if (options.baseVersion !== undefined && options.baseVersion !== current.version) {
      throw new ActionError(409, 'The article changed since you opened it. Reload, then try again.', undefined, { currentVersion: current.version });
    }
    const now = new Date();
    const publishAt = options.publishAt ?? null;
    const effective: ArticleTransition = transition === 'publish' && publishAt && publishAt > now ? 'schedule' : transition;
    const alreadyPublished = effective === 'publish' && current.status === 'published'; // effective: live by the database's clock
    if (alreadyPublished) {
      // A retried or double-clicked publish changes nothing, but only for someone allowed to publish.
      if (!canPublishArticle(actor, current)) throw forbiddenError();
      return { id, version: current.version, slug: current.slug, status: current.status, invalidate: [] };
    }
    if (!transitionAllowedFrom(effective, current.status, Boolean(current.deletedAt))) {
      const state = current.deletedAt ? 'trash' : current.status;
      throw new ActionError(
        409,
        `This article is ${state === 'trash' ? 'in the trash' : state.replace('_', ' ')}; it cannot be ${effective === 'publish' ? 'published' : `${effective}ed`} now.`,
        undefined,
        { state },
      );
    }
    if (!canTransition(actor, current, effective)) throw forbiddenError();

    const patch: Partial<typeof articles.$inferInsert> = { updatedById: actor.id, updatedAt: now };
    switch (effective) {
      case 'submit':
        Object.assign(patch, { status: 'in_review', reviewNote: (options.note ?? '').slice(0, 2000) });
        break;
      case 'withdraw':
        patch.status = 'draft';
        break;
      case 'publish':
        // "Now" is the database's clock, the one reader visibility (and `effectiveStatus`) is judged by.
        Object.assign(patch, { status: 'published', publishedAt: publishAt && publishAt <= now ? publishAt : sql`now()`, reviewNote: '' });
        break;
      case 'schedule':
        if (!publishAt || publishAt <= now) throw new ActionError(422, 'Choose a publish time in the future.', { publishedAt: ['Must be in the future.'] });
        Object.assign(patch, { status: 'scheduled', publishedAt: publishAt, reviewNote: '' });
        break;
      case 'unpublish':
        patch.status = 'draft';
        break;
      case 'archive':
        patch.status = 'archived';
        break;
      case 'trash':
        patch.deletedAt = now;
        break;
      case 'restore':
        Object.assign(patch, { deletedAt: null, status: 'draft' });
        break;
    }
    const [row] = await t
      .update(articles)
      .set({ ...patch, version: sql`${articles.version} + 1` })
      .where(eq(articles.id, id))
      .returning({ version: articles.version, status: effectiveStatus, slug: articles.slug, title: articles.title });
    await writeAudit(t, {
      actorId: actor.id,
      action: `article.${effective}`,
      entityType: 'article',
      entityId: id,
      summary: row!.title,
      data: { from: current.status, to: row!.status, publishAt: publishAt?.toISOString(), note: options.note || undefined },
    });
    const wasPublic = PUBLIC.includes(current.status) && !current.deletedAt;
    const isPublic = PUBLIC.includes(row!.status) && !patch.deletedAt;
    const invalidate = wasPublic || isPublic ? await readerTags(t, id, [current]) : [];
    return { id, version: row!.version, slug: row!.slug, status: row!.status, invalidate };
  });
}

/** The article as the editor form needs it; null when missing or not visible to this user. */
export async function getArticleForEdit(db: Database, actor: Actor, id: number): Promise<EditableArticleDTO | null> {
  const current = await loadCurrent(db, id, false);
  if (!current || !canViewArticleInAdmin(actor, current)) return null;
  const [row] = await db
    .select({
      title: articles.title,
      subtitle: articles.subtitle,
      excerpt: articles.excerpt,
      bodyJson: articles.bodyJson,
      byline: articles.byline,
      source: articles.source,
      coverImageUrl: articles.coverImageUrl,
      coverImageAlt: articles.coverImageAlt,
      coverMediaId: articles.coverMediaId,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      updatedAt: articles.updatedAt,
      reviewNote: articles.reviewNote,
      locale: articles.locale,
    })
    .from(articles)
    .where(eq(articles.id, id));
  const lastSnapshot = (await latestRevision(db, id))?.snapshot as Partial<ArticleSnapshot> | undefined;
  const tagNames = current.tagIds.length
    ? (await db.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.id, current.tagIds))).sort((a, b) => current.tagIds.indexOf(a.id) - current.tagIds.indexOf(b.id)).map((t) => t.name)
    : [];
  const transitions = (['submit', 'withdraw', 'publish', 'schedule', 'unpublish', 'archive', 'trash', 'restore'] as const).filter(
    (tr) => transitionAllowedFrom(tr, current.status, Boolean(current.deletedAt)) && canTransition(actor, current, tr),
  );
  return {
    id,
    version: current.version,
    status: current.status,
    publishedAt: current.publishedAt?.toISOString() ?? null,
    updatedAt: row!.updatedAt.toISOString(),
    deleted: Boolean(current.deletedAt),
    reviewNote: row!.reviewNote,
    featured: current.featured,
    pinned: current.pinned,
    locale: row!.locale,
    createdById: current.createdById,
    values: {
      title: row!.title,
      subtitle: row!.subtitle,
      // The excerpt as typed: an empty one is derived from the body on every save, so the form
      // must not send the derived text back as if the editor had written it.
      excerpt: typeof lastSnapshot?.excerpt === 'string' ? lastSnapshot.excerpt : row!.excerpt,
      body: row!.bodyJson as RichTextDoc,
      sectionId: current.sectionId,
      tagNames,
      authorIds: current.authorIds,
      byline: row!.byline,
      source: row!.source,
      coverImageUrl: row!.coverImageUrl,
      coverImageAlt: row!.coverImageAlt,
      coverMediaId: row!.coverMediaId,
      slug: current.slug,
      seoTitle: row!.seoTitle ?? '',
      seoDescription: row!.seoDescription ?? '',
    },
    permissions: { edit: canEditArticle(actor, current) && !current.deletedAt, publish: canPublishArticle(actor, current), transitions },
  };
}

/** For permission checks outside this module (preview, revisions, presence). */
export async function getOwnership(db: Database, id: number): Promise<Current | null> {
  return loadCurrent(db, id, false);
}
