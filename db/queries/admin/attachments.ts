import 'server-only';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleAttachments, articles } from '../../schema';
import { articleIsVisible } from '../visibility';
import { withTx } from '../../tx';
import { cacheTags } from '../../../domain/cache-tags';
import { ActionError, notFoundError } from '../../../domain/errors';
import { canEditArticle, canViewArticleInAdmin } from '../../../domain/permissions';
import type { DocumentKind } from '../../../domain/media/document-kind';
import { attachmentPath } from '../../../domain/urls';
import { loadCurrent, PUBLIC, type Current } from './article-current';
import { writeAudit } from './audit';
import type { StaffActor } from './sections';

/** A story lists at most this many files. */
export const ATTACHMENTS_PER_STORY = 20;

export interface AttachmentDTO {
  id: number;
  fileName: string;
  kind: DocumentKind;
  bytes: number;
  /** Where readers (and the editor) download it: /attachments/{id}/{name}. */
  url: string;
}


/** What a reader sees change: the story's page, when readers can see it. */
const expireFor = (current: Current) => (PUBLIC.includes(current.status) && !current.deletedAt ? [cacheTags.article(current.id)] : []);

/** The story, locked, if this actor may change what it lists: whoever may edit it (others: 404, as the story itself). */
async function lockedForAttachments(t: Database, actor: StaffActor, articleId: number): Promise<Current> {
  const current = await loadCurrent(t, articleId, true);
  if (!current || current.deletedAt || !canViewArticleInAdmin(actor, current)) throw notFoundError('This article');
  if (!canEditArticle(actor, current)) throw new ActionError(403, { code: 'noPermission' });
  return current;
}

/** Checked before an upload's body is read, and again when its row is written. */
export async function assertMayAttach(db: Database, actor: StaffActor, articleId: number): Promise<void> {
  await withTx(db, async (t) => {
    await lockedForAttachments(t, actor, articleId);
    const [row] = await t.select({ n: count() }).from(articleAttachments).where(eq(articleAttachments.articleId, articleId));
    if (Number(row?.n ?? 0) >= ATTACHMENTS_PER_STORY) throw new ActionError(409, { code: 'tooManyAttachments', params: { max: ATTACHMENTS_PER_STORY } });
  });
}

/** Lists a stored file under the story, last; the caller removes the stored file if this throws. */
export async function addAttachment(
  db: Database,
  actor: StaffActor,
  input: { articleId: number; storageKey: string; fileName: string; kind: DocumentKind; bytes: number },
): Promise<{ attachment: AttachmentDTO; invalidate: string[] }> {
  return withTx(db, async (t) => {
    const current = await lockedForAttachments(t, actor, input.articleId);
    const [{ n, last } = { n: 0, last: -1 }] = await t
      .select({ n: count(), last: sql<number>`coalesce(max(${articleAttachments.sortOrder}), -1)` })
      .from(articleAttachments)
      .where(eq(articleAttachments.articleId, input.articleId));
    if (Number(n) >= ATTACHMENTS_PER_STORY) throw new ActionError(409, { code: 'tooManyAttachments', params: { max: ATTACHMENTS_PER_STORY } });
    const [row] = await t
      .insert(articleAttachments)
      .values({ ...input, sortOrder: Number(last) + 1, uploadedById: actor.id })
      .returning({ id: articleAttachments.id, fileName: articleAttachments.fileName, kind: articleAttachments.kind, bytes: articleAttachments.bytes });
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'article.attachment-add', entityType: 'article', entityId: input.articleId, summary: input.fileName, data: { attachment: row!.id, kind: input.kind, bytes: input.bytes } });
    const attachment = { ...row!, kind: row!.kind as DocumentKind, url: attachmentPath(row!) };
    return { attachment, invalidate: expireFor(current) };
  });
}

/** Takes a file off the story; returns its storage key, for the caller to delete once committed. */
export async function removeAttachment(db: Database, actor: StaffActor, input: { id: number; articleId: number }): Promise<{ storageKey: string; invalidate: string[] }> {
  return withTx(db, async (t) => {
    const current = await lockedForAttachments(t, actor, input.articleId);
    const [gone] = await t
      .delete(articleAttachments)
      .where(and(eq(articleAttachments.id, input.id), eq(articleAttachments.articleId, input.articleId)))
      .returning({ storageKey: articleAttachments.storageKey, fileName: articleAttachments.fileName });
    if (!gone) throw notFoundError('This item');
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'article.attachment-remove', entityType: 'article', entityId: input.articleId, summary: gone.fileName, data: { attachment: input.id } });
    return { storageKey: gone.storageKey, invalidate: expireFor(current) };
  });
}

/** A story's files for its editor, in their order (article_attachments_article_idx). */
export async function listAttachmentsForAdmin(db: Database, actor: StaffActor, articleId: number): Promise<AttachmentDTO[]> {
  const current = await loadCurrent(db, articleId, false);
  if (!current || !canViewArticleInAdmin(actor, current)) return [];
  const rows = await db
    .select({ id: articleAttachments.id, fileName: articleAttachments.fileName, kind: articleAttachments.kind, bytes: articleAttachments.bytes })
    .from(articleAttachments)
    .where(eq(articleAttachments.articleId, articleId))
    .orderBy(asc(articleAttachments.sortOrder), asc(articleAttachments.id));
  return rows.map((r) => ({ ...r, kind: r.kind as DocumentKind, url: attachmentPath(r) }));
}

export interface AttachmentFile {
  storageKey: string;
  fileName: string;
  kind: DocumentKind;
  bytes: number;
  articleId: number;
  /** Whether readers can see its story now: only then is the file public. */
  isPublic: boolean;
}

/** One file for its download route (primary key), with whether its story is public now. */
export async function getAttachmentFile(db: Database, id: number): Promise<AttachmentFile | null> {
  const [row] = await db
    .select({
      storageKey: articleAttachments.storageKey,
      fileName: articleAttachments.fileName,
      kind: articleAttachments.kind,
      bytes: articleAttachments.bytes,
      articleId: articleAttachments.articleId,
      isPublic: sql<boolean>`exists (select 1 from ${articles} where ${articles.id} = ${articleAttachments.articleId} and ${articleIsVisible})`,
    })
    .from(articleAttachments)
    .where(eq(articleAttachments.id, id));
  return row ? { ...row, kind: row.kind as DocumentKind, bytes: Number(row.bytes) } : null;
}

/** Whether `actor` may see the (not public) story a file belongs to, as in the admin. */
export async function mayViewAttachmentInAdmin(db: Database, actor: StaffActor, articleId: number): Promise<boolean> {
  const current = await loadCurrent(db, articleId, false);
  return Boolean(current && canViewArticleInAdmin(actor, current));
}
