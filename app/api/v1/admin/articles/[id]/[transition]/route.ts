import { transitionArticleAction } from '@/actions/articles';
import { runAsPrincipal } from '@/actions/define';
import { adminTransitionBody, adminTransitionParams } from '@/domain/api/v1/admin-schemas';
import { actionResponse, adminError, adminRoute, jsonBody } from '@/services/api/v1/admin';

/** POST /api/v1/admin/articles/{id}/submit|publish|schedule|unpublish: the workflow of the editor. */

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; transition: string }> };

export const POST = adminRoute(async (request, principal, context: Context) => {
  const params = adminTransitionParams.safeParse(await context.params);
  if (!params.success) return adminError(404, 'not_found', 'No such article or action.');
  // An empty body is allowed: most transitions need nothing more.
  let raw: unknown = {};
  if (request.headers.get('content-length') !== '0' && request.body) {
    const body = await jsonBody(request);
    if (!body.ok) return body.response;
    raw = body.data ?? {};
  }
  const body = adminTransitionBody.safeParse(raw);
  if (!body.success) return adminError(422, 'invalid_input', body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  const { version, publish_at, note } = body.data;
  const input = { id: params.data.id, transition: params.data.transition, baseVersion: version, publishAt: publish_at, note };
  return actionResponse(await runAsPrincipal(transitionArticleAction, input, principal));
});
