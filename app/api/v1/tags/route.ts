import { listTags } from '@/db/queries/api';
import { tagOf } from '@/services/api/v1/map';
import { apiJson, apiPreflight, apiRoute, parseParams, withApiDb } from '@/services/api/v1/respond';
import { noQuery } from '@/domain/api/v1/schemas';

/** GET /api/v1/tags: every tag, by slug. */

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request: Request) => {
  const query = parseParams(noQuery, new URL(request.url).searchParams);
  if (!query.ok) return query.response;
  return withApiDb(async (db) => apiJson(request, { data: (await listTags(db)).map(tagOf) }));
});

export const OPTIONS = apiPreflight;
