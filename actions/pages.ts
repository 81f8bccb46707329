'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createPage, deletePage, savePage, setPageStatus } from '@/db/queries/admin/pages';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction } from '@/actions/define';
import { pageInput } from '@/domain/validation/page';
import { id } from '@/domain/validation/text';

const version = z.coerce.number().int().min(1);

export const createPageAction = defineAction(
  { name: 'page.create', input: pageInput, permission: 'page:manage' },
  async (input, ctx) => ctx.expire(await createPage(ctx.db, staffOf(ctx), input)),
);

export const savePageAction = defineAction(
  { name: 'page.save', input: pageInput.extend({ id, baseVersion: version }), permission: 'page:manage' },
  async ({ id: pageId, baseVersion, ...values }, ctx) => ctx.expire(await savePage(ctx.db, staffOf(ctx), pageId, baseVersion, values)),
);

export const setPageStatusAction = defineAction(
  { name: 'page.status', input: z.object({ id, status: z.enum(['draft', 'published']), baseVersion: version.optional() }), permission: 'page:manage' },
  async (input, ctx) => ctx.expire(await setPageStatus(ctx.db, staffOf(ctx), input.id, input.status, input.baseVersion)),
);

export const deletePageAction = defineAction(
  { name: 'page.delete', input: z.object({ id }), permission: 'page:manage' },
  async (input, ctx) => ctx.expire(await deletePage(ctx.db, staffOf(ctx), input.id)),
);

/** The editor's document arrives as JSON text; anything unreadable is left for the schema to refuse. */
function parseBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function pageFields(form: FormData) {
  return {
    title: text(form, 'title'),
    slug: text(form, 'slug'),
    body: parseBody(text(form, 'body')),
    seoTitle: text(form, 'seoTitle'),
    seoDescription: text(form, 'seoDescription'),
    sortOrder: text(form, 'sortOrder'),
  };
}

export async function createPageForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await createPageAction(pageFields(form));
  if (result.ok) redirect(`/admin/pages/${result.data.id}?created=1`);
  return formState(result, 'saved');
}

/** "Save" or "Save and publish" (the `intent` button): publishing applies to the version just saved. */
export async function savePageForm(_state: FormState, form: FormData): Promise<FormState> {
  const saved = await savePageAction({ ...pageFields(form), id: text(form, 'id'), baseVersion: text(form, 'baseVersion') });
  if (!saved.ok || text(form, 'intent') !== 'publish') return formState(saved, 'saved');
  return formState(await setPageStatusAction({ id: saved.data.id, status: 'published', baseVersion: saved.data.version }), 'published');
}

export async function setPageStatusForm(_state: FormState, form: FormData): Promise<FormState> {
  const status = text(form, 'status') === 'published' ? 'published' : 'draft';
  const baseVersion = text(form, 'baseVersion') || undefined;
  return formState(await setPageStatusAction({ id: text(form, 'id'), status, baseVersion }), status === 'published' ? 'published' : 'unpublished');
}

export async function deletePageForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await deletePageAction({ id: text(form, 'id') });
  if (result.ok && text(form, 'then') === 'list') redirect('/admin/pages?deleted=1');
  return formState(result, 'deleted');
}
