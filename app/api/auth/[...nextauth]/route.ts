import { NextRequest } from 'next/server';
import { LOGIN_WINDOW_MINUTES } from '@/db/queries/admin/login-attempts';
import { handlers } from '@/services/auth';
import { readTextUpTo } from '@/domain/request-body';

export const GET = handlers.GET;

/** An email, a password and a CSRF token: a sign-in form is a few hundred bytes. */
const MAX_BODY_BYTES = 16 * 1024;
const FORM = 'application/x-www-form-urlencoded';

const refuse = (status: 413 | 415 | 429, error: string, headers: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

/**
 * next-auth's own endpoints, anonymous and public: bodies stay small (issue 10, item 6), and the
 * credentials callback, a form post, answers a rate-limited attempt with 429.
 */
export async function POST(request: NextRequest) {
  const credentials = request.nextUrl.pathname.endsWith('/callback/credentials');
  if (credentials && !request.headers.get('content-type')?.toLowerCase().startsWith(FORM)) {
    return refuse(415, `Sign in with a form post (${FORM}).`);
  }
  const text = await readTextUpTo(request, MAX_BODY_BYTES);
  if (text === null) return refuse(413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
  // next-auth reads forms and JSON, both text; the length is recomputed for the text passed on.
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  const forwarded = new NextRequest(request.url, { method: 'POST', headers, body: text || undefined });
  const response = await handlers.POST(forwarded);
  // The limit is counted and checked once, atomically, in authorize (services/auth, db/queries/admin/
  // sign-in.ts); a refusal comes back as next-auth's redirect with code=rate_limited, which a
  // script gets as a plain 429 instead.
  if (credentials && isRateLimitedRedirect(response)) {
    return refuse(429, `Too many failed sign-in attempts. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`, { 'Retry-After': String(LOGIN_WINDOW_MINUTES * 60) });
  }
  return response;
}

function isRateLimitedRedirect(response: Response): boolean {
  const location = response.headers.get('location');
  if (response.status < 300 || response.status >= 400 || !location) return false;
  return new URL(location, 'http://gazette.invalid').searchParams.get('code') === 'rate_limited';
}
