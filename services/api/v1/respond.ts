import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { API_CACHE_CONTROL } from '../../../domain/cdn/cache-control.mjs';
import { clientIp } from '../../client-ip';
import { countRequest } from '../../rate-limit';
import { noQuery, slugParams, type ErrorCode } from '../../../domain/api/v1/schemas';

/**
 * Responses of the Content API: JSON, cacheable by shared caches for a minute (as the reader's
 * lists), with a weak ETag so a client that has the body gets 304; errors in one shape.
 */

const JSON_TYPE = 'application/json; charset=utf-8';

export function apiError(status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  // An outage or a refusal must not be kept by a CDN; a bad or unknown URL may, like the pages.
  const cacheControl = status >= 500 || status === 429 ? 'no-store' : API_CACHE_CONTROL;
  return new Response(JSON.stringify({ error: { code, message } }), { status, headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': cacheControl, ...headers } });
}

/**
 * Public and read-only: any web page may call it (no credentials, so `*` is safe), and a client
 * may read the headers it needs for caching and back-off.
 */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Retry-After',
};

/**
 * Every handler of the API: the per-address limit (API_RATE_LIMIT, shared by all servers) first,
 * then the handler, then the CORS headers on whatever it answered.
 */
export function apiRoute<A extends unknown[]>(handler: (request: Request, ...args: A) => Promise<Response>): (request: Request, ...args: A) => Promise<Response> {
  return async (request, ...args) => {
    const verdict = await countRequest('api', clientIp(request.headers));
    const response = verdict.allowed
      ? await handler(request, ...args)
      : apiError(429, 'rate_limited', `Too many requests from this address; try again in ${verdict.retryAfterSeconds} s.`, { 'Retry-After': String(verdict.retryAfterSeconds) });
    for (const [name, value] of Object.entries(CORS)) response.headers.set(name, value);
    return response;
  };
}

/** The CORS preflight: GET only, with If-None-Match; browsers may keep the answer a day. */
export function apiPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: { ...CORS, 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS', 'Access-Control-Allow-Headers': 'If-None-Match', 'Access-Control-Max-Age': '86400' },
  });
}

/** Does If-None-Match name this ETag? Weak comparison (RFC 9110 §13.1.2), so `W/` is ignored. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

export function apiJson(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
  const headers = { ETag: etag, 'Cache-Control': API_CACHE_CONTROL };
  if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { ...headers, 'Content-Type': JSON_TYPE } });
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Validates params (a repeated query parameter arrives as a list, which no schema accepts). */
export function parseParams<S extends z.ZodType>(schema: S, input: URLSearchParams | Record<string, string>): Parsed<z.output<S>> {
  const raw: Record<string, string | string[]> = {};
  if (input instanceof URLSearchParams) {
    for (const key of new Set(input.keys())) {
      const all = input.getAll(key);
      raw[key] = all.length === 1 ? all[0]! : all;
    }
  } else Object.assign(raw, input);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.map((issue) => {
    const name = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || 'query';
    return `${name}: ${issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message}`;
  });
  return { ok: false, response: apiError(400, 'invalid_parameter', problems.join('; ')) };
}

/** Runs a read (services/api/v1/reads.ts); a failure answers 503, never a stack trace. */
export async function apiRead(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    // withDb (services/reader.ts) has told the health check when the database was at fault.
    console.error('[api/v1]', error);
    return apiError(503, 'unavailable', 'The content store is not answering; try again shortly.');
  }
}

/** GET of a whole collection: no parameters, `{ data }` from `load`. */
export function apiCollection(load: () => Promise<unknown>) {
  return apiRoute(async (request: Request) => {
    const query = parseParams(noQuery, new URL(request.url).searchParams);
    if (!query.ok) return query.response;
    return apiRead(async () => apiJson(request, { data: await load() }));
  });
}

/** GET of one item by its slug: `{ data }`, or 404 naming what has no such slug. */
export function apiItemBySlug(what: string, load: (slug: string) => Promise<unknown | null>) {
  return apiRoute(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
    const params = parseParams(slugParams, await context.params);
    if (!params.ok) return params.response;
    const query = parseParams(noQuery, new URL(request.url).searchParams);
    if (!query.ok) return query.response;
    const { slug } = params.data;
    return apiRead(async () => {
      const data = await load(slug);
      return data ? apiJson(request, { data }) : apiError(404, 'not_found', `No ${what} "${slug}".`);
    });
  });
}
