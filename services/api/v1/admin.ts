import 'server-only';
import { getDb } from '@/db/client';
import { resolveApiToken } from '@/db/queries/admin/api-tokens';
import type { Principal } from '../../auth/session';

export type { Principal };
import { clientIp } from '../../client-ip';
import { countRequest } from '../../rate-limit';
import { isConnectionError, noteDatabaseFailure } from '../../db-health.mjs';
import type { AdminErrorCode } from '../../../domain/api/v1/admin-schemas';

/**
 * The admin (write) API, /api/v1/admin (issue 12): a personal API token in `Authorization: Bearer`
 * and nothing else. Session cookies are not accepted, so a page of another site cannot make a
 * signed-in browser write (no CSRF), and no CORS headers are sent, so browsers keep other sites out.
 */

const JSON_TYPE = 'application/json; charset=utf-8';
const NO_STORE = { 'Cache-Control': 'no-store' };

export function adminError(status: number, code: AdminErrorCode, message: string, extra: { fields?: Record<string, string[]>; headers?: Record<string, string>; details?: Record<string, unknown> } = {}): Response {
  const body = { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}), ...(extra.details ? { details: extra.details } : {}) } };
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': JSON_TYPE, ...NO_STORE, ...extra.headers } });
}

export function adminJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': JSON_TYPE, ...NO_STORE } });
}

const CODE_OF: Record<number, AdminErrorCode> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_input',
  429: 'rate_limited',
  503: 'unavailable',
};

interface Failure {
  status: number;
  error: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
}

/** An action's refusal in the API's error shape; 500 only for what the action itself calls a fault. */
export function failureResponse(failure: Failure): Response {
  return adminError(failure.status, CODE_OF[failure.status] ?? 'internal', failure.error, { fields: failure.fieldErrors, details: failure.details });
}

const unauthorized = (message: string) => adminError(401, 'unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer realm="gazette-admin"' } });

function bearer(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match ? match[1]! : null;
}

/**
 * Every admin handler: the token → its user as the database has them now (401 otherwise; failed
 * attempts count against the address's API_RATE_LIMIT), the token's own API_TOKEN_RATE_LIMIT
 * (429), then the handler with the token's user as its principal.
 */
export function adminRoute<A extends unknown[]>(handler: (request: Request, principal: Principal, ...args: A) => Promise<Response>) {
  return async (request: Request, ...args: A): Promise<Response> => {
    const ip = clientIp(request.headers);
    try {
      const secret = bearer(request);
      const resolved = secret ? await resolveApiToken(await getDb(), secret) : null;
      if (!resolved) {
        const verdict = await countRequest('api', ip);
        if (!verdict.allowed) return adminError(429, 'rate_limited', `Too many requests from this address; try again in ${verdict.retryAfterSeconds} s.`, { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } });
        return unauthorized(secret ? 'The API token is unknown, revoked or expired, or its account is disabled.' : 'Send a personal API token: Authorization: Bearer gz_…');
      }
      const verdict = await countRequest('token', String(resolved.tokenId));
      if (!verdict.allowed) return adminError(429, 'rate_limited', `Too many requests with this token; try again in ${verdict.retryAfterSeconds} s.`, { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } });
      return await handler(request, { user: resolved.user, ip, tokenName: resolved.name }, ...args);
    } catch (error) {
      if (isConnectionError(error)) {
        noteDatabaseFailure(error);
        return adminError(503, 'unavailable', 'The database is not answering; try again shortly.');
      }
      console.error('[api/v1/admin]', error);
      return adminError(500, 'internal', 'Something went wrong on the server.');
    }
  };
}

/** The JSON body of a request: 415 unless it says JSON, 400 unless it parses. */
export async function jsonBody(request: Request): Promise<{ ok: true; data: unknown } | { ok: false; response: Response }> {
  if (!/^application\/(.+\+)?json\b/i.test(request.headers.get('content-type') ?? '')) {
    return { ok: false, response: adminError(415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).') };
  }
  try {
    return { ok: true, data: await request.json() };
  } catch {
    return { ok: false, response: adminError(400, 'invalid_input', 'The body is not valid JSON.') };
  }
}

/** An action's answer: its data as `{ data }` with `status`, or its refusal. */
export function actionResponse(result: { ok: true; data: unknown } | ({ ok: false } & Failure), status = 200): Response {
  return result.ok ? adminJson({ data: result.data }, status) : failureResponse(result);
}
