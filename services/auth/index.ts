import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { checkSignIn } from '@/db/queries/admin/sign-in';
import { clientIp } from '../client-ip';
import { config } from '../../domain/config.mjs';
import { authHost } from '../../domain/auth/host';
import { logAuthError } from './log';
import { authSecret } from './secret';
import { PASSWORD_MAX } from '../../domain/auth/password';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
}

export class RateLimitedError extends CredentialsSignin {
  override code = 'rate_limited';
}

const credentialsInput = z.object({
  email: z.string().trim().min(3).max(320),
  // Compared verbatim: no trimming, no normalisation of the password.
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  // The origin and the cookies' Secure flag come from configuration, not from what a client sends
  // in Host / X-Forwarded-* (issue 10, item 7; domain/auth/host.ts). next-auth reads AUTH_URL from
  // process.env itself, so the configured origin is put there.
  const host = authHost(config());
  if (host.url) process.env.AUTH_URL = host.url;
  return {
    secret: authSecret(),
    trustHost: host.trustHost,
    useSecureCookies: host.useSecureCookies,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/admin/login', error: '/admin/login' },
    logger: { error: logAuthError },
    providers: [
      Credentials({
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(raw, request) {
          const parsed = credentialsInput.safeParse(raw);
          if (!parsed.success) return null;
          const result = await checkSignIn(await getDb(), parsed.data.email, parsed.data.password, clientIp(request.headers));
          if (!result.ok && result.reason === 'rate_limited') throw new RateLimitedError();
          if (!result.ok) return null;
          const account = result.user;
          return { id: String(account.id), name: account.name, email: account.email, sessionVersion: account.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.sv = user.sessionVersion ?? 1;
        }
        return token;
      },
      session({ session, token }) {
        // Only what the server needs to look the user up again; roles come from the database.
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
  };
});
