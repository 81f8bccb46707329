'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { defineAction, failureOf } from '@/actions/define';
import { articleInput } from '@/domain/validation/article';
import { id } from '@/domain/validation/text';
import { leavePresence, listAdminArticles, touchPresence } from '@/db/queries/admin/article-admin';
import type { WriteResult } from '@/db/queries/admin/article-current';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle, restoreRevision, saveArticle } from '@/db/queries/admin/article-write';
import { notFoundError } from '@/domain/errors';
import { text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { adminLocale } from '@/services/admin/locale';
import { getCurrentUser } from '@/services/auth/session';
import { BULK_TRANSITIONS, type BulkOutcome, type BulkTransition } from '@/domain/bulk-actions';
import { bulkSummary } from '@/domain/i18n/bulk-summary';
import { translateMessage } from '@/domain/i18n/server-messages';

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

const bulkInput = z.object({
  ids: z.array(id).min(1, 'selectArticles').max(100),
  // No default: an empty or unknown action is refused, whatever the form sent.
  transition: z.enum(BULK_TRANSITIONS, { error: 'chooseBulkAction' }),
});

export const bulkTransitionAction = defineAction({ name: 'article.bulk', input: bulkInput, permission: 'article:bulk' }, async ({ ids, transition: name }, ctx) => {
  const outcomes: BulkOutcome[] = [];
  for (const articleId of ids) {
    try {
      ctx.invalidate((await transitionArticle(ctx.db, ctx.user, articleId, name)).invalidate);
      outcomes.push({ id: articleId, ok: true });
    } catch (error) {
      // One refusal must not undo the others (they are committed, and their caches are expired below).
      const failure = failureOf(error, 'article.bulk');
      const state = typeof failure.details?.state === 'string' ? failure.details.state : undefined;
      outcomes.push({ id: articleId, ok: false, error: failure.reason, ...(state ? { state } : {}) });
    }
  }
  return outcomes;
});

export const restoreRevisionAction = defineAction(
  { name: 'article.restore-revision', input: z.object({ id, revisionId: id, baseVersion: z.number().int().min(1) }), permission: null },
  async ({ id: articleId, revisionId, baseVersion }, ctx) => {
    // Who may restore, and what a restore keeps of the article as it is, are the DAL's rules.
    const result = await restoreRevision(ctx.db, ctx.user, articleId, revisionId, baseVersion);
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

/** The stories this user may see in the newsroom (their own, or all for editors), newest change first. */
export const listArticlesAction = defineAction(
  {
    name: 'article.list',
    input: z.object({
      status: z.enum(['draft', 'in_review', 'scheduled', 'published', 'archived']).optional(),
      q: z.string().trim().max(200).optional(),
      page: z.number().int().min(1).max(10_000).default(1),
    }),
    permission: null, // scoped to what the user may see by the DAL
  },
  async ({ status, q, page }, ctx) => listAdminArticles(ctx.db, ctx.user, { status, q: q || undefined, page, pageSize: 50 }),
);

/**
 * The list page's bulk form posts here (it also works without client JavaScript); the answer is
 * the outcome in words, in the user's language, and the list is rendered again.
 */
export async function bulkArticlesForm(_state: FormState, form: FormData): Promise<FormState> {
  const transition = text(form, 'transition');
  const result = await bulkTransitionAction({ ids: form.getAll('ids').map(Number), transition: transition as BulkTransition });
  const locale = await adminLocale(await getCurrentUser());
  const at = Date.now();
  if (!result.ok) {
    // The field's own message ("choose a bulk action") says more than "some fields need attention".
    const first = Object.values(result.fieldMessages ?? {}).flat()[0] ?? result.reason;
    return { status: 'error', error: translateMessage(locale, first), fieldErrors: {}, at };
  }
  refresh();
  const message = bulkSummary(locale, transition as BulkTransition, result.data);
  return result.data.every((o) => o.ok) ? { status: 'ok', message, at } : { status: 'error', error: message, fieldErrors: {}, at };
}
