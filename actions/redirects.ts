'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createRedirect, deleteRedirect, importRedirects, updateRedirect } from '@/db/queries/admin/redirects';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction, failureOf } from '@/actions/define';
import { REDIRECT_CSV_MAX_BYTES, redirectInput, redirectsFromCsv } from '@/domain/validation/redirect';
import { id } from '@/domain/validation/text';
import { ActionError } from '@/domain/errors';

export const createRedirectAction = defineAction(
  { name: 'redirect.create', input: redirectInput, permission: 'redirect:manage' },
  async (input, ctx) => ctx.expire(await createRedirect(ctx.db, staffOf(ctx), input)),
);

export const updateRedirectAction = defineAction(
  { name: 'redirect.update', input: redirectInput.extend({ id }), permission: 'redirect:manage' },
  async ({ id: redirectId, ...values }, ctx) => ctx.expire(await updateRedirect(ctx.db, staffOf(ctx), redirectId, values)),
);

export const deleteRedirectAction = defineAction(
  { name: 'redirect.delete', input: z.object({ id }), permission: 'redirect:manage' },
  async (input, ctx) => ctx.expire(await deleteRedirect(ctx.db, staffOf(ctx), input.id)),
);

/** The CSV's text; each line is checked in the handler, after the permission, so a refusal names its line. */
export const importRedirectsAction = defineAction(
  { name: 'redirect.import', input: z.object({ csv: z.string().max(REDIRECT_CSV_MAX_BYTES, 'atMost') }), permission: 'redirect:manage' },
  async ({ csv }, ctx) => ctx.expire(await importRedirects(ctx.db, staffOf(ctx), redirectsFromCsv(csv))),
);

const redirectFields = (form: FormData) => ({ fromPath: text(form, 'fromPath'), toPath: text(form, 'toPath'), statusCode: text(form, 'statusCode') });

export async function createRedirectForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await createRedirectAction(redirectFields(form)), 'redirectCreated');
}

export async function updateRedirectForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await updateRedirectAction({ ...redirectFields(form), id: text(form, 'id') }), 'saved');
}

export async function deleteRedirectForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await deleteRedirectAction({ id: text(form, 'id') });
  if (result.ok && text(form, 'then') === 'list') redirect('/admin/redirects?deleted=1');
  return formState(result, 'deleted');
}

async function csvText(form: FormData): Promise<string> {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) throw new ActionError(422, { code: 'redirectCsvEmpty' }, { file: [{ code: 'required' }] });
  if (file.size > REDIRECT_CSV_MAX_BYTES) throw new ActionError(413, { code: 'atMost', params: { max: REDIRECT_CSV_MAX_BYTES } });
  return new TextDecoder('utf-8', { fatal: false }).decode(await file.arrayBuffer());
}

export async function importRedirectsForm(_state: FormState, form: FormData): Promise<FormState> {
  let csv: string;
  try {
    csv = await csvText(form);
  } catch (error) {
    return formState(failureOf(error, 'redirect.import'), 'redirectsImported');
  }
  return formState(await importRedirectsAction({ csv }), 'redirectsImported', (data) => ({ created: data.created, updated: data.updated }));
}
