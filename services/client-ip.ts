import { clientAddress } from './views/peer';

/**
 * The client's address for per-IP limits: the socket peer (copied into a private header by the
 * server, since route handlers cannot see the socket), or with TRUST_PROXY=N the address the N-th
 * trusted proxy saw. A client-sent X-Forwarded-For is ignored unless a proxy is trusted.
 */
export function clientIp(headers: Headers): string {
  return (clientAddress(headers).ip ?? 'unknown').slice(0, 64);
}
