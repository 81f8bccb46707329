'use server';

import { addArticleComment } from '@/db/queries/admin/article-comments';
import { defineAction } from '@/actions/define';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { articleCommentInput } from '@/domain/validation/article-comment';

// Every staff member may write about the stories they see (the DAL checks which: 404 otherwise).
export const addArticleCommentAction = defineAction({ name: 'article.comment', input: articleCommentInput, permission: 'article:create' }, async (input, ctx) =>
  ctx.expire(await addArticleComment(ctx.db, staffOf(ctx), input)),
);

export async function addArticleCommentForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await addArticleCommentAction({ articleId: text(form, 'articleId'), body: text(form, 'body') }), 'commentAdded');
}
