import { NextResponse, type NextRequest } from 'next/server';

/**
 * An optimistic shortcut, never a security boundary (every page, action and route checks for
 * itself): anonymous visitors to /admin go to the sign-in form. Reader pages do not pass through
 * here, so cached pages pay nothing for it. (While the database is down, server/outage-guard.mjs
 * answers 503 at the HTTP server.)
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/admin/login') || pathname.startsWith('/admin/setup')) return NextResponse.next();
  const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (!hasSession) return NextResponse.redirect(new URL('/admin/login', request.url));
  return NextResponse.next();
}

export const config = {
  matcher: ['/admin', '/admin/:path*'],
};
