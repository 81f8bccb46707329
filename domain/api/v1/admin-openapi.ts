import { z } from 'zod';
import { articleInput } from '../../validation/article';
import { adminArticleIdParams, adminErrorResponse, adminListQuery, adminPatchMeta, adminTransitionBody, ADMIN_TRANSITIONS } from './admin-schemas';

/**
 * The admin API's part of the OpenAPI document, from the schemas its handlers validate with (the
 * article schema is the newsroom form's own, as its input: what a client sends).
 */

type Parameters = (schema: z.ZodObject, where: 'query' | 'path') => unknown[];

const inputSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
const body = (schema: object, description: string) => ({ required: true, description, content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, content: { 'application/json': { schema: inputSchema(adminErrorResponse) } } });
const data = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object', properties: { data: {} } } } } });

const common = {
  '401': { ...error('No token, or one unknown, revoked or expired, or of a disabled account.'), headers: { 'WWW-Authenticate': { schema: { type: 'string' } } } },
  '403': error('The token\'s user may not do this (their role, as it is now).'),
  '404': error('No such article, or not one this user may see.'),
  '429': { ...error('Past API_TOKEN_RATE_LIMIT requests with this token this minute; wait Retry-After seconds.'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
  '503': error('The database is not answering.'),
};
const writes = { ...common, '409': error('Someone saved the article since `version` (details.currentVersion), or the state changed.'), '422': error('A field is invalid (error.fields).') };
const security = [{ apiToken: [] }];

export function adminPaths(parameters: Parameters): Record<string, unknown> {
  const article = inputSchema(articleInput);
  const patch = inputSchema(adminPatchMeta.extend(articleInput.partial().shape));
  const idParams = parameters(adminArticleIdParams, 'path');
  return {
    '/admin/articles': {
      get: { summary: 'Stories the token\'s user may see in the newsroom', operationId: 'adminListArticles', security, parameters: parameters(adminListQuery, 'query'), responses: { '200': data('A page of stories: { data: { items, total, page, pageCount } }.'), '400': error('A bad query parameter.'), ...common } },
      post: { summary: 'Create a draft', operationId: 'adminCreateArticle', security, requestBody: body(article, 'The article, as the newsroom\'s editor sends it.'), responses: { '201': data('{ data: { id, version, slug, status } }'), '400': error('Not JSON.'), '415': error('Not application/json.'), ...writes } },
    },
    '/admin/articles/{id}': {
      get: { summary: 'One story as the editor loads it', operationId: 'adminGetArticle', security, parameters: idParams, responses: { '200': data('{ data: { id, version, status, values, permissions, … } }'), ...common } },
      patch: { summary: 'Change fields of a story', operationId: 'adminUpdateArticle', security, parameters: idParams, requestBody: body(patch, '`version` and the fields to change; the others keep their values.'), responses: { '200': data('{ data: { id, version, slug, status } }'), '400': error('Not JSON.'), '415': error('Not application/json.'), ...writes } },
      delete: { summary: 'Move a story to the trash', operationId: 'adminDeleteArticle', security, parameters: idParams, responses: { '200': data('{ data: { id, version, slug, status } }'), ...writes } },
    },
    '/admin/articles/{id}/{transition}': {
      post: {
        summary: `A workflow step: ${ADMIN_TRANSITIONS.join(', ')}`,
        operationId: 'adminTransitionArticle',
        security,
        parameters: [...idParams, { name: 'transition', in: 'path', required: true, schema: { enum: [...ADMIN_TRANSITIONS] } }],
        requestBody: { ...body(inputSchema(adminTransitionBody), 'Optional.'), required: false },
        responses: { '200': data('{ data: { id, version, slug, status } }'), ...writes },
      },
    },
    '/admin/media': {
      post: {
        summary: 'Upload one image (the raw bytes as the body; X-File-Name: its percent-encoded name)',
        operationId: 'adminUploadMedia',
        security,
        requestBody: { required: true, content: { 'image/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
        responses: { '201': data('{ data: the media item }'), '413': error('Larger than the upload limit.'), '415': error('Not an image type this site takes.'), ...common },
      },
    },
  };
}
