import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { classifyAddress, isAllowedHost, normalizeHost } from '@/domain/net/address';

/**
 * Outgoing HTTP requests to addresses someone typed in (webhooks now, remote images later), kept
 * away from this server's own network: every address a name resolves to must be public unless the
 * host is allowed by name (OUTBOUND_ALLOW_HOSTS). The connection goes to the address that was
 * checked (the agent's `lookup` hands it back instead of asking DNS again, so a name that resolves
 * to a public address for the check and to 127.0.0.1 for the connection gets nowhere), every
 * redirect is checked the same way, and time and answer size are bounded.
 */

export interface SafeFetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Bytes of the answer kept; the rest is not read. */
  maxBytes?: number;
  /** For everything: lookups, connections, redirects and reading the answer. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Host names allowed whatever they resolve to. */
  allowHosts?: readonly string[];
  /** For tests: resolves a host name to its addresses. */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** At most `maxBytes` of the answer. */
  body: Buffer;
  truncated: boolean;
  /** The address the last request went to (after redirects). */
  url: string;
}

/** A request this module would not make; `reason` says why, for the delivery log. */
export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** DNS lookups cannot be cancelled; the caller stops waiting for them instead. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

const systemResolve = (host: string) => dns.promises.lookup(host, { all: true, verbatim: true });

/** The address to connect to, after checking every address `host` resolves to. */
async function vettedAddress(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<{ address: string; family: number }> {
  const host = normalizeHost(url.hostname);
  const addresses = await untilAborted((options.resolve ?? systemResolve)(host), signal);
  if (!addresses.length) throw new OutboundRefused(`${host} does not resolve`);
  if (!isAllowedHost(host, options.allowHosts ?? [])) {
    // Any bad address refuses the host: otherwise which one the connection picks decides.
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (kind !== 'public') throw new OutboundRefused(`${host} resolves to ${address}, a ${kind} address; outgoing requests may not go there unless OUTBOUND_ALLOW_HOSTS lists ${host}`);
    }
  }
  return addresses[0]!;
}

function pinnedLookup(address: string, family: number): LookupFunction {
  return ((_host: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (opts?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
}

function once({ url, method, headers, body }: Hop, options: SafeFetchOptions, target: { address: string; family: number }, signal: AbortSignal) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; truncated: boolean }>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const maxBytes = options.maxBytes ?? 64 * 1024;
    const request = client.request(
      url,
      {
        method,
        headers: { 'User-Agent': 'Gazette', ...headers, ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) },
        lookup: pinnedLookup(target.address, target.family),
        // A fresh agent: a pooled socket could belong to an address checked for another name.
        agent: false,
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        response.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = maxBytes - size;
          chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
          size += Math.min(chunk.length, room);
          if (chunk.length >= room) {
            truncated = chunk.length > room || !response.complete;
            response.destroy();
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), truncated });
          }
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), truncated }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Makes the request under the rules above. Throws OutboundRefused for what it will not do, and the
 * network's own errors (refused connection, timeout as an AbortError) for what failed.
 */
export async function safeFetch(address: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const hop: Hop = { url: new URL(address), method: (options.method ?? 'GET').toUpperCase(), headers: { ...options.headers }, body: options.body };
  for (let redirects = 0; ; redirects++) {
    const { url } = hop;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefused(`only http and https addresses are allowed, not ${url.protocol}`);
    if (url.username || url.password) throw new OutboundRefused('addresses with a user name or password are not allowed');
    const target = await vettedAddress(url, options, signal);
    const answer = await once(hop, options, target, signal);
    const location = answer.headers.location;
    if (!REDIRECTS.has(answer.status) || !location) return { ...answer, url: url.toString() };
    if (redirects >= (options.maxRedirects ?? 3)) throw new OutboundRefused(`more than ${options.maxRedirects ?? 3} redirects`);
    hop.url = new URL(location, url);
    // Credentials stay with the origin they were meant for.
    if (hop.url.origin !== url.origin) hop.headers = Object.fromEntries(Object.entries(hop.headers).filter(([name]) => !/^(authorization|cookie)$/i.test(name)));
    // As browsers do: 303 (and 301/302 after a POST) continue as a GET without the body.
    if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && hop.method === 'POST')) {
      hop.method = 'GET';
      hop.body = undefined;
    }
  }
}
