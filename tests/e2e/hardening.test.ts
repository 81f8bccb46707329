import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { answerOf, callAction, request, type ActionAnswer } from '../helpers/actions';
import { launchBrowser } from '../helpers/browser';
import { et, rawSignIn, readerGet, sessionCookie, signInWithForm, startAdmin, SESSION_COOKIE, type AdminServer } from '../helpers/admin';

/**
 * Issue 10, items 5 and 7: the Content-Security-Policy of the newsroom (a nonce per response) and of
 * the cached reader pages, HSTS on an https site, and session cookies whose origin and `Secure` flag
 * come from SITE_URL, never from a client's Host / X-Forwarded-* headers.
 */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let nr: AdminServer;
let editorCookie: string;
let articleId: number;
let articlePath: string;

function directives(csp: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values.join(' '));
  }
  return out;
}

function setCookieLines(headers: Record<string, string | string[] | undefined>): string[] {
  const raw = headers['set-cookie'];
  return Array.isArray(raw) ? raw : raw ? [raw] : [];
}

beforeAll(async () => {
  nr = await startAdmin({ prefix: 'gazette-hardening-', staff: [{ key: 'editor', role: 'editor' }] });
  editorCookie = await sessionCookie(nr.baseURL, nr.staff.editor!.email, nr.staff.editor!.password);
  const home = await readerGet(nr.baseURL, '/');
  const match = /href="(\/articles\/(\d+)-[a-z0-9-]+)"/.exec(home.text)!;
  articlePath = match[1]!;
  articleId = Number(match[2]);
});

afterAll(async () => {
  await nr?.dispose();
});

describe('Content-Security-Policy (item 5)', () => {
  async function adminPolicy(path: string, cookie?: string): Promise<{ csp: Map<string, string>; nonce: string; html: string; status: number }> {
    const res = await fetch(new URL(path, nr.baseURL), { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
    const csp = directives(res.headers.get('content-security-policy'));
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp.get('script-src') ?? '')?.[1] ?? '';
    return { csp, nonce, html: await res.text(), status: res.status };
  }

  function expectStrict(csp: Map<string, string>, nonce: string, what: string) {
    expect(nonce, `${what}: a nonce in script-src`).toMatch(/^[A-Za-z0-9+/]{16,}={0,2}$/);
    expect(csp.get('script-src'), what).toBe(`'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp.get('object-src'), what).toBe("'none'");
    expect(csp.get('base-uri'), what).toBe("'none'");
    expect(csp.get('frame-ancestors'), what).toBe("'none'");
  }

  it('the newsroom gets a nonce-based policy, a new nonce per response, and every script it renders carries that nonce', async () => {
    const seen = new Set<string>();
    for (const path of ['/admin/login', '/admin', '/admin/articles', `/admin/articles/${articleId}`]) {
      const { csp, nonce, html, status } = await adminPolicy(path, path === '/admin/login' ? undefined : editorCookie);
      expect(status, path).toBe(200);
      expectStrict(csp, nonce, path);
      seen.add(nonce);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, `${path} renders scripts`).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
    }
    expect(seen.size).toBe(4);
  });

  it('the redirect of an anonymous visitor to the sign-in form carries the policy too', async () => {
    const { csp, nonce, status } = await adminPolicy('/admin/articles');
    expect(status).toBeGreaterThanOrEqual(300);
    expectStrict(csp, nonce, 'redirect');
  });

  it('a preview share link gets the nonce-based policy', async () => {
    const answer = answerOf(await callAction<ActionAnswer<{ path: string }>>(nr.baseURL, 'createPreviewLinkAction', [{ id: articleId }], editorCookie));
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    const { csp, nonce, status } = await adminPolicy(answer.data.path);
    expect(status).toBe(200);
    expectStrict(csp, nonce, 'preview');
  });

  it('reader pages keep one cacheable policy (no plugins, no foreign <base>, no framing by other sites) and stay cached', async () => {
    for (const path of ['/', articlePath]) {
      for (let i = 0; i < 3; i++) {
        const res = await readerGet(nr.baseURL, path);
        expect(res.status, path).toBe(200);
        const csp = directives(res.headers.get('content-security-policy'));
        expect(csp.get('object-src'), path).toBe("'none'");
        expect(csp.get('base-uri'), path).toBe("'self'");
        expect(csp.get('frame-ancestors'), path).toBe("'self'");
        expect(res.headers.get('content-security-policy'), path).not.toContain('nonce-');
        // Still a shared, cached page: public s-maxage, served from Next's cache or the micro-cache.
        expect(res.headers.get('cache-control'), path).toMatch(/^public,.*s-maxage=/);
        if (i > 0) expect(`${res.headers.get('x-nextjs-cache')} ${res.headers.get('x-gazette-cache')}`, path).toMatch(/HIT|STALE/);
      }
    }
  });

  it('no Strict-Transport-Security on an http:// site', async () => {
    expect((await readerGet(nr.baseURL, '/')).headers.get('strict-transport-security')).toBeNull();
    expect((await fetch(new URL('/admin/login', nr.baseURL))).headers.get('strict-transport-security')).toBeNull();
  });

  describe('in Chromium: no violation while the newsroom works', () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const violations: string[] = [];

    beforeAll(async () => {
      browser = await launchBrowser();
      context = await browser.newContext();
      // Reported by the browser itself; an init script is not subject to the page's policy.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      page = await context.newPage();
      page.on('console', (message) => {
        const text = message.text();
        if (/Content Security Policy|CSP violation/i.test(text)) violations.push(`${page.url()}: ${text}`);
      });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('signing in with the form, the article list and the editor (typing into Tiptap) raise no CSP violation', async () => {
      await signInWithForm(page, nr.baseURL, nr.staff.editor!.email, nr.staff.editor!.password);
      await page.waitForURL(`${nr.baseURL}/admin`, { timeout: 60_000 });
      await page.goto(`${nr.baseURL}/admin/articles`);
      await page.locator('table').first().waitFor({ timeout: 60_000 });
      await page.goto(`${nr.baseURL}/admin/articles/new`);
      const body = page.locator('[contenteditable="true"]').and(page.getByLabel(et('fieldBody'), { exact: true }));
      await body.waitFor({ timeout: 60_000 });
      await body.click();
      await page.keyboard.type('CSP');
      await expect.poll(async () => body.textContent()).toContain('CSP');
      await page.goto(`${nr.baseURL}/admin/articles/${articleId}`);
      await body.waitFor({ timeout: 60_000 });
      expect(violations).toEqual([]);
    });

    it('markup injected into the page cannot run script: neither an inline <script> nor an event handler attribute', async () => {
      await page.goto(`${nr.baseURL}/admin/articles`);
      await page.locator('table').first().waitFor({ timeout: 60_000 });
      const ran = await page.evaluate(async () => {
        const w = window as unknown as { __inline?: boolean; __handler?: boolean };
        // Markup the parser reads (as injected HTML would be): a same-origin frame inherits the policy.
        const frame = document.createElement('iframe');
        frame.srcdoc = '<script>parent.__inline = true</script>';
        document.body.append(frame);
        const div = document.createElement('div');
        div.innerHTML = '<img src="/__missing__.png" onerror="window.__handler = true" alt="">';
        document.body.append(div);
        await new Promise((r) => setTimeout(r, 1000));
        return { inline: w.__inline === true, handler: w.__handler === true };
      });
      expect(ran).toEqual({ inline: false, handler: false });
    });
  });
});

describe('session cookies and the sign-in origin (item 7)', () => {
  it('a client sending X-Forwarded-Proto: https to an http:// site gets ordinary cookies, as on any other sign-in', async () => {
    const result = await rawSignIn(nr.baseURL, nr.staff.editor!.email, nr.staff.editor!.password, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(result.cookie, 'a session cookie named authjs.session-token').not.toBeNull();
    const lines = setCookieLines(result.headers).filter((l) => l.includes(SESSION_COOKIE));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/^__Secure-/);
  });

  async function signinUrl(baseURL: string, headers: Record<string, string>): Promise<string> {
    const res = await request(`${baseURL}/api/auth/providers`, { headers });
    expect(res.status).toBe(200);
    return (JSON.parse(res.text()) as Record<string, { signinUrl: string }>).credentials!.signinUrl;
  }

  it('a client sending X-Forwarded-Proto / X-Forwarded-Host does not change the origin sign-in builds its URLs on', async () => {
    const port = new URL(nr.baseURL).port;
    // SITE_URL is http://127.0.0.1:port (Next.js writes 127.0.0.1 as localhost in request URLs).
    expect(await signinUrl(nr.baseURL, { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' })).toMatch(
      new RegExp(`^http://(127\\.0\\.0\\.1|localhost):${port}/api/auth/signin/credentials$`),
    );
  });

  describe('on a site whose SITE_URL is https://', () => {
    let secure: AdminServer;

    beforeAll(async () => {
      secure = await startAdmin({ prefix: 'gazette-https-', staff: [{ key: 'editor', role: 'editor' }], env: { SITE_URL: 'https://news.example.test' } });
    });

    afterAll(async () => {
      await secure?.dispose();
    });

    it('session cookies are Secure (__Secure- names), even on a request that reached the app over plain http', async () => {
      const result = await rawSignIn(secure.baseURL, secure.staff.editor!.email, secure.staff.editor!.password);
      const line = setCookieLines(result.headers).find((l) => l.startsWith(`__Secure-${SESSION_COOKIE}=`));
      expect(line, setCookieLines(result.headers).join('\n')).toBeDefined();
      expect(line).toMatch(/;\s*Secure/i);
      expect(line).toMatch(/;\s*HttpOnly/i);
    });

    it('sign-in builds its URLs on SITE_URL, whatever Host and X-Forwarded-* the request carries', async () => {
      for (const headers of [{}, { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' }] as Record<string, string>[]) {
        expect(await signinUrl(secure.baseURL, headers)).toBe('https://news.example.test/api/auth/signin/credentials');
      }
    });

    it('every response carries Strict-Transport-Security: reader pages (the micro-cache too) and the newsroom', async () => {
      for (let i = 0; i < 3; i++) {
        expect((await readerGet(secure.baseURL, '/')).headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
      }
      expect((await fetch(new URL('/admin/login', secure.baseURL))).headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
      expect((await fetch(new URL('/api/health', secure.baseURL))).headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    });
  });
});
