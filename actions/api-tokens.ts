'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/actions/define';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { manageT } from '@/domain/i18n/admin-manage';
import { translateRefusal } from '@/domain/i18n/server-messages';
import { adminLocale } from '@/services/admin/locale';
import { getCurrentUser } from '@/services/auth/session';
import { createApiToken, listApiTokens, revokeApiToken } from '@/db/queries/admin/api-tokens';
import { createApiTokenInput, revokeApiTokenInput } from '@/domain/validation/api-token';

/** The secret is in this answer only: the database keeps its hash. */
export const createApiTokenAction = defineAction({ name: 'api-token.create', input: createApiTokenInput, permission: null }, async (input, ctx) =>
  createApiToken(ctx.db, staffOf(ctx), input),
);

/** One's own token, or (api-token:revoke-any) anyone's: the DAL decides which. */
export const revokeApiTokenAction = defineAction({ name: 'api-token.revoke', input: revokeApiTokenInput, permission: null }, async ({ id }, ctx) =>
  revokeApiToken(ctx.db, staffOf(ctx), id),
);

export const listOwnApiTokensAction = defineAction({ name: 'api-token.list-own', input: z.object({}), permission: null }, async (_input, ctx) =>
  listApiTokens(ctx.db, { userId: ctx.user.id }),
);

export const listAllApiTokensAction = defineAction({ name: 'api-token.list-all', input: z.object({}), permission: 'api-token:revoke-any' }, async (_input, ctx) =>
  listApiTokens(ctx.db),
);

/** The account page's create form: the answer shows the secret, this once. */
export async function createApiTokenForm(_state: FormState, form: FormData): Promise<FormState> {
  const days = text(form, 'expiresInDays').trim();
  const result = await createApiTokenAction({ name: text(form, 'name'), expiresInDays: days === '' ? null : Number(days) });
  const locale = await adminLocale(await getCurrentUser());
  if (!result.ok) return { status: 'error', ...translateRefusal(locale, result), at: Date.now() };
  refresh();
  return { status: 'ok', message: manageT(locale)('apiTokenCreated', { secret: result.data.secret }), at: Date.now() };
}

export async function revokeApiTokenForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await revokeApiTokenAction({ id: Number(text(form, 'id')) }), 'apiTokenRevoked');
}
