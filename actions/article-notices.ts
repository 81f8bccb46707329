'use server';

import { addArticleNotice, deleteArticleNotice } from '@/db/queries/admin/article-notices';
import { defineAction } from '@/actions/define';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import type { ArticleNoticeKind } from '@/domain/enums';
import { articleNoticeInput, deleteArticleNoticeInput } from '@/domain/validation/article-notice';

// Whoever may publish a story may say it was corrected or updated: authors their own, editors any
// (the DAL checks the story; the named permission is the least a caller needs).
export const addArticleNoticeAction = defineAction({ name: 'article.notice-add', input: articleNoticeInput, permission: 'article:publish-own' }, async (input, ctx) =>
  ctx.expire(await addArticleNotice(ctx.db, staffOf(ctx), input)),
);

export const deleteArticleNoticeAction = defineAction({ name: 'article.notice-delete', input: deleteArticleNoticeInput, permission: 'article:publish-own' }, async (input, ctx) =>
  ctx.expire(await deleteArticleNotice(ctx.db, staffOf(ctx), input)),
);

export async function addArticleNoticeForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await addArticleNoticeAction({ articleId: text(form, 'articleId'), kind: text(form, 'kind') as ArticleNoticeKind, note: text(form, 'note') }), 'noticeAdded');
}

export async function deleteArticleNoticeForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await deleteArticleNoticeAction({ id: text(form, 'id'), articleId: text(form, 'articleId') }), 'noticeRemoved');
}
