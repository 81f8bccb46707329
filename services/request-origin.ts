import { config } from '../domain/config.mjs';

/** `host[:port]` as a URL of `protocol` spells it (default port dropped, lower case), or null. */
function hostOf(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host || null;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request comes from a page of this site, as Server Actions check it: the
 * Origin header must be present and name the request's Host, or SITE_URL's host. A missing or
 * opaque ("null") Origin is refused: browsers send Origin on every POST, so only a cross-site form
 * or a non-browser client lacks it, and cookies alone (SameSite=Lax) must not be enough.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const allowed = new Set<string>();
  const host = headers.get('host');
  if (host) {
    const requestHost = hostOf(parsed.protocol, host.trim());
    if (requestHost) allowed.add(requestHost);
  }
  const site = config().SITE_URL;
  if (site) {
    try {
      allowed.add(new URL(site).host);
    } catch {
      // config() validates SITE_URL; nothing to add if it somehow does not parse.
    }
  }
  return allowed.has(parsed.host);
}
