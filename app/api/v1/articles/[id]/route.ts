import { getVisibleBodyJson } from '@/db/queries/api';
import { getArticle } from '@/db/queries/public';
import { articleOf } from '@/services/api/v1/map';
import { apiError, apiJson, apiPreflight, apiRoute, parseParams, withApiDb } from '@/services/api/v1/respond';
import { articleIdParams, noQuery } from '@/domain/api/v1/schemas';

/** GET /api/v1/articles/{id}: one published story, its body as sanitised HTML and as the editor's JSON. */

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const params = parseParams(articleIdParams, await context.params);
  if (!params.ok) return params.response;
  const query = parseParams(noQuery, new URL(request.url).searchParams);
  if (!query.ok) return query.response;
  const { id } = params.data;
  return withApiDb(async (db) => {
    const [article, body] = await Promise.all([getArticle(db, id), getVisibleBodyJson(db, id)]);
    if (!article || !body) return apiError(404, 'not_found', `No published story ${id}.`);
    return apiJson(request, { data: articleOf(article, body.bodyJson) });
  });
});

export const OPTIONS = apiPreflight;
