import { afterEach, describe, expect, it } from 'vitest';
import { resetConfig } from '@/domain/config.mjs';
import { isSameOriginRequest } from '@/services/request-origin';

const saved = process.env.SITE_URL;
function siteUrl(value: string | undefined) {
  if (value === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = value;
  resetConfig();
}
afterEach(() => siteUrl(saved));

const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers));

describe('isSameOriginRequest (issue 10, item 17)', () => {
  it('accepts an Origin naming the request Host', () => {
    siteUrl(undefined);
    expect(check({ origin: 'http://localhost:3000', host: 'localhost:3000' })).toBe(true);
    expect(check({ origin: 'https://News.Example.com', host: 'news.example.com' })).toBe(true);
    expect(check({ origin: 'https://news.example.com', host: 'news.example.com:443' })).toBe(true); // default port
  });

  it('accepts an Origin naming SITE_URL when a proxy rewrote Host', () => {
    siteUrl('https://news.example.com');
    expect(check({ origin: 'https://news.example.com', host: '10.0.0.5:3000' })).toBe(true);
  });

  it.each([
    ['no Origin', { host: 'localhost:3000' }],
    ['an opaque Origin', { origin: 'null', host: 'localhost:3000' }],
    ['a foreign Origin', { origin: 'https://evil.example', host: 'localhost:3000' }],
    ['another port', { origin: 'http://localhost:3001', host: 'localhost:3000' }],
    ['a subdomain', { origin: 'https://evil.news.example.com', host: 'news.example.com' }],
    ['a suffix trick', { origin: 'https://news.example.com.evil.example', host: 'news.example.com' }],
    ['a malformed Origin', { origin: 'not a url', host: 'localhost:3000' }],
    ['a non-http scheme', { origin: 'file://localhost:3000', host: 'localhost:3000' }],
    ['no Host at all', { origin: 'http://localhost:3000' }],
  ])('refuses %s', (_label, headers: Record<string, string>) => {
    siteUrl('https://news.example.com');
    expect(check(headers)).toBe(false);
  });
});
