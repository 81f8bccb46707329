import { createArticleAction, listArticlesAction } from '@/actions/articles';
import { runAsPrincipal } from '@/actions/define';
import { adminListQuery } from '@/domain/api/v1/admin-schemas';
import { actionResponse, adminError, adminRoute, jsonBody } from '@/services/api/v1/admin';

/** /api/v1/admin/articles: the stories the token's user may see (GET), a new draft (POST). */

export const dynamic = 'force-dynamic';

export const GET = adminRoute(async (request, principal) => {
  const query = adminListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return adminError(400, 'invalid_input', query.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
  return actionResponse(await runAsPrincipal(listArticlesAction, query.data, principal));
});

export const POST = adminRoute(async (request, principal) => {
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  return actionResponse(await runAsPrincipal(createArticleAction, body.data as Parameters<typeof createArticleAction>[0], principal), 201);
});
