import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { createStaffUser } from '@/db/queries/admin/users';
import type { UserRole } from '@/db/schema';
import { adminT } from '@/domain/i18n/admin';
import { editorT } from '@/domain/i18n/admin-editor';
import { manageT } from '@/domain/i18n/admin-manage';
import { callAction, request } from './actions';
import { createTestDatabase, type TestDatabase } from './db';
import { startServer, tempDataDir, type RunningServer } from './server';

/** The demo publication is zh-CN and the admin follows the site's language. */
export const t = adminT('zh-CN');
export const et = editorT('zh-CN');
export const mt = manageT('zh-CN');

export const SESSION_COOKIE = 'authjs.session-token';

export interface StaffSpec {
  key: string;
  role: UserRole;
  name?: string;
  email?: string;
  password?: string;
  /** The site's owner (one per site). */
  owner?: boolean;
}

export interface StaffAccount {
  id: number;
  key: string;
  role: UserRole;
  name: string;
  email: string;
  password: string;
}

export { request };

export interface AdminServer {
  server: RunningServer;
  baseURL: string;
  dataDir: string;
  database?: TestDatabase;
  staff: Record<string, StaffAccount>;
  /** Stops the server and starts it again on the same data folder / database. */
  restart: () => Promise<void>;
  /** Stops the server, drops the database and removes the data folder. */
  dispose: () => Promise<void>;
  /** Direct database access; on PGlite only while the server is stopped. */
  withDb: <T>(fn: (db: Awaited<ReturnType<typeof openConnection>>['db']) => Promise<T>) => Promise<T>;
}

/**
 * A production server of its own on a fresh database: staff accounts are created in the database
 * before it starts (PGlite admits one process per folder), then the server seeds the demo
 * publication on its first start.
 */
export async function startAdmin(options: { staff?: StaffSpec[]; env?: Record<string, string>; prefix?: string } = {}): Promise<AdminServer> {
  const dataDir = tempDataDir(options.prefix ?? 'gazette-newsroom-');
  let database: TestDatabase | undefined;
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase({ migrate: false });
    await database.close();
  }
  const open = () => (database?.url ? openConnection({ url: database.url }) : openConnection({ dir: path.join(dataDir, 'pglite') }));
  const withDb: AdminServer['withDb'] = async (fn) => {
    const conn = await open();
    try {
      return await fn(conn.db);
    } finally {
      await conn.close();
    }
  };

  const staff: Record<string, StaffAccount> = {};
  if (options.staff?.length) {
    await withDb(async (db) => {
      await runMigrations(db, database ? 'postgres' : 'pglite');
      for (const spec of options.staff!) {
        const account = {
          key: spec.key,
          role: spec.role,
          name: spec.name ?? `E2E ${spec.key}`,
          email: spec.email ?? `e2e-${spec.key}@example.test`,
          password: spec.password ?? `pass phrase of ${spec.key}`,
        };
        const id = await createStaffUser(db, { ...account, isOwner: spec.owner ?? false });
        staff[spec.key] = { ...account, id };
      }
    });
  }

  const start = () => startServer({ dataDir, databaseUrl: database?.url, env: options.env });
  const newsroom: AdminServer = {
    server: await start(),
    baseURL: '',
    dataDir,
    database,
    staff,
    withDb,
    restart: async () => {
      await newsroom.server.stop();
      newsroom.server = await start();
      newsroom.baseURL = newsroom.server.baseURL;
    },
    dispose: async () => {
      await newsroom.server?.stop();
      await database?.drop().catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  newsroom.baseURL = newsroom.server.baseURL;
  return newsroom;
}

/** After a file's tests: closes its browser, then stops its newsroom (either may not have started). */
export async function closeAdmin(nr: AdminServer | undefined, browser?: Browser): Promise<void> {
  await browser?.close();
  await nr?.dispose();
}

// -------------------------------------------------------------------------------------------------
// Signing in through next-auth's own endpoint

export interface RawSignIn {
  status: number;
  location: string | null;
  /** `authjs.session-token=…` ready for a Cookie header, or null when no session was issued. */
  cookie: string | null;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface RequestVia {
  /** The local address the TCP connection comes from (127.0.0.x): a real, different client IP. */
  localAddress?: string;
  /** Extra headers, e.g. a spoofed X-Forwarded-For. */
  headers?: Record<string, string>;
}

function cookiePairs(setCookie: string[] | string | undefined): Map<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const out = new Map<string, string>();
  for (const line of list) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    out.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return out;
}

/** GET /api/auth/csrf, then POST /api/auth/callback/credentials: exactly what a script would do. */
export async function rawSignIn(baseURL: string, email: string, password: string, via: RequestVia = {}): Promise<RawSignIn> {
  const csrf = await request(`${baseURL}/api/auth/csrf`, { localAddress: via.localAddress, headers: via.headers });
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.text()) as { csrfToken: string };
  const csrfCookies = [...cookiePairs(csrf.headers['set-cookie'])].map(([k, v]) => `${k}=${v}`).join('; ');
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseURL}/admin` }).toString();
  const res = await request(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    localAddress: via.localAddress,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookies, ...via.headers },
    body,
  });
  const session = cookiePairs(res.headers['set-cookie']).get(SESSION_COOKIE);
  return {
    status: res.status,
    location: typeof res.headers.location === 'string' ? res.headers.location : null,
    cookie: session ? `${SESSION_COOKIE}=${session}` : null,
    body: res.text(),
    headers: res.headers,
  };
}

/** Signs in and returns the session cookie; throws when the server refuses. */
export async function sessionCookie(baseURL: string, email: string, password: string, via: RequestVia = {}): Promise<string> {
  const result = await rawSignIn(baseURL, email, password, via);
  if (!result.cookie) throw new Error(`Sign-in of ${email} refused: ${result.status} ${result.location ?? ''} ${result.body.slice(0, 200)}`);
  return result.cookie;
}

/** Signs in the staff member `key` of this newsroom over HTTP and returns their session cookie. */
export function staffCookie(nr: Pick<AdminServer, 'baseURL' | 'staff'>, key: string, via: RequestVia = {}): Promise<string> {
  const account = nr.staff[key];
  if (!account) throw new Error(`No staff member "${key}" in this newsroom.`);
  return sessionCookie(nr.baseURL, account.email, account.password, via);
}

/**
 * Calls defineAction-based Server Actions with this session: answers an action's data, and throws
 * with its answer when it refuses (for setting up what a test works on).
 */
export function actionsAs(baseURL: string, cookie: string) {
  return async function act<T>(name: string, args: unknown[]): Promise<T> {
    const result = await callAction<{ ok: boolean; data: T; error?: string }>(baseURL, name, args, { cookie });
    if (!result.value?.ok) throw new Error(`${name} failed: ${JSON.stringify(result.value ?? result.raw)}`);
    return result.value.data;
  };
}

/** The id of a section, as the article form's section menu lists it (read with this session). */
export async function sectionIdInAdmin(baseURL: string, cookie: string, title: string): Promise<number> {
  const list = await (await fetch(`${baseURL}/admin/articles`, { headers: { Cookie: cookie } })).text();
  const sectionId = Number(new RegExp(`<option value="(\\d+)">${title}</option>`).exec(list)?.[1]);
  expect(sectionId).toBeGreaterThan(0);
  return sectionId;
}

/** What /admin answers for this cookie: the dashboard (signed in) or a redirect to the sign-in form. */
export async function adminAccess(baseURL: string, cookie: string | null): Promise<'dashboard' | 'login' | `other ${number}`> {
  const res = await fetch(`${baseURL}/admin`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status >= 300 && res.status < 400 && location && new URL(location, baseURL).pathname === '/admin/login') return 'login';
  if (res.status === 200) {
    const html = await res.text();
    if (html.includes(`>${t('dashboard')}</h1>`)) return 'dashboard';
    // A redirect issued while streaming arrives as a 200 with a meta refresh / redirect marker.
    if (/\/admin\/login/.test(html) && /NEXT_REDIRECT|http-equiv="refresh"/.test(html)) return 'login';
  }
  return `other ${res.status}`;
}

// -------------------------------------------------------------------------------------------------
// Browser helpers

/** Puts a session cookie obtained over HTTP into a browser context. */
export async function addSession(context: BrowserContext, baseURL: string, cookie: string): Promise<void> {
  const [name, ...rest] = cookie.split('=');
  await context.addCookies([{ name: name!, value: rest.join('='), url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
}

/** A browser context signed in as the staff member `key` of this newsroom. */
export async function signedInContext(browser: Browser, nr: Pick<AdminServer, 'baseURL' | 'staff'>, key: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await addSession(context, nr.baseURL, await staffCookie(nr, key));
  return context;
}

/** Fills and submits the sign-in form. */
export async function signInWithForm(page: Page, baseURL: string, email: string, password: string): Promise<void> {
  // Always a fresh form: no alert left over from an earlier attempt.
  await page.goto(`${baseURL}/admin/login`);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: t('signIn'), exact: true }) });
  await form.getByLabel(t('email')).fill(email);
  await form.getByLabel(t('password')).fill(password);
  await form.getByRole('button', { name: t('signIn'), exact: true }).click();
}

export async function hasSessionCookie(context: BrowserContext): Promise<boolean> {
  return (await context.cookies()).some((c) => c.name === SESSION_COOKIE || c.name === `__Secure-${SESSION_COOKIE}`);
}

/**
 * GET as a reader, following redirects by hand: on a cache miss Next.js 16.4 repeats the (identical)
 * Location header of an ISR redirect, which fetch() would follow as one mangled URL.
 */
export async function readerGet(baseURL: string, path: string, init: RequestInit = {}): Promise<{ status: number; url: string; text: string; headers: Headers }> {
  let url = new URL(path, baseURL).href;
  for (let hop = 0; hop < 5; hop++) {
    const res = await fetch(url, { ...init, redirect: 'manual' });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.arrayBuffer();
      url = new URL(location.split(', ')[0]!, url).href;
      continue;
    }
    return { status: res.status, url, text: await res.text(), headers: res.headers };
  }
  throw new Error(`too many redirects from ${path}`);
}

/** A Tiptap document with one paragraph per argument. */
export function doc(...paragraphs: string[]) {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** Polls until `check` returns a truthy value (or throws with the last value seen). */
export async function eventually<T>(check: () => Promise<T>, { timeout = 30_000, interval = 500, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${String(last)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The editor's publish panel (opened by 立即发布 or 定时发布). */
export const publishPanel = (page: Page) => page.getByTestId('publish-dialog');

/** In an open editor: 立即发布, the panel's checklist passes, then the confirm step publishes. */
export async function publishInEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: et('publish'), exact: true }).click();
  const panel = publishPanel(page);
  await panel.getByRole('button', { name: et('publishNow'), exact: true }).click();
  await panel.getByRole('button', { name: et('confirmPublish'), exact: true }).click();
}
