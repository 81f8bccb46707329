import { articleOf } from '@/services/api/v1/map';
import * as reads from '@/services/api/v1/reads';
import { apiError, apiJson, apiPreflight, apiRead, apiRoute, parseParams } from '@/services/api/v1/respond';
import { articleRefParams, noQuery } from '@/domain/api/v1/schemas';

/** GET /api/v1/articles/{id or slug}: one published story, its body as sanitised HTML and as the editor's JSON. */

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const params = parseParams(articleRefParams, await context.params);
  if (!params.ok) return params.response;
  const query = parseParams(noQuery, new URL(request.url).searchParams);
  if (!query.ok) return query.response;
  const ref = params.data.id;
  return apiRead(async () => {
    const id = typeof ref === 'number' ? ref : await reads.articleIdBySlug(ref.slug);
    const found = id === null ? null : await reads.article(id);
    if (!found) return apiError(404, 'not_found', typeof ref === 'number' ? `No published story ${ref}.` : `No published story "${ref.slug}".`);
    return apiJson(request, { data: articleOf(found.article, found.bodyJson) });
  });
});

export const OPTIONS = apiPreflight;
