import { z } from './zod';
import { id, requiredLine } from './text';

export const API_TOKEN_MAX_DAYS = 3650;

/** A new personal API token: what it is for, and optionally how many days it lasts. */
export const createApiTokenInput = z.object({
  name: requiredLine(100, 'nameRequired'),
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).nullable().default(null),
});

export const revokeApiTokenInput = z.object({ id });
