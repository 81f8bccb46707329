'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { articleInput } from '@/lib/validation/article';
import { id } from '@/lib/validation/text';
import { createArticle, getArticleForEdit, saveArticle, transitionArticle, type WriteResult } from '@/db/queries/newsroom/articles';
import { getRevisionSnapshot, leavePresence, touchPresence } from '@/db/queries/newsroom/article-admin';
import { ActionError, notFoundError } from '@/lib/errors';

const transition = z.enum(['submit', 'withdraw', 'publish', 'schedule', 'unpublish', 'archive', 'trash', 'restore']);
const publishAt = z
  .string()
  .max(40)
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'Not a valid date and time.' });
      return z.NEVER;
    }
    return date;
  });

function summary(result: WriteResult) {
  return { id: result.id, version: result.version, slug: result.slug, status: result.status };
}

export const createArticleAction = defineAction({ name: 'article.create', input: articleInput, permission: 'article:create' }, async (input, ctx) =>
  summary(await createArticle(ctx.db, ctx.user, input)),
);

export const saveArticleAction = defineAction(
  {
    name: 'article.save',
    input: z.object({ id, baseVersion: z.number().int().min(1), values: articleInput, autosave: z.boolean().default(false) }),
    permission: null, // ownership and state rules live in the DAL
  },
  async ({ id: articleId, baseVersion, values, autosave }, ctx) => {
    const result = await saveArticle(ctx.db, ctx.user, articleId, baseVersion, values, { autosave });
    ctx.invalidate(result.invalidate);
    return summary(result);
  },
);

export const transitionArticleAction = defineAction(
  {
    name: 'article.transition',
    input: z.object({ id, transition, baseVersion: z.number().int().min(1).optional(), publishAt, note: z.string().max(2000).optional() }),
    permission: null,
  },
  async ({ id: articleId, transition: name, baseVersion, publishAt: at, note }, ctx) => {
    const result = await transitionArticle(ctx.db, ctx.user, articleId, name, { baseVersion, publishAt: at, note });
    ctx.invalidate(result.invalidate);
    return summary(result);
  },
);

export const bulkTransitionAction = defineAction(
  { name: 'article.bulk', input: z.object({ ids: z.array(id).min(1).max(100), transition: z.enum(['publish', 'unpublish', 'archive', 'trash', 'restore']) }), permission: 'article:bulk' },
  async ({ ids, transition: name }, ctx) => {
    const outcomes: { id: number; ok: boolean; error?: string }[] = [];
    for (const articleId of ids) {
      try {
        ctx.invalidate((await transitionArticle(ctx.db, ctx.user, articleId, name)).invalidate);
        outcomes.push({ id: articleId, ok: true });
      } catch (error) {
        outcomes.push({ id: articleId, ok: false, error: error instanceof ActionError ? error.message : 'Failed.' });
      }
    }
    return outcomes;
  },
);

export const restoreRevisionAction = defineAction(
  { name: 'article.restore-revision', input: z.object({ id, revisionId: id, baseVersion: z.number().int().min(1) }), permission: null },
  async ({ id: articleId, revisionId, baseVersion }, ctx) => {
    const snapshot = await getRevisionSnapshot(ctx.db, ctx.user, articleId, revisionId);
    const current = await getArticleForEdit(ctx.db, ctx.user, articleId);
    if (!current) throw notFoundError('This article');
    // A revision holds content only; without these the schema defaults would unfeature the
    // article (and switch an old snapshot, saved before it recorded the language, to zh-CN).
    const kept = { featured: current.featured, pinned: current.pinned, locale: current.locale };
    const values = articleInput.parse({ ...kept, ...snapshot, coverImageUrl: snapshot.coverImageUrl ?? '', publishedAt: '' });
    const result = await saveArticle(ctx.db, ctx.user, articleId, baseVersion, { ...values, publishedAt: null }, { kind: 'restore' });
    ctx.invalidate(result.invalidate);
    return summary(result);
  },
);

export const heartbeatAction = defineAction({ name: 'article.heartbeat', input: z.object({ id, leaving: z.boolean().default(false) }), permission: null }, async (input, ctx) => {
  if (input.leaving) {
    await leavePresence(ctx.db, ctx.user, input.id);
    return [];
  }
  return touchPresence(ctx.db, ctx.user, input.id);
});

/** The article as it is now, for the editor's compare-and-merge after a 409. */
export const loadEditableArticleAction = defineAction({ name: 'article.load', input: z.object({ id }), permission: null }, async (input, ctx) => {
  const article = await getArticleForEdit(ctx.db, ctx.user, input.id);
  if (!article) throw notFoundError('This article');
  return article;
});

/** The list page's bulk form posts here (works without client JavaScript). */
export async function bulkFromFormAction(form: FormData): Promise<void> {
  const ids = form.getAll('ids').map(Number);
  const result = await bulkTransitionAction({ ids, transition: String(form.get('transition') ?? '') as 'publish' });
  const back = String(form.get('back') ?? '/admin/articles');
  const target = back.startsWith('/admin/articles') ? back : '/admin/articles';
  const separator = target.includes('?') ? '&' : '?';
  if (!result.ok) return redirect(`${target}${separator}bulkError=${encodeURIComponent(result.error)}`);
  redirect(`${target}${separator}bulkDone=${result.data.filter((r) => r.ok).length}&bulkFailed=${result.data.filter((r) => !r.ok).length}`);
}
