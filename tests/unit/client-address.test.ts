import { afterEach, describe, expect, it } from 'vitest';
import { clientIp } from '@/services/client-ip';
import { markServerEntry, PEER_HEADER } from '@/services/server-bridge.mjs';
import { resetViewsConfig } from '@/domain/views/config';
import { clientAddress } from '@/services/views/peer';

const serverEntry = Symbol.for('gazette.server-entry');
const saved = process.env.TRUST_PROXY;

function setup(trustProxy: number | undefined, underServerEntry: boolean) {
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = String(trustProxy);
  resetViewsConfig();
  if (underServerEntry) markServerEntry();
  else delete (globalThis as Record<symbol, unknown>)[serverEntry];
}

const ip = (headers: Record<string, string>) => clientAddress(new Headers(headers)).ip;

afterEach(() => {
  if (saved === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = saved;
  resetViewsConfig();
  delete (globalThis as Record<symbol, unknown>)[serverEntry];
});

describe('clientAddress trusts exactly what TRUST_PROXY says', () => {
  it('without TRUST_PROXY: the socket peer stamped by the server entry, never a client header', () => {
    setup(undefined, true);
    expect(ip({ [PEER_HEADER]: '203.0.113.9', 'x-forwarded-for': '1.1.1.1', 'x-real-ip': '2.2.2.2' })).toBe('203.0.113.9');
    expect(ip({ [PEER_HEADER]: '::ffff:203.0.113.9' })).toBe('203.0.113.9');
    expect(ip({ 'x-forwarded-for': '1.1.1.1', 'x-real-ip': '2.2.2.2' })).toBeNull();
  });

  it('without the server entry and without TRUST_PROXY nothing is known (the private header could be forged)', () => {
    setup(undefined, false);
    expect(ip({ [PEER_HEADER]: '203.0.113.9', 'x-forwarded-for': '1.1.1.1', 'x-real-ip': '2.2.2.2' })).toBeNull();
  });

  it('with TRUST_PROXY=1: the rightmost X-Forwarded-For entry', () => {
    setup(1, true);
    expect(ip({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 198.51.100.7' })).toBe('198.51.100.7');
    expect(ip({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': ' ::ffff:198.51.100.7 ' })).toBe('198.51.100.7');
  });

  it('with TRUST_PROXY=2: the second entry from the right, whatever the client prepended', () => {
    setup(2, true);
    expect(ip({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 7.7.7.7, 198.51.100.7, 10.0.0.1' })).toBe('198.51.100.7');
    expect(ip({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '198.51.100.7, 10.0.0.1' })).toBe('198.51.100.7');
  });

  it.each([
    ['no X-Forwarded-For', {}],
    ['an empty X-Forwarded-For', { 'x-forwarded-for': '' }],
    ['only commas and spaces', { 'x-forwarded-for': ' , ,' }],
  ])('with TRUST_PROXY=1 and %s: the socket peer, never x-real-ip', (_label, extra: Record<string, string>) => {
    setup(1, true);
    expect(ip({ [PEER_HEADER]: '203.0.113.9', 'x-real-ip': '2.2.2.2', ...extra })).toBe('203.0.113.9');
    expect(clientIp(new Headers({ [PEER_HEADER]: '203.0.113.9', 'x-real-ip': '2.2.2.2', ...extra }))).toBe('203.0.113.9');
  });

  it('with fewer entries than trusted hops: the request did not pass every proxy, so the socket peer', () => {
    setup(2, true);
    // The outermost proxy was bypassed: the single entry is what the client or one proxy wrote.
    expect(ip({ [PEER_HEADER]: '203.0.113.9', 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '2.2.2.2' })).toBe('203.0.113.9');
    setup(3, true);
    expect(ip({ [PEER_HEADER]: '203.0.113.9', 'x-forwarded-for': '6.6.6.6, 7.7.7.7' })).toBe('203.0.113.9');
  });

  it('with TRUST_PROXY but no server entry, too few entries give no address, not x-real-ip or the private header', () => {
    setup(1, false);
    expect(ip({ [PEER_HEADER]: '203.0.113.9', 'x-real-ip': '2.2.2.2', 'x-forwarded-for': '' })).toBeNull();
    expect(clientIp(new Headers({ 'x-real-ip': '2.2.2.2' }))).toBe('unknown');
    expect(ip({ 'x-forwarded-for': '198.51.100.7' })).toBe('198.51.100.7');
  });
});
