import { NextResponse, type NextRequest } from 'next/server';
import { databaseDownSince, noteDatabaseUp, shouldProbe } from './lib/db-health';

/**
 * Two optimistic shortcuts, never a security boundary (every page, action and route checks for
 * itself): anonymous visitors to /admin go to the sign-in form, and while the database is known
 * to be down readers get a 503 page instead of a stack of errors.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (databaseDownSince() !== null && !(await databaseAnswers())) return unavailable();

  if (pathname.startsWith('/admin') && !pathname.startsWith('/admin/login') && !pathname.startsWith('/admin/setup')) {
    const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
    if (!hasSession) return NextResponse.redirect(new URL('/admin/login', request.url));
  }
  return NextResponse.next();
}

async function databaseAnswers(): Promise<boolean> {
  if (!shouldProbe()) return false;
  try {
    const { getDb } = await import('./db/client');
    const { sql } = await import('drizzle-orm');
    const db = await getDb();
    await Promise.race([db.execute(sql`select 1`), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    noteDatabaseUp();
    return true;
  } catch {
    return false;
  }
}

function unavailable() {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>503 服务暂时不可用 · Service unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7"><h1>服务暂时不可用</h1><p>数据库暂时无法连接，请稍后刷新重试。</p><h2 lang="en">Service temporarily unavailable</h2><p lang="en">The database cannot be reached right now. Please reload in a moment.</p></body></html>`;
  return new NextResponse(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store' },
  });
}

export const config = {
  // Static assets, media files and the health check never need either shortcut; uploads and beacons
  // stay out so their bodies stream instead of being buffered for the proxy.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|api/health|api/media|api/views|media/).*)'],
};
