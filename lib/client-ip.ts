/**
 * The client's address. `next start` appends the socket address to X-Forwarded-For, so the last
 * entry is what this server saw; behind TRUST_PROXY=N reverse proxies, the Nth entry from the end.
 */
export function clientIp(headers: Headers): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = Math.max(0, Math.min(5, Number(process.env.TRUST_PROXY ?? 0) || 0));
  const ip = forwarded[forwarded.length - 1 - hops] ?? forwarded[0] ?? headers.get('x-real-ip') ?? 'unknown';
  return ip.replace(/^::ffff:/, '').slice(0, 64);
}
