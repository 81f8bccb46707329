import { NextResponse, type NextRequest } from 'next/server';
import { adminCsp } from './domain/security-headers.mjs';

/**
 * For the admin (/admin) and previews (/preview), both rendered per request:
 *
 * - a Content-Security-Policy with a fresh nonce (domain/security-headers.mjs). Next.js reads the nonce
 *   from the request's header and puts it on every script it renders; nothing else runs.
 * - an optimistic shortcut, never a security boundary (every page, action and route checks for
 *   itself): anonymous visitors to /admin go to the sign-in form.
 *
 * For reader search (/search, rendered per request anyway): the per-address limit
 * (services/search/limit-response.ts), which answers 429 before the page runs.
 *
 * Other reader pages do not pass through here, so cached pages pay nothing for it. (While the
 * database is down, server/outage-guard.mjs answers 503 at the HTTP server.)
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === '/search') {
    const { limitSearch } = await import('./services/search/limit-response');
    return limitSearch(request);
  }
  const frameable = pathname.startsWith('/preview/article/');
  const csp = adminCsp(Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64'), process.env.NODE_ENV === 'development', frameable);
  const open = !pathname.startsWith('/admin') || pathname.startsWith('/admin/login') || pathname.startsWith('/admin/setup') || pathname.startsWith('/admin/password');
  const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  let response: NextResponse;
  if (!open && !hasSession) {
    response = NextResponse.redirect(new URL('/admin/login', request.url));
  } else {
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: ['/admin', '/admin/:path*', '/preview/:path*', '/search'],
};
