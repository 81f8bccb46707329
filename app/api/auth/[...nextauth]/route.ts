import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { isLoginRateLimited, LOGIN_WINDOW_MINUTES } from '@/db/queries/newsroom/login-attempts';
import { normalizeEmail } from '@/db/queries/newsroom/users';
import { handlers } from '@/lib/auth';
import { clientIp } from '@/lib/client-ip';

export const GET = handlers.GET;

/** next-auth's own sign-in endpoint is guarded by the same limit as the sign-in form. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith('/callback/credentials')) {
    const form = await request.clone().formData().catch(() => null);
    const email = normalizeEmail(String(form?.get('email') ?? ''));
    if (await isLoginRateLimited(await getDb(), email, clientIp(request.headers))) {
      return Response.json(
        { error: `Too many failed sign-in attempts. Try again in ${LOGIN_WINDOW_MINUTES} minutes.` },
        { status: 429, headers: { 'Retry-After': String(LOGIN_WINDOW_MINUTES * 60) } },
      );
    }
  }
  return handlers.POST(request);
}
