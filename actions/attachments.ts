'use server';

import { z } from 'zod';
import { defineAction } from '@/actions/define';
import { formState, staffOf, text } from '@/actions/form-result';
import { deleteAttachment } from '@/services/media/attachments';
import type { FormState } from '@/domain/form-state';
import { id } from '@/domain/validation/text';

// Whoever may edit a story may change its files (the DAL checks the story; any staff member may call).
export const removeAttachmentAction = defineAction({ name: 'article.attachment-remove', input: z.object({ id, articleId: id }), permission: null }, async (input, ctx) =>
  ctx.expire(await deleteAttachment(staffOf(ctx), input)),
);

export async function removeAttachmentForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await removeAttachmentAction({ id: text(form, 'id'), articleId: text(form, 'articleId') }), 'attachmentRemoved');
}
