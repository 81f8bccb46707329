import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { PEER_HEADER } from '@/services/server-bridge.mjs';
import { stampPeerAddress } from '@/server/request-hooks.mjs';

/** The peer-address stamp of Gazette's server (issue 10, item 15): what route handlers trust as the client's address. */
const request = (remoteAddress: string, headers: http.IncomingHttpHeaders) => ({ socket: { remoteAddress }, headers }) as unknown as http.IncomingMessage;

describe('the peer-address stamp', () => {
  it("overwrites a client's own peer header with the socket's address", () => {
    const req = request('203.0.113.9', { [PEER_HEADER]: '6.6.6.6' });
    stampPeerAddress(req);
    expect(req.headers[PEER_HEADER]).toBe('203.0.113.9');
  });

  it('cannot be forged through a proxy on the same host by claiming to be a forwarded Server Action', () => {
    const req = request('127.0.0.1', { 'x-action-forwarded': '1', [PEER_HEADER]: '6.6.6.6', 'x-gazette-peer-stamp': 'guessed' });
    stampPeerAddress(req);
    expect(req.headers[PEER_HEADER]).toBe('127.0.0.1');
  });

  it("keeps the original client's address on the Server Action that Next.js re-sends to itself", () => {
    const original = request('203.0.113.9', { 'content-type': 'text/plain' });
    stampPeerAddress(original);
    const forwarded = request('::1', { ...original.headers, 'x-action-forwarded': '1' });
    stampPeerAddress(forwarded);
    expect(forwarded.headers[PEER_HEADER]).toBe('203.0.113.9');
  });
});
