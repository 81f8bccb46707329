import { z } from 'zod';
import { apiRegistry, articleRefParams, articleListQuery, noQuery, slugParams } from './schemas';
import { adminPaths } from './admin-openapi';

/**
 * The OpenAPI 3.1 document of the Content API, generated from the zod schemas that validate its
 * parameters and type its responses (./schemas.ts): JSON Schema 2020-12 is OpenAPI 3.1's dialect.
 */

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

type JsonSchema = { properties?: Record<string, { description?: string }>; required?: string[] };

export function parameters(schema: z.ZodObject, where: 'query' | 'path') {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

const json = (description: string, id: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const cached = {
  ETag: { description: 'Weak; send it back as If-None-Match to get 304 when nothing changed.', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
};
const ok = (description: string, id: string) => ({ ...json(description, id), headers: cached });
const errors = {
  '304': { description: 'Not modified (If-None-Match matched the ETag).', headers: cached },
  '400': json('A parameter is invalid or unknown; the message names it.', 'Error'),
  '429': { ...json('Too many requests from this address (API_RATE_LIMIT a minute); wait Retry-After seconds.', 'Error'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
  '503': json('The content store is not answering.', 'Error'),
};

let cachedDocument: object | undefined;

export function openApiDocument(): object {
  if (cachedDocument) return cachedDocument;
  const { schemas } = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}`, target: 'draft-2020-12' });
  // Referenced by JSON pointer into this document; a fragment is not a valid `$id` in 2020-12.
  for (const schema of Object.values(schemas)) for (const key of ['$schema', '$id']) delete (schema as Record<string, unknown>)[key];
  cachedDocument = {
    openapi: '3.1.0',
    info: {
      title: 'Gazette Content API',
      version: '1',
      description:
        'Read-only access to published stories, sections, tags, authors, pages and the site\'s public settings: public, no authentication, CORS open to every origin, limited per address. Under /admin, the newsroom\'s writes with a personal API token (bearer), acting as its user with that user\'s role; no CORS. See docs/api.md.',
    },
    servers: [{ url: '/api/v1' }],
    paths: {
      '/articles': {
        get: {
          summary: 'Published stories, newest first, paged by cursor',
          operationId: 'listArticles',
          parameters: parameters(articleListQuery, 'query'),
          responses: { '200': ok('A page of stories.', 'ArticleList'), ...errors, '404': json('The section, tag or author filtered by does not exist.', 'Error') },
        },
      },
      '/articles/{id}': {
        get: {
          summary: 'One published story, by id or slug',
          operationId: 'getArticle',
          parameters: parameters(articleRefParams, 'path'),
          responses: { '200': ok('The story.', 'ArticleResponse'), ...errors, '404': json('No published story has this id or slug.', 'Error') },
        },
      },
      '/sections': {
        get: { summary: 'The section tree', operationId: 'listSections', parameters: parameters(noQuery, 'query'), responses: { '200': ok('All sections as a tree.', 'SectionTree'), ...errors } },
      },
      '/tags': {
        get: { summary: 'All tags, by slug', operationId: 'listTags', parameters: parameters(noQuery, 'query'), responses: { '200': ok('All tags.', 'TagList'), ...errors } },
      },
      '/authors': {
        get: { summary: 'Everyone credited on a published story, by slug', operationId: 'listAuthors', parameters: parameters(noQuery, 'query'), responses: { '200': ok('All authors.', 'AuthorList'), ...errors } },
      },
      '/authors/{slug}': {
        get: {
          summary: 'One author',
          operationId: 'getAuthor',
          parameters: parameters(slugParams, 'path'),
          responses: { '200': ok('The author.', 'AuthorResponse'), ...errors, '404': json('Nobody with this slug is credited on a published story.', 'Error') },
        },
      },
      '/pages': {
        get: { summary: 'Published standalone pages, in the editors\' order', operationId: 'listPages', parameters: parameters(noQuery, 'query'), responses: { '200': ok('All published pages.', 'PageList'), ...errors } },
      },
      '/pages/{slug}': {
        get: {
          summary: 'One published page',
          operationId: 'getPage',
          parameters: parameters(slugParams, 'path'),
          responses: { '200': ok('The page.', 'PageResponse'), ...errors, '404': json('No published page has this slug.', 'Error') },
        },
      },
      '/site': {
        get: { summary: 'The site\'s public settings', operationId: 'getSite', parameters: parameters(noQuery, 'query'), responses: { '200': ok('The settings.', 'SiteResponse'), ...errors } },
      },
      ...adminPaths(parameters),
      '/openapi.json': {
        get: { summary: 'This document', operationId: 'getOpenApi', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } },
      },
    },
    components: { schemas, securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', description: 'A personal API token (gz_…), created on the account page of the newsroom.' } } },
  };
  return cachedDocument;
}
