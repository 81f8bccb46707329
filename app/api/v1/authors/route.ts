import { listAuthors } from '@/db/queries/api';
import { authorOf } from '@/services/api/v1/map';
import { apiJson, apiPreflight, apiRoute, parseParams, withApiDb } from '@/services/api/v1/respond';
import { noQuery } from '@/domain/api/v1/schemas';

/** GET /api/v1/authors: everyone credited on a published story, by slug. */

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request: Request) => {
  const query = parseParams(noQuery, new URL(request.url).searchParams);
  if (!query.ok) return query.response;
  return withApiDb(async (db) => apiJson(request, { data: (await listAuthors(db)).map(authorOf) }));
});

export const OPTIONS = apiPreflight;
