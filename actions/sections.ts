'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createSection, deleteSection, updateSection } from '@/db/queries/admin/sections';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction } from '@/actions/define';
import { sectionInput } from '@/domain/validation/section';
import { id } from '@/domain/validation/text';

export const createSectionAction = defineAction(
  { name: 'section.create', input: sectionInput, permission: 'section:manage' },
  async (input, ctx) => ctx.expire(await createSection(ctx.db, staffOf(ctx), input)),
);

export const updateSectionAction = defineAction(
  { name: 'section.update', input: sectionInput.extend({ id }), permission: 'section:manage' },
  async ({ id: sectionId, ...values }, ctx) => ctx.expire(await updateSection(ctx.db, staffOf(ctx), sectionId, values)),
);

export const deleteSectionAction = defineAction(
  { name: 'section.delete', input: z.object({ id }), permission: 'section:manage' },
  async (input, ctx) => ctx.expire(await deleteSection(ctx.db, staffOf(ctx), input.id)),
);

function sectionFields(form: FormData) {
  return {
    title: text(form, 'title'),
    slug: text(form, 'slug'),
    parentId: text(form, 'parentId'),
    description: text(form, 'description'),
    seoTitle: text(form, 'seoTitle'),
    seoDescription: text(form, 'seoDescription'),
    sortOrder: text(form, 'sortOrder'),
  };
}

export async function createSectionForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await createSectionAction(sectionFields(form)), 'sectionCreated');
}

export async function updateSectionForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await updateSectionAction({ ...sectionFields(form), id: text(form, 'id') }), 'saved');
}

/** From the edit page: back to the list once the section is gone. */
export async function deleteSectionForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await deleteSectionAction({ id: text(form, 'id') });
  if (result.ok && text(form, 'then') === 'list') redirect('/admin/sections?deleted=1');
  return formState(result, 'deleted');
}
