import { getAuthorBySlug } from '@/db/queries/public';
import { authorOf } from '@/services/api/v1/map';
import { apiError, apiJson, apiPreflight, apiRoute, parseParams, withApiDb } from '@/services/api/v1/respond';
import { noQuery, slugParams } from '@/domain/api/v1/schemas';

/** GET /api/v1/authors/{slug}: one author; 404 for anyone not credited on a published story. */

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const params = parseParams(slugParams, await context.params);
  if (!params.ok) return params.response;
  const query = parseParams(noQuery, new URL(request.url).searchParams);
  if (!query.ok) return query.response;
  const { slug } = params.data;
  return withApiDb(async (db) => {
    const author = await getAuthorBySlug(db, slug);
    return author ? apiJson(request, { data: authorOf(author) }) : apiError(404, 'not_found', `No author "${slug}".`);
  });
});

export const OPTIONS = apiPreflight;
