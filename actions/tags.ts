'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createTag, deleteTag, mergeTags, updateTag } from '@/db/queries/admin/tags';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction } from '@/actions/define';
import { mergeTagsInput, tagInput } from '@/domain/validation/tag';
import { id } from '@/domain/validation/text';

export const createTagAction = defineAction(
  { name: 'tag.create', input: tagInput, permission: 'tag:manage' },
  async (input, ctx) => ctx.expire(await createTag(ctx.db, staffOf(ctx), input)),
);

export const updateTagAction = defineAction(
  { name: 'tag.update', input: tagInput.extend({ id }), permission: 'tag:manage' },
  async ({ id: tagId, ...values }, ctx) => ctx.expire(await updateTag(ctx.db, staffOf(ctx), tagId, values)),
);

export const mergeTagsAction = defineAction(
  { name: 'tag.merge', input: mergeTagsInput, permission: 'tag:manage' },
  async (input, ctx) => ctx.expire(await mergeTags(ctx.db, staffOf(ctx), input.sourceId, input.targetId)),
);

export const deleteTagAction = defineAction(
  { name: 'tag.delete', input: z.object({ id }), permission: 'tag:manage' },
  async (input, ctx) => ctx.expire(await deleteTag(ctx.db, staffOf(ctx), input.id)),
);

const tagFields = (form: FormData) => ({ name: text(form, 'name'), slug: text(form, 'slug'), description: text(form, 'description') });

export async function createTagForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await createTagAction(tagFields(form)), 'tagCreated');
}

export async function updateTagForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await updateTagAction({ ...tagFields(form), id: text(form, 'id') }), 'saved');
}

/** The source tag is gone afterwards: continue on the tag it was merged into. */
export async function mergeTagsForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await mergeTagsAction({ sourceId: text(form, 'sourceId'), targetId: text(form, 'targetId') });
  if (result.ok) redirect(`/admin/tags/${result.data.id}?merged=1`);
  return formState(result, 'merged');
}

export async function deleteTagForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await deleteTagAction({ id: text(form, 'id') });
  if (result.ok && text(form, 'then') === 'list') redirect('/admin/tags?deleted=1');
  return formState(result, 'deleted');
}
