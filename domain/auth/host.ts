import type { Config } from '../config.mjs';

/**
 * Where next-auth takes the admin's origin from, and whether its cookies are `Secure`.
 *
 * Left to itself (`trustHost: true`), next-auth builds its URLs from the request's `Host` and
 * `X-Forwarded-Host`/`X-Forwarded-Proto` headers and marks cookies `Secure` when that protocol is
 * https: any client could choose both. Here the origin comes from configuration instead:
 *
 * - `AUTH_URL` (the admin on its own origin) or `SITE_URL`: that origin, for every request, and
 *   cookies are `Secure` (`__Secure-` names) exactly when it is https;
 * - neither, with `TRUST_PROXY` > 0: the forwarded headers, which the trusted proxy sets;
 * - neither, with no trusted proxy: SITE_URL's documented default, http://localhost:$PORT.
 */
export interface AuthHost {
  /** Always true: the origin is configured, or comes from a proxy the configuration trusts. */
  trustHost: true;
  /** The origin next-auth must use (its AUTH_URL); undefined when a trusted proxy's headers say it. */
  url: string | undefined;
  /** undefined: follow the trusted proxy's X-Forwarded-Proto. */
  useSecureCookies: boolean | undefined;
}

export function authHost(c: Pick<Config, 'AUTH_URL' | 'SITE_URL' | 'TRUST_PROXY' | 'PORT'>): AuthHost {
  const configured = c.AUTH_URL ?? c.SITE_URL;
  if (!configured && c.TRUST_PROXY > 0) return { trustHost: true, url: undefined, useSecureCookies: undefined };
  const url = new URL(configured ?? `http://localhost:${c.PORT}`);
  return { trustHost: true, url: c.AUTH_URL ?? url.origin, useSecureCookies: url.protocol === 'https:' };
}
