import { loadEditableArticleAction, saveArticleAction, transitionArticleAction } from '@/actions/articles';
import { runAsPrincipal } from '@/actions/define';
import { adminArticleIdParams, adminPatchMeta } from '@/domain/api/v1/admin-schemas';
import { actionResponse, adminError, adminRoute, jsonBody, type Principal } from '@/services/api/v1/admin';

/** /api/v1/admin/articles/{id}: read for editing (GET), change (PATCH), move to the trash (DELETE). */

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

async function articleId(context: Context): Promise<number | Response> {
  const params = adminArticleIdParams.safeParse(await context.params);
  return params.success ? params.data.id : adminError(404, 'not_found', 'No article has this id.');
}

const load = (id: number, principal: Principal) => runAsPrincipal(loadEditableArticleAction, { id }, principal);

export const GET = adminRoute(async (_request, principal, context: Context) => {
  const id = await articleId(context);
  return typeof id === 'number' ? actionResponse(await load(id, principal)) : id;
});

/**
 * The fields sent replace those of the article as it is; the others stay. `version` is the one the
 * client's change is based on: if someone saved since, 409 and nothing is written.
 */
export const PATCH = adminRoute(async (request, principal, context: Context) => {
  const id = await articleId(context);
  if (typeof id !== 'number') return id;
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const meta = adminPatchMeta.safeParse(body.data);
  if (!meta.success) return adminError(422, 'invalid_input', 'Send the version the change is based on.', { fields: { version: ['Required: a whole number.'] } });
  const current = await load(id, principal);
  if (!current.ok) return actionResponse(current);
  const { version, ...changes } = body.data as Record<string, unknown>;
  const { values, featured, pinned, locale, publishedAt } = current.data;
  // The form's conventions: an empty text field, not null, means "none".
  const merged = { ...values, coverImageUrl: values.coverImageUrl ?? '', featured, pinned, locale, publishedAt: publishedAt ?? '', ...changes };
  return actionResponse(await runAsPrincipal(saveArticleAction, { id, baseVersion: Number(version), values: merged as never }, principal));
});

export const DELETE = adminRoute(async (_request, principal, context: Context) => {
  const id = await articleId(context);
  if (typeof id !== 'number') return id;
  return actionResponse(await runAsPrincipal(transitionArticleAction, { id, transition: 'trash' }, principal));
});
