import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles } from '../../schema';
import type { ArticleStatus } from '../../schema';
import { withTx } from '../../tx';
import { ActionError, forbiddenError, notFoundError } from '../../../domain/errors';
import { can, canPublishArticle, canTransition, canViewArticleInAdmin, ownsArticle, type Actor, type ArticleTransition } from '../../../domain/permissions';
import { insertArticleComment } from './article-comments';
import { notify, reviewers, storyPeople } from './notifications';
import { effectiveStatus } from '../visibility';
import { loadCurrent, PUBLIC, readerTags, type WriteResult } from './article-current';
import { assertPublishable, storedChecklistInput } from './article-checklist';
import { writeAudit } from './audit';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import { EVENT } from '../../../domain/webhooks/events';

/** Whether the workflow has a way from `status` (or the trash) by `transition`; who may take it is `canTransition`. */
export function transitionAllowedFrom(transition: ArticleTransition, status: ArticleStatus, deleted: boolean): boolean {
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

/** The transitions that put the story in front of someone: readers, or an editor approving it. */
const CHECKED: ArticleTransition[] = ['publish', 'schedule', 'submit'];

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
      throw new ActionError(409, { code: 'changedSinceOpened' }, undefined, { currentVersion: current.version });
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
      throw new ActionError(409, { code: `wrongState_${state}` }, undefined, { state });
    }
    if (!canTransition(actor, current, effective)) throw forbiddenError();
    // Whatever goes in front of readers, or of an editor to approve, passes the publish checklist.
    if (CHECKED.includes(effective)) assertPublishable(await storedChecklistInput(t, id));

    // A reviewer sending someone else's story back from review says why (the author reads it in the conversation).
    const isReturn = effective === 'withdraw' && current.status === 'in_review' && !ownsArticle(actor, current);
    const note = (options.note ?? '').trim().slice(0, 2000);
    if (isReturn && !note) throw ActionError.onField(422, 'note', { code: 'returnReasonRequired' });

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
        // Whoever publishes is the story's 责任编辑 unless one is typed (domain/attribution.ts).
        Object.assign(patch, { status: 'published', publishedAt: publishAt && publishAt <= now ? publishAt : sql`now()`, reviewNote: '', publishedById: actor.id });
        break;
      case 'schedule':
        if (!publishAt || publishAt <= now) throw ActionError.onField(422, 'publishedAt', { code: 'scheduleInFuture' });
        Object.assign(patch, { status: 'scheduled', publishedAt: publishAt, reviewNote: '', publishedById: actor.id });
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
    if (effective === 'submit' && note) await insertArticleComment(t, actor, id, 'submit', note);
    if (isReturn) await insertArticleComment(t, actor, id, 'return', note);
    // The bell: reviewers hear of a submission; the story's people of its return and of it going live.
    if (effective === 'submit') await notify(t, await reviewers(t), 'submitted', id, actor.id, note);
    if (isReturn) await notify(t, await storyPeople(t, current), 'returned', id, actor.id, note);
    await writeAudit(t, {
      actorId: actor.id,
      action: isReturn ? 'article.return' : `article.${effective}`,
      entityType: 'article',
      entityId: id,
      summary: row!.title,
      data: { from: current.status, to: row!.status, publishAt: publishAt?.toISOString(), note: options.note || undefined },
    });
    // Webhooks follow what readers see: going live, or going away (to the trash: deleted).
    const wasLive = current.status === 'published' && !current.deletedAt;
    const isLive = row!.status === 'published' && !patch.deletedAt;
    if (wasLive !== isLive) await enqueueWebhookEvent(t, isLive ? EVENT.published : effective === 'trash' ? EVENT.deleted : EVENT.unpublished, { id });
    if (!wasLive && isLive) await notify(t, await storyPeople(t, current), 'published', id, actor.id);
    const wasPublic = PUBLIC.includes(current.status) && !current.deletedAt;
    const isPublic = PUBLIC.includes(row!.status) && !patch.deletedAt;
    const invalidate = wasPublic || isPublic ? await readerTags(t, id, [current]) : [];
    return { id, version: row!.version, slug: row!.slug, status: row!.status, invalidate };
  });
}
