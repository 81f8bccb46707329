import { and, asc, count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '@/db/client';
import type { WriteResult } from '@/db/queries/admin/article-current';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle, saveArticle } from '@/db/queries/admin/article-write';
import { articleAuthors, articleRevisions, articles, articleTags, auditLog, tags } from '@/db/schema';
import type { ActionError } from '@/domain/errors';
import type { Actor } from '@/domain/permissions';
import type { RichTextDoc } from '@/domain/rich-text/schema';
import { articleInput, type ArticleFormValues, type ArticleInput } from '@/domain/validation/article';
import { expectActionError } from '../fixtures/action-errors';

// The shared fixture kit, for the tests that take it from here.
export { expectActionError } from '../fixtures/action-errors';
export { sectionIdBySlug } from '../fixtures/database';
export { createStaff, type Role, type Staff } from '../fixtures/staff';

/** A Tiptap document with one paragraph per argument. */
export function doc(...paragraphs: string[]): RichTextDoc {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/**
 * A photo-only body. Its JSON keeps its key order through a jsonb round trip (unlike text nodes,
 * whose keys PostgreSQL stores as {text, type}), so saving it back is a true "no change"; see the
 * regression tests under "revisions" in newsroom-articles.test.ts for what happens with text bodies.
 */
export function photoBody(...names: string[]): RichTextDoc {
  return { type: 'doc', content: names.map((name) => ({ type: 'image', attrs: { alt: `Photo ${name}`, src: `/media/${name}.jpg` } })) };
}

/** What the article form would post, run through the same schema the Server Action uses. */
export function input(values: Partial<ArticleFormValues> & { title: string; sectionId: number }): ArticleInput {
  return articleInput.parse({ body: doc(`Body of ${values.title}`), ...values });
}

export async function countRows(db: Database, table: typeof auditLog | typeof tags): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

/**
 * Everything a write to one article could touch: its row, its tag and author links, its
 * revisions (full rows, so an autosave merged in place shows), and the audit log and tag counts.
 */
export async function articleState(db: Database, id: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  const [tagLinks, authorLinks, revisions, audit, tagCount] = await Promise.all([
    db.select().from(articleTags).where(eq(articleTags.articleId, id)).orderBy(asc(articleTags.sortOrder)),
    db.select().from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.sortOrder)),
    db.select().from(articleRevisions).where(eq(articleRevisions.articleId, id)).orderBy(asc(articleRevisions.id)),
    countRows(db, auditLog),
    countRows(db, tags),
  ]);
  return { row, tagLinks, authorLinks, revisions, audit, tagCount };
}

export async function articleRow(db: Database, id: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  if (!row) throw new Error(`no article ${id}`);
  return row;
}

export async function authorIdsOf(db: Database, id: number): Promise<number[]> {
  const rows = await db.select({ userId: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.sortOrder));
  return rows.map((r) => r.userId);
}

export async function revisionsOf(db: Database, id: number) {
  return db.select().from(articleRevisions).where(eq(articleRevisions.articleId, id)).orderBy(asc(articleRevisions.id));
}

/** Audit rows about one article, oldest first. */
export async function auditOf(db: Database, id: number) {
  return db
    .select({ action: auditLog.action, actorId: auditLog.actorId, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'article'), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.id));
}

/** The call is refused with one of `statuses` and the article, its links, revisions and the audit log are untouched. */
export async function expectRefusedUnchanged(db: Database, id: number, call: () => Promise<unknown>, ...statuses: ActionError['status'][]): Promise<ActionError> {
  const before = await articleState(db, id);
  const error = await expectActionError(call(), ...statuses);
  expect(await articleState(db, id)).toEqual(before);
  return error;
}

/** The current values of an article as the edit form would post them back (read as `reader`). */
export async function formValues(db: Database, reader: Actor, id: number): Promise<{ version: number; values: ArticleInput }> {
  const dto = await getArticleForEdit(db, reader, id);
  if (!dto) throw new Error(`article ${id} not visible to user ${reader.id}`);
  const values = articleInput.parse({
    ...dto.values,
    coverImageUrl: dto.values.coverImageUrl ?? '',
    publishedAt: dto.publishedAt ?? '',
    featured: dto.featured,
    pinned: dto.pinned,
    locale: dto.locale,
  });
  return { version: dto.version, values };
}

/** Saves the current form values with `changes` applied, as `actor` (the form read as `reader`). */
export async function edit(db: Database, actor: Actor, id: number, changes: Partial<ArticleInput>, options: { reader?: Actor; autosave?: boolean } = {}): Promise<WriteResult> {
  const { version, values } = await formValues(db, options.reader ?? actor, id);
  return saveArticle(db, actor, id, version, { ...values, ...changes }, { autosave: options.autosave });
}

export type Setup = 'draft' | 'in_review' | 'published' | 'scheduled' | 'archived' | 'trashed-draft';

let counter = 0;

/**
 * An article created by `owner` and moved to `state` through the DAL (publishing and trashing by
 * `editor`, submitting by the owner).
 */
export async function makeArticle(
  db: Database,
  owner: Actor,
  editor: Actor,
  state: Setup,
  values: Partial<ArticleFormValues> & { sectionId: number },
): Promise<number> {
  counter += 1;
  const { id } = await createArticle(db, owner, input({ title: `Fixture story ${counter}`, ...values }));
  switch (state) {
    case 'draft':
      break;
    case 'in_review':
      await transitionArticle(db, owner, id, 'submit');
      break;
    case 'published':
      await transitionArticle(db, editor, id, 'publish');
      break;
    case 'scheduled':
      await transitionArticle(db, editor, id, 'schedule', { publishAt: new Date(Date.now() + 86_400_000) });
      break;
    case 'archived':
      await transitionArticle(db, editor, id, 'publish');
      await transitionArticle(db, editor, id, 'archive');
      break;
    case 'trashed-draft':
      await transitionArticle(db, editor, id, 'trash');
      break;
  }
  return id;
}
