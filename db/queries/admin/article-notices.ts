import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleNotices, users } from '../../schema';
import { withTx } from '../../tx';
import { cacheTags } from '../../../domain/cache-tags';
import { ActionError, forbiddenError, notFoundError } from '../../../domain/errors';
import { canPublishArticle, canViewArticleInAdmin } from '../../../domain/permissions';
import type { ArticleNoticeKind } from '../../../domain/enums';
import type { ArticleNoticeInput } from '../../../domain/validation/article-notice';
import { EVENT } from '../../../domain/webhooks/events';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import { loadCurrent, type Current } from './article-current';
import { writeAudit } from './audit';
import type { StaffActor } from './sections';

export interface AdminArticleNoticeDTO {
  id: number;
  kind: ArticleNoticeKind;
  note: string;
  createdAt: string;
  createdByName: string | null;
}

/** What a notice changes for readers: the story's page (its 更新时间 and notes), the feeds, /corrections. */
const expireFor = (articleId: number) => [cacheTags.article(articleId), cacheTags.feeds, cacheTags.corrections];

/** The story, locked, if this actor may add to or take from its notices: whoever may publish it. */
async function lockedForNotices(t: Database, actor: StaffActor, articleId: number): Promise<Current> {
  const current = await loadCurrent(t, articleId, true);
  if (!current || current.deletedAt || !canViewArticleInAdmin(actor, current)) throw notFoundError('This article');
  if (!canPublishArticle(actor, current)) throw forbiddenError();
  return current;
}

/** Adds a significant update or a correction to a story readers can see now. */
export async function addArticleNotice(db: Database, actor: StaffActor, input: ArticleNoticeInput) {
  return withTx(db, async (t) => {
    const current = await lockedForNotices(t, actor, input.articleId);
    // Before it is out, a change is just an edit: there is nothing yet to correct in readers' eyes.
    if (current.status !== 'published') throw new ActionError(409, { code: 'noticeNeedsPublished' });
    const [row] = await t
      .insert(articleNotices)
      .values({ articleId: input.articleId, kind: input.kind, note: input.note, createdById: actor.id })
      .returning({ id: articleNotices.id, createdAt: articleNotices.createdAt });
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: input.kind === 'correction' ? 'article.correct' : 'article.significant-update', entityType: 'article', entityId: input.articleId, summary: input.note, data: { notice: row!.id } });
    await enqueueWebhookEvent(t, EVENT.updated, { id: input.articleId });
    return { id: row!.id, invalidate: expireFor(input.articleId) };
  });
}

/** Takes back a notice added by mistake; the audit log keeps what it said. */
export async function deleteArticleNotice(db: Database, actor: StaffActor, input: { id: number; articleId: number }) {
  return withTx(db, async (t) => {
    await lockedForNotices(t, actor, input.articleId);
    const [gone] = await t
      .delete(articleNotices)
      .where(and(eq(articleNotices.id, input.id), eq(articleNotices.articleId, input.articleId)))
      .returning({ kind: articleNotices.kind, note: articleNotices.note });
    if (!gone) throw notFoundError('This item');
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'article.notice-remove', entityType: 'article', entityId: input.articleId, summary: gone.note, data: { notice: input.id, kind: gone.kind } });
    return { invalidate: expireFor(input.articleId) };
  });
}

/** A story's notices for its editor, oldest first (the order readers see them in). */
export async function listArticleNoticesForAdmin(db: Database, actor: StaffActor, articleId: number): Promise<AdminArticleNoticeDTO[]> {
  const current = await loadCurrent(db, articleId, false);
  if (!current || !canViewArticleInAdmin(actor, current)) return [];
  const rows = await db
    .select({ id: articleNotices.id, kind: articleNotices.kind, note: articleNotices.note, createdAt: articleNotices.createdAt, createdByName: users.name })
    .from(articleNotices)
    .leftJoin(users, eq(users.id, articleNotices.createdById))
    .where(eq(articleNotices.articleId, articleId))
    .orderBy(asc(articleNotices.createdAt), asc(articleNotices.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
