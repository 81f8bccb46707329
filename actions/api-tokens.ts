'use server';

import { z } from 'zod';
import { defineAction } from '@/actions/define';
import { staffOf } from '@/actions/form-result';
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
