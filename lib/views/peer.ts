import { PEER_HEADER, runningUnderServerEntry } from '../server-bridge.mjs';
import { viewsConfig } from './config';

/**
 * The client's address for deduplication and the rate limit.
 *
 * A route handler does not see the socket. Next.js fills `x-forwarded-for` with the peer address
 * only when the client did not send one, so by itself that header is whatever the client chose.
 * Unless TRUST_PROXY says a proxy we trust sets it, we therefore take the socket's address, which
 * Gazette's HTTP server (server/request-hooks.mjs) copies into a private header on every incoming
 * request, overwriting any value a client sent.
 */

function normalise(ip: string): string {
  const trimmed = ip.trim();
  return trimmed.startsWith('::ffff:') ? trimmed.slice(7) : trimmed;
}

/**
 * TRUST_PROXY=N: the N-th X-Forwarded-For entry from the right (what the N-th trusted proxy saw).
 * Otherwise the socket peer. Null when neither is known.
 */
export function clientAddress(headers: Headers): { ip: string | null; proxiedWithoutTrust: boolean } {
  const hops = viewsConfig().trustProxy;
  const forwarded = headers.get('x-forwarded-for');
  if (hops > 0) {
    const list = (forwarded ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const ip = list[Math.max(0, list.length - hops)] ?? headers.get('x-real-ip') ?? null;
    return { ip: ip ? normalise(ip) : null, proxiedWithoutTrust: false };
  }
  // Without Gazette's server (plain `next start`, a serverless host) nobody stamped the header.
  if (!runningUnderServerEntry()) return { ip: null, proxiedWithoutTrust: false };
  const peer = normalise(headers.get(PEER_HEADER) ?? '');
  const loopback = peer === '127.0.0.1' || peer === '::1';
  return { ip: peer || null, proxiedWithoutTrust: loopback && Boolean(forwarded) && normalise(forwarded ?? '') !== peer };
}
