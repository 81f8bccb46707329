import { getPageBySlug } from '@/db/queries/public';
import { pageOf } from '@/services/api/v1/map';
import { apiError, apiJson, apiPreflight, apiRoute, parseParams, withApiDb } from '@/services/api/v1/respond';
import { noQuery, slugParams } from '@/domain/api/v1/schemas';

/** GET /api/v1/pages/{slug}: one published page; a draft answers 404 like a missing one. */

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const params = parseParams(slugParams, await context.params);
  if (!params.ok) return params.response;
  const query = parseParams(noQuery, new URL(request.url).searchParams);
  if (!query.ok) return query.response;
  const { slug } = params.data;
  return withApiDb(async (db) => {
    const page = await getPageBySlug(db, slug);
    return page ? apiJson(request, { data: pageOf(page) }) : apiError(404, 'not_found', `No published page "${slug}".`);
  });
});

export const OPTIONS = apiPreflight;
