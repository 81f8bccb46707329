import { PEER_HEADER, runningUnderServerEntry } from '../server-bridge.mjs';
import { viewsConfig } from '../../domain/views/config';

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

/** The address Gazette's server entry copied from the socket; without that entry nobody stamped it. */
function socketPeer(headers: Headers): string | null {
  if (!runningUnderServerEntry()) return null;
  return normalise(headers.get(PEER_HEADER) ?? '') || null;
}

/**
 * TRUST_PROXY=N: the N-th X-Forwarded-For entry from the right, which the outermost of the N
 * trusted proxies appended (what it saw). With fewer than N entries the request did not pass
 * through N proxies, so no entry was written by a trusted one: the socket peer is used instead.
 * Otherwise the socket peer. Null when neither is known. No other client-settable header (such as
 * x-real-ip) is ever read.
 */
export function clientAddress(headers: Headers): { ip: string | null; proxiedWithoutTrust: boolean } {
  const hops = viewsConfig().trustProxy;
  const forwarded = headers.get('x-forwarded-for');
  if (hops > 0) {
    const list = (forwarded ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const ip = list.length >= hops ? normalise(list[list.length - hops]!) : socketPeer(headers);
    return { ip: ip || null, proxiedWithoutTrust: false };
  }
  const peer = socketPeer(headers);
  const loopback = peer === '127.0.0.1' || peer === '::1';
  return { ip: peer, proxiedWithoutTrust: loopback && Boolean(forwarded) && normalise(forwarded ?? '') !== peer };
}
