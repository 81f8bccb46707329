import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { answerOf, callAction, request, type ActionAnswer } from '../helpers/actions';
import { axeViolations, launchBrowser } from '../helpers/browser';
import { adminAccess, closeAdmin, hasSessionCookie, mt, rawSignIn, sessionCookie, signInWithForm, startAdmin, t, type AdminServer } from '../helpers/admin';

/**
 * Sign-in, first-run setup, sessions and the sign-in rate limit, on a server of its own that
 * starts with no account at all (no ADMIN_EMAIL).
 */

const OWNER = {
  name: '王所有者',
  email: 'owner@example.test',
  // 128 characters, spaces inside, none at the ends.
  password: 'correct horse battery staple and a much longer tail of words that keeps going on and on until it reaches the limit of 128 chars!',
};

// A busy two-core machine: sign-ins hash with argon2 and pages render on demand.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let nr: AdminServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ownerCookie: string;

// Raw HTTP sign-ins connect from their own loopback addresses, so that the per-address limit of
// one scenario never spills into another (the browser itself connects from 127.0.0.1).
const from = (n: number) => ({ localAddress: `127.0.0.${n}` });

async function invite(name: string, email: string, password: string, role = 'author'): Promise<number> {
  const call = await callAction<ActionAnswer<{ id: number }>>(nr.baseURL, 'inviteUserAction', [{ name, email, password, role }], ownerCookie);
  const answer = answerOf(call);
  if (!answer.ok) throw new Error(`inviteUserAction refused: ${JSON.stringify(answer)}`);
  return answer.data.id;
}

async function alertText(): Promise<string> {
  const alert = page.locator('form [role=alert]');
  await alert.waitFor({ timeout: 30_000 });
  return (await alert.textContent())!.trim();
}

beforeAll(async () => {
  expect(OWNER.password).toHaveLength(128);
  nr = await startAdmin({ prefix: 'gazette-auth-' });
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
}, 240_000);

afterAll(() => closeAdmin(nr, browser));

describe('first run', () => {
  it('sends /admin to the owner setup form while no account exists, and the setup form has no axe violation', async () => {
    await page.goto(`${nr.baseURL}/admin`);
    await page.waitForURL(`${nr.baseURL}/admin/setup`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('setupTitle'));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await axeViolations(page);
      expect(violations, `${scheme}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('asks for the setup code from the server log in production (issue 10, item 4); without it or with a wrong one nobody is created', async () => {
    expect(await page.getByText(t('setupOpenDev')).count()).toBe(0);
    const setupCode = page.getByLabel(t('setupCode'));
    expect(await setupCode.isVisible()).toBe(true);
    // Printed at start while nobody can sign in.
    expect(nr.server.logs()).toMatch(/first-run setup code: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);

    await setupCode.fill('WRONG-CODE-0000');
    await page.getByLabel(t('yourName')).fill('Somebody Early');
    await page.getByLabel(t('email')).fill('early-bird@example.test');
    await page.getByLabel(t('password')).fill('early bird password');
    await page.getByRole('button', { name: t('createOwner') }).click();
    expect(await alertText()).toBe(t('setupCodeWrong'));
    expect(new URL(page.url()).pathname).toBe('/admin/setup');

    // The action is a public endpoint: called without any code, it refuses as well.
    const form = new FormData();
    form.set('name', 'No Code');
    form.set('email', 'no-code@example.test');
    form.set('password', 'no code password 123');
    const call = await callAction<{ error: string | null }>(nr.baseURL, 'setupOwnerAction', [{ error: null }, form]);
    expect(call.value?.error).toBe(t('setupCodeRequired'));

    // Still nobody: the setup form is still what /admin shows.
    await page.goto(`${nr.baseURL}/admin`);
    await page.waitForURL(`${nr.baseURL}/admin/setup`);
    expect((await rawSignIn(nr.baseURL, 'early-bird@example.test', 'early bird password', from(9))).cookie).toBeNull();
  });

  it('creates the owner from the setup form (128-character passphrase with spaces) and lands on the dashboard', async () => {
    const code = /first-run setup code: (\S+)/.exec(nr.server.logs())![1]!;
    await page.getByLabel(t('setupCode')).fill(code.toLowerCase());
    await page.getByLabel(t('yourName')).fill(OWNER.name);
    await page.getByLabel(t('email')).fill(OWNER.email);
    await page.getByLabel(t('password')).fill(OWNER.password);
    await page.getByRole('button', { name: t('createOwner') }).click();
    await page.waitForURL(`${nr.baseURL}/admin`, { timeout: 120_000 });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('dashboard'));
    const nav = (await page.getByRole('navigation', { name: t('admin') }).textContent())!;
    expect(nav).toContain(OWNER.name);
    expect(nav).toContain(t('role_admin'));
    expect(await hasSessionCookie(context)).toBe(true);
  });

  it('closes the setup form once an owner exists: a second setup is refused and creates nobody', async () => {
    const res = await fetch(`${nr.baseURL}/admin/setup`, { redirect: 'manual' });
    expect([302, 303, 307, 308]).toContain(res.status);
    expect(new URL(res.headers.get('location')!, nr.baseURL).pathname).toBe('/admin/login');
    // The action behind the form is a public endpoint: calling it directly must not make a second owner.
    const form = new FormData();
    form.set('name', 'Intruder');
    form.set('email', 'intruder@example.test');
    form.set('password', 'intruder-password-123');
    const call = await callAction<{ error: string | null }>(nr.baseURL, 'setupOwnerAction', [{ error: null }, form]);
    expect(call.value?.error).toMatch(/already has an owner/);
    expect((await rawSignIn(nr.baseURL, 'intruder@example.test', 'intruder-password-123', from(10))).cookie).toBeNull();
  });
});

describe('signing in and out', () => {
  it('signing out ends the session: /admin then shows the sign-in form', async () => {
    await page.goto(`${nr.baseURL}/admin`);
    await page.getByRole('button', { name: t('signOut') }).click();
    await page.waitForURL(`${nr.baseURL}/admin/login`);
    expect(await hasSessionCookie(context)).toBe(false);
    await page.goto(`${nr.baseURL}/admin`);
    await page.waitForURL(`${nr.baseURL}/admin/login`);
    await expect(page.getByRole('button', { name: t('signIn'), exact: true }).isVisible()).resolves.toBe(true);
  });

  it('signing out also ends the session on the server: a copy of the old cookie no longer opens the admin', async () => {
    // What a shared computer, a proxy log or a stolen cookie leaves behind must die with the sign-out
    // (OWASP ASVS 3.3.1), as it does for a disabled account or a new password.
    const cookie = await sessionCookie(nr.baseURL, OWNER.email, OWNER.password, from(16));
    expect(await adminAccess(nr.baseURL, cookie)).toBe('dashboard');
    const signOut = await callAction(nr.baseURL, 'signOutAction', [], { cookie, localAddress: '127.0.0.16' });
    expect(signOut.redirect).toBe('/admin/login');
    expect(await adminAccess(nr.baseURL, cookie)).toBe('login');
  });

  it('a wrong password shows the error and sets no session', async () => {
    await signInWithForm(page, nr.baseURL, OWNER.email, 'not the right password');
    expect(await alertText()).toBe(t('wrongCredentials'));
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    expect(await hasSessionCookie(context)).toBe(false);
    await page.goto(`${nr.baseURL}/admin`);
    await page.waitForURL(`${nr.baseURL}/admin/login`);
  });

  it('an unknown email gets the same message, and the raw endpoint answers both the same way', async () => {
    await signInWithForm(page, nr.baseURL, 'nobody-here@example.test', 'not the right password');
    expect(await alertText()).toBe(t('wrongCredentials'));
    expect(await hasSessionCookie(context)).toBe(false);

    const wrongPassword = await rawSignIn(nr.baseURL, OWNER.email, 'not the right password', from(11));
    const unknownEmail = await rawSignIn(nr.baseURL, 'nobody-here@example.test', 'not the right password', from(11));
    expect(wrongPassword.cookie).toBeNull();
    expect(unknownEmail.cookie).toBeNull();
    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(unknownEmail.location).toBe(wrongPassword.location);
  });

  it('the 128-character passphrase signs in verbatim; with a trailing space it is another password', async () => {
    await signInWithForm(page, nr.baseURL, OWNER.email, `${OWNER.password} `);
    expect(await alertText()).toBe(t('wrongCredentials'));
    expect(await hasSessionCookie(context)).toBe(false);

    await signInWithForm(page, nr.baseURL, OWNER.email, OWNER.password);
    await page.waitForURL(`${nr.baseURL}/admin`, { timeout: 120_000 });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('dashboard'));
    ownerCookie = await sessionCookie(nr.baseURL, OWNER.email, OWNER.password, from(12));
  });

  it('a password that ends with a space needs that space', async () => {
    await invite('Trailing Space', 'trailing@example.test', 'ends with a space ');
    expect((await rawSignIn(nr.baseURL, 'trailing@example.test', 'ends with a space', from(13))).cookie).toBeNull();
    expect((await rawSignIn(nr.baseURL, 'trailing@example.test', 'ends with a space ', from(13))).cookie).not.toBeNull();
  });

  it('a session survives a server restart: same data, same cookie, still signed in', async () => {
    const cookie = await sessionCookie(nr.baseURL, OWNER.email, OWNER.password, from(14));
    expect(await adminAccess(nr.baseURL, cookie)).toBe('dashboard');
    await nr.restart();
    expect(await adminAccess(nr.baseURL, cookie)).toBe('dashboard');
    // The browser's cookie (host-only, so any port of 127.0.0.1) works as well.
    await page.goto(`${nr.baseURL}/admin`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('dashboard'));
  }, 240_000);

  it('disabling a user on the Users screen locks them out at their next request, old cookie or not', async () => {
    const id = await invite('Disabled Reporter', 'reporter@example.test', 'reporter password 1', 'contributor');
    const reporterCookie = await sessionCookie(nr.baseURL, 'reporter@example.test', 'reporter password 1', from(15));
    expect(await adminAccess(nr.baseURL, reporterCookie)).toBe('dashboard');

    await page.goto(`${nr.baseURL}/admin/users`);
    await page.getByRole('link', { name: 'Disabled Reporter' }).first().click();
    await page.waitForURL(`${nr.baseURL}/admin/users/${id}`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: mt('disableUser') }).click();
    await expect(page.getByRole('status').filter({ hasText: mt('userDisabled') }).textContent({ timeout: 30_000 })).resolves.toContain(mt('userDisabled'));

    expect(await adminAccess(nr.baseURL, reporterCookie)).toBe('login');
    const write = await callAction<ActionAnswer<unknown>>(nr.baseURL, 'createArticleAction', [{ title: 'After disable', body: { type: 'doc', content: [] }, sectionId: 1 }], reporterCookie);
    expect(answerOf(write)).toMatchObject({ ok: false, status: 401 });
    expect((await rawSignIn(nr.baseURL, 'reporter@example.test', 'reporter password 1', from(15))).cookie).toBeNull();
  });
});

describe('sign-in rate limit', () => {
  const TARGET = { email: 'target@example.test', password: 'target password 1' };
  const BYSTANDER = { email: 'bystander@example.test', password: 'bystander password 1' };

  beforeAll(async () => {
    await invite('Target Account', TARGET.email, TARGET.password);
    await invite('Bystander Account', BYSTANDER.email, BYSTANDER.password);
  });

  it('after 10 wrong passwords from one address the 11th POST from there answers 429; the right password from another address still signs in (issue 10, item 2)', async () => {
    for (let i = 1; i <= 10; i++) {
      const attempt = await rawSignIn(nr.baseURL, TARGET.email, `wrong password ${i}`, from(21));
      expect(attempt.status, `attempt ${i}`).toBe(302);
      expect(attempt.cookie, `attempt ${i}`).toBeNull();
    }
    const limited = await rawSignIn(nr.baseURL, TARGET.email, 'wrong password 11', from(21));
    expect(limited.status).toBe(429);
    expect(limited.cookie).toBeNull();
    expect(JSON.parse(limited.body)).toEqual({ error: expect.stringMatching(/Too many failed sign-in attempts\. Try again in 15 minutes\./) });
    expect(limited.headers['retry-after']).toBe('900');
    // From the same address even the right password is refused.
    expect((await rawSignIn(nr.baseURL, TARGET.email, TARGET.password, from(21))).status).toBe(429);

    // Whoever failed ten times cannot lock the owner out: from elsewhere the right password works.
    const right = await rawSignIn(nr.baseURL, TARGET.email, TARGET.password, from(22));
    expect(right.cookie).not.toBeNull();
    expect(await adminAccess(nr.baseURL, right.cookie)).toBe('dashboard');

    const other = await rawSignIn(nr.baseURL, BYSTANDER.email, BYSTANDER.password, from(22));
    expect(other.cookie).not.toBeNull();
  });

  it('parallel wrong passwords cannot overtake the limit: of 20 at once, at most 10 reach the password check', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => rawSignIn(nr.baseURL, BYSTANDER.email, `parallel guess ${i}`, from(51))));
    const checked = results.filter((r) => r.status === 302 && r.location?.includes('code=credentials'));
    const refused = results.filter((r) => r.status === 429);
    expect(checked.length + refused.length, JSON.stringify(results.map((r) => [r.status, r.location]))).toBe(20);
    expect(checked.length).toBe(10);
    expect(refused).toHaveLength(10);
  });

  it('the sign-in form tells a rate-limited address to wait, even with the right password', async () => {
    // The browser connects from 127.0.0.1.
    for (let i = 1; i <= 10; i++) await rawSignIn(nr.baseURL, TARGET.email, `wrong from the browser's address ${i}`, from(1));
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    try {
      await signInWithForm(p, nr.baseURL, TARGET.email, TARGET.password);
      const alert = p.locator('form [role=alert]');
      await alert.waitFor({ timeout: 30_000 });
      expect((await alert.textContent())!.trim()).toBe(t('rateLimited'));
      expect(await hasSessionCookie(fresh)).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it('30 attempts from one address block that address for every account, but not other addresses', async () => {
    for (let i = 1; i <= 30; i++) {
      const attempt = await rawSignIn(nr.baseURL, `unknown-${i}@example.test`, 'guess', from(31));
      expect(attempt.status, `attempt ${i}`).toBe(302);
    }
    const blocked = await rawSignIn(nr.baseURL, BYSTANDER.email, BYSTANDER.password, from(31));
    expect(blocked.status).toBe(429);
    expect(blocked.cookie).toBeNull();
    const elsewhere = await rawSignIn(nr.baseURL, BYSTANDER.email, BYSTANDER.password, from(32));
    expect(elsewhere.cookie).not.toBeNull();
  });

  it('an X-Forwarded-For header sent by the client does not change the address that is counted', async () => {
    // Without TRUST_PROXY the server is its own edge: the client picks nothing about its address.
    for (let i = 1; i <= 30; i++) {
      const attempt = await rawSignIn(nr.baseURL, `spoof-${i}@example.test`, 'guess', { ...from(41), headers: { 'X-Forwarded-For': `198.51.100.${i}` } });
      expect(attempt.status, `attempt ${i}`).toBe(302);
    }
    const next = await rawSignIn(nr.baseURL, BYSTANDER.email, BYSTANDER.password, { ...from(41), headers: { 'X-Forwarded-For': '198.51.100.99' } });
    expect(next.status, 'the 31st attempt from 127.0.0.41 must be refused whatever X-Forwarded-For says').toBe(429);
    expect(next.cookie).toBeNull();
  });
});

describe('the anonymous sign-in endpoint keeps bodies small (issue 10, item 6)', () => {
  const endpoint = () => `${nr.baseURL}/api/auth/callback/credentials`;
  const form = 'application/x-www-form-urlencoded';

  it('refuses a declared body over 16 KB with 413 before reading it', async () => {
    const answer = await request(endpoint(), { method: 'POST', headers: { 'Content-Type': form }, body: `email=a%40b.test&password=${'x'.repeat(1024 * 1024)}` });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text())).toEqual({ error: 'The request body is larger than 16 KB.' });
  });

  it('stops reading a streamed body (no Content-Length) once it passes 16 KB', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8 * 1024 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(120));
      },
    });
    const res = await fetch(endpoint(), { method: 'POST', headers: { 'Content-Type': form }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
  });

  it('refuses anything but a form post with 415', async () => {
    const answer = await request(endpoint(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'a@b.test', password: 'x' }) });
    expect(answer.status).toBe(415);
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('finds no violation on the sign-in form, empty and showing an error', async () => {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    try {
      for (const scheme of ['light', 'dark'] as const) {
        await p.emulateMedia({ colorScheme: scheme });
        await p.goto(`${nr.baseURL}/admin/login`);
        let violations = await axeViolations(p);
        expect(violations, `${scheme}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
        await signInWithForm(p, nr.baseURL, TARGET_FOR_AXE, 'wrong password for axe');
        await p.locator('form [role=alert]').waitFor({ timeout: 30_000 });
        violations = await axeViolations(p);
        expect(violations, `${scheme}, with error: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      }
    } finally {
      await fresh.close();
    }
  });
});

const TARGET_FOR_AXE = 'axe-nobody@example.test';
