'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createTopic, deleteTopic, saveTopic } from '@/db/queries/admin/topics';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction } from '@/actions/define';
import { id } from '@/domain/validation/text';
import { topicInput } from '@/domain/validation/topic';

export const createTopicAction = defineAction({ name: 'topic.create', input: topicInput, permission: 'topic:manage' }, async (input, ctx) =>
  ctx.expire(await createTopic(ctx.db, staffOf(ctx), input)),
);

export const saveTopicAction = defineAction({ name: 'topic.update', input: topicInput.extend({ id }), permission: 'topic:manage' }, async ({ id: topicId, ...input }, ctx) =>
  ctx.expire(await saveTopic(ctx.db, staffOf(ctx), topicId, input)),
);

export const deleteTopicAction = defineAction({ name: 'topic.delete', input: z.object({ id }), permission: 'topic:manage' }, async (input, ctx) =>
  ctx.expire(await deleteTopic(ctx.db, staffOf(ctx), input.id)),
);

const fields = (form: FormData) => ({
  title: text(form, 'title'),
  slug: text(form, 'slug'),
  intro: text(form, 'intro'),
  coverImageUrl: text(form, 'coverImageUrl'),
  coverImageAlt: text(form, 'coverImageAlt'),
  published: text(form, 'published') === 'on',
  stories: text(form, 'stories'),
});

/** A new topic opens in its own form. */
export async function createTopicForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await createTopicAction(fields(form));
  if (result.ok) redirect(`/admin/topics/${result.data.id}?created=1`);
  return formState(result, 'topicSaved');
}

export async function saveTopicForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await saveTopicAction({ id: text(form, 'id'), ...fields(form) }), 'topicSaved');
}

export async function deleteTopicForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await deleteTopicAction({ id: text(form, 'id') });
  if (result.ok) redirect('/admin/topics?deleted=1');
  return formState(result, 'topicDeleted');
}
