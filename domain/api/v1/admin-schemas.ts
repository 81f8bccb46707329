import { z } from 'zod';

/**
 * The admin (write) API's contract (/api/v1/admin, issue 12). Bodies are validated by the same
 * schemas as the newsroom's screens (domain/validation/article.ts, through the Server Actions);
 * these add what is particular to HTTP, and with those the OpenAPI document (./openapi.ts).
 */

export const ADMIN_ERROR_CODES = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type AdminErrorCode = (typeof ADMIN_ERROR_CODES)[number];

export const adminErrorResponse = z.object({
  error: z.object({
    code: z.enum(ADMIN_ERROR_CODES),
    message: z.string().meta({ description: 'In English.' }),
    fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: 'Per field, what is wrong with it (422).' }),
    details: z.record(z.string(), z.unknown()).optional().meta({ description: 'E.g. `currentVersion` on a 409.' }),
  }),
});

export const ADMIN_TRANSITIONS = ['submit', 'publish', 'schedule', 'unpublish'] as const;
export type AdminTransition = (typeof ADMIN_TRANSITIONS)[number];

export const adminArticleIdParams = z.object({ id: z.coerce.number<string>().int().min(1).max(2_147_483_647) });
export const adminTransitionParams = adminArticleIdParams.extend({ transition: z.enum(ADMIN_TRANSITIONS) });

/** PATCH: `version` (what the client last saw) and the fields to change; the rest stay as they are. */
export const adminPatchMeta = z.object({ version: z.number().int().min(1).meta({ description: 'The version the change is based on; another save since answers 409.' }) });

export const adminTransitionBody = z
  .object({
    version: z.number().int().min(1).optional().meta({ description: 'When given, a change since answers 409.' }),
    publish_at: z.string().max(40).optional().meta({ description: 'schedule: when to publish (ISO 8601 with offset).' }),
    note: z.string().max(2000).optional().meta({ description: 'submit: a note to the editors.' }),
  })
  .strict();

export const adminListQuery = z
  .object({
    status: z.enum(['draft', 'in_review', 'scheduled', 'published', 'archived']).optional(),
    q: z.string().max(200).optional(),
    page: z.coerce.number<string>().int().min(1).max(10_000).default(1),
  })
  .strict();

export const adminArticleSummary = z.object({ id: z.number(), version: z.number(), slug: z.string(), status: z.string() });
