import { describe, expect, it } from 'vitest';
import { authHost } from '@/domain/auth/host';
import { loadConfig, type Config } from '@/domain/config.mjs';

function config(env: Record<string, string>): Config {
  const result = loadConfig(env);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

describe('where sign-in takes its origin from (issue 10, item 7)', () => {
  it('SITE_URL: that origin, Secure cookies exactly when it is https', () => {
    expect(authHost(config({ SITE_URL: 'https://news.example.com/' }))).toEqual({ trustHost: true, url: 'https://news.example.com', useSecureCookies: true });
    expect(authHost(config({ SITE_URL: 'http://127.0.0.1:3000' }))).toEqual({ trustHost: true, url: 'http://127.0.0.1:3000', useSecureCookies: false });
  });

  it('AUTH_URL (the admin on its own origin) wins over SITE_URL', () => {
    expect(authHost(config({ SITE_URL: 'https://news.example.com', AUTH_URL: 'https://admin.news.example.com' }))).toEqual({
      trustHost: true,
      url: 'https://admin.news.example.com',
      useSecureCookies: true,
    });
  });

  it('neither, behind a trusted proxy: the proxy forwarded headers decide', () => {
    expect(authHost(config({ TRUST_PROXY: '1' }))).toEqual({ trustHost: true, url: undefined, useSecureCookies: undefined });
  });

  it('neither, no trusted proxy: SITE_URL default (http://localhost:PORT), never the request headers', () => {
    expect(authHost(config({ PORT: '4000' }))).toEqual({ trustHost: true, url: 'http://localhost:4000', useSecureCookies: false });
  });

  it('AUTH_URL must be an http(s) URL', () => {
    const result = loadConfig({ AUTH_URL: 'admin.example.com' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^AUTH_URL: must be the origin/);
  });
});
