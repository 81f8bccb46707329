import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '@/db/schema';
import { SITEMAP_PAGE_SIZE } from '@/domain/feeds/sitemap';
import { slugify } from '@/domain/slug';
import { actionsAs, closeAdmin, doc, readerGet, staffCookie, startAdmin, type AdminServer } from '../helpers/admin';
import { schemaErrors, XSD } from '../helpers/xsd';

/**
 * Issue 12 against the production build, over real HTTP: the admin API with personal tokens, and a
 * story published through it reaching every reader surface (its page, the feeds, the sitemap, the
 * Content API, its section) on the very next request: the API's writes expire the same cache tags
 * as the newsroom's screens.
 */

/** Low enough for a test to run past it; the story's own calls stay well under it. */
const TOKEN_LIMIT = 25;

let nr: AdminServer;
let editorCookie: string;
const secrets: Record<'editor' | 'contributor' | 'burst', string> = { editor: '', contributor: '', burst: '' };
let companyId: number;

type Answer = { status: number; headers: Headers; body: { data?: Record<string, unknown>; error?: { code: string; message: string; fields?: Record<string, string[]>; details?: Record<string, unknown> } } };

async function api(method: string, path: string, options: { token?: string; body?: unknown; cookie?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${nr.baseURL}/api/v1/admin${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

/** What a reader (or a crawler) gets at `path`, right now. */
async function read(path: string): Promise<{ status: number; text: string }> {
  const res = await readerGet(nr.baseURL, path);
  return { status: res.status, text: res.text };
}

const publicIds = async (query = '') => ((JSON.parse((await read(`/api/v1/articles?limit=50${query}`)).text) as { data: { id: number }[] }).data.map((a) => a.id));

beforeAll(async () => {
  nr = await startAdmin({
    prefix: 'gazette-api-admin-',
    staff: [
      { key: 'editor', role: 'editor' },
      { key: 'contributor', role: 'contributor' },
    ],
    env: { API_TOKEN_RATE_LIMIT: String(TOKEN_LIMIT) },
  });
  editorCookie = await staffCookie(nr, 'editor');
  // Tokens are made as a person makes them: the account page's action, with their session.
  const asEditor = actionsAs(nr.baseURL, editorCookie);
  const asContributor = actionsAs(nr.baseURL, await staffCookie(nr, 'contributor'));
  secrets.editor = (await asEditor<{ secret: string }>('createApiTokenAction', [{ name: 'e2e publisher', expiresInDays: null }])).secret;
  secrets.burst = (await asEditor<{ secret: string }>('createApiTokenAction', [{ name: 'e2e burst', expiresInDays: 1 }])).secret;
  secrets.contributor = (await asContributor<{ secret: string }>('createApiTokenAction', [{ name: 'e2e contributor', expiresInDays: null }])).secret;
  type Section = { id: number; slug: string; children: Section[] };
  const flat = (list: Section[]): Section[] => list.flatMap((s) => [s, ...flat(s.children)]);
  companyId = flat((JSON.parse((await read('/api/v1/sections')).text) as { data: Section[] }).data).find((s) => s.slug === 'company')!.id;
});

afterAll(async () => {
  await closeAdmin(nr);
});

describe('a story published through the admin API', () => {
  it('is on its page, in the feeds, the sitemap, the Content API and its section at once', async () => {
    const title = `API 发布的稿件 ${Date.now()}`;
    // Warm every reader cache first, so that "at once" proves expiry and not a cold read.
    for (const path of ['/feed.xml', '/feed.atom', '/feed.json', '/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemaps/news.xml', '/company', '/api/v1/articles?limit=50', '/api/v1/articles?limit=50&section=company']) await read(path);
    // The editor has no story yet: no author page, and that 404 is cached too.
    const authorPage = `/authors/${slugify(nr.staff.editor!.name, 'staff')}`;
    expect((await read(authorPage)).status).toBe(404);

    const created = await api('POST', '/articles', { token: secrets.editor, body: { title, sectionId: companyId, body: doc('Written by a program.', 'Second paragraph.') } });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { id, slug, version } = created.body.data as { id: number; slug: string; version: number };
    expect(created.body.data).toMatchObject({ status: 'draft', version: 1 });
    // A draft is nowhere public.
    expect((await read(`/api/v1/articles/${id}`)).status).toBe(404);

    const patched = await api('PATCH', `/articles/${id}`, { token: secrets.editor, body: { version, excerpt: 'A summary set through PATCH' } });
    expect(patched.status).toBe(200);
    const published = await api('POST', `/articles/${id}/publish`, { token: secrets.editor, body: { version: patched.body.data!.version as number } });
    expect(published.status).toBe(200);
    expect(published.body.data).toMatchObject({ id, status: 'published' });

    const page = await read(`/articles/${id}-${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(title);
    for (const feed of ['/feed.xml', '/feed.atom', '/feed.json']) {
      const answer = await read(feed);
      expect(answer.status, feed).toBe(200);
      expect(answer.text, feed).toContain(`/articles/${id}-${slug}`);
    }
    const index = (await read('/sitemap.xml')).text;
    const chunk = `/sitemaps/articles-${Math.ceil(id / SITEMAP_PAGE_SIZE)}.xml`;
    expect(index).toContain(chunk);
    expect((await read(chunk)).text).toContain(`/articles/${id}-${slug}</loc>`);
    const news = (await read('/sitemaps/news.xml')).text;
    expect(news).toContain(`/articles/${id}-${slug}</loc>`);
    expect(index).toContain('/sitemaps/news.xml');
    // The live news sitemap, with this story's <news:news>, is valid against both schemas.
    expect(schemaErrors(news, XSD.sitemapWithNews)).toEqual([]);
    expect(schemaErrors(index, XSD.siteindex)).toEqual([]);
    expect(await publicIds()).toContain(id);
    expect(await publicIds('&section=company')).toContain(id);
    const item = JSON.parse((await read(`/api/v1/articles/${id}`)).text) as { data: { title: string; excerpt: string } };
    expect(item.data).toMatchObject({ title, excerpt: 'A summary set through PATCH' });
    expect((await read('/company')).text).toContain(title);
    // Their first story makes the editor an author readers can open.
    expect((await read(authorPage)).status).toBe(200);

    // And a change to the live story is on the next read too (no stale cache on any of them).
    const live = await api('GET', `/articles/${id}`, { token: secrets.editor });
    const retitled = `${title}（更新）`;
    expect((await api('PATCH', `/articles/${id}`, { token: secrets.editor, body: { version: live.body.data!.version as number, title: retitled } })).status).toBe(200);
    expect((JSON.parse((await read(`/api/v1/articles/${id}`)).text) as { data: { title: string } }).data.title).toBe(retitled);
    expect((await read(`/articles/${id}-${slug}`)).text).toContain(retitled);
    expect((await read('/feed.json')).text).toContain(retitled);
    expect((await read('/company')).text).toContain(retitled);

    // Unpublished: gone from the API and the feed on the next read.
    expect((await api('POST', `/articles/${id}/unpublish`, { token: secrets.editor })).status).toBe(200);
    expect((await read(`/api/v1/articles/${id}`)).status).toBe(404);
    expect(await publicIds()).not.toContain(id);
    expect((await read('/feed.xml')).text).not.toContain(`/articles/${id}-`);
  });
});

describe('the Content API’s cache', () => {
  // Only PostgreSQL lets the test write beside a running server (PGlite admits one process).
  it.skipIf(!process.env.TEST_DATABASE_URL)('serves reads from the tagged cache: a write behind the DAL’s back (no tag expired) is not seen, the next admin API write is', async () => {
    const created = await api('POST', '/articles', { token: secrets.editor, body: { title: 'Cached story', sectionId: companyId, body: doc('Body.') } });
    const id = created.body.data!.id as number;
    expect((await api('POST', `/articles/${id}/publish`, { token: secrets.editor })).status).toBe(200);
    const item = async () => (JSON.parse((await read(`/api/v1/articles/${id}`)).text) as { data: { title: string; excerpt: string } }).data;
    expect((await item()).title).toBe('Cached story');

    await nr.withDb((db) => db.update(articles).set({ title: 'Changed behind the cache' }).where(eq(articles.id, id)));
    expect((await item()).title).toBe('Cached story');

    const version = (await api('GET', `/articles/${id}`, { token: secrets.editor })).body.data!.version as number;
    expect((await api('PATCH', `/articles/${id}`, { token: secrets.editor, body: { version, excerpt: 'Edited through the API' } })).status).toBe(200);
    expect(await item()).toMatchObject({ title: 'Changed behind the cache', excerpt: 'Edited through the API' });
  });
});

describe('the admin API refuses', () => {
  it('a request without a token, with a revoked one, and with a session cookie alone: 401 with WWW-Authenticate: Bearer', async () => {
    const none = await api('GET', '/articles');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(none.body.error!.code).toBe('unauthorized');

    // The newsroom's own session is not a credential here (no CSRF from a signed-in browser).
    const cookieOnly = await api('POST', '/articles', { cookie: editorCookie, body: { title: 'Through a cookie', sectionId: companyId, body: doc('x') } });
    expect(cookieOnly.status).toBe(401);
    expect(cookieOnly.headers.get('www-authenticate')).toMatch(/^Bearer\b/);

    const asEditor = actionsAs(nr.baseURL, editorCookie);
    const made = await asEditor<{ token: { id: number }; secret: string }>('createApiTokenAction', [{ name: 'soon revoked', expiresInDays: null }]);
    expect((await api('GET', '/articles', { token: made.secret })).status).toBe(200);
    await asEditor('revokeApiTokenAction', [{ id: made.token.id }]);
    const revoked = await api('GET', '/articles', { token: made.secret });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(revoked.body.error!.code).toBe('unauthorized');
  });

  it('a contributor publishing: 403, and the story stays a draft and unpublished', async () => {
    const created = await api('POST', '/articles', { token: secrets.contributor, body: { title: `Contributor draft ${Date.now()}`, sectionId: companyId, body: doc('Mine.') } });
    expect(created.status).toBe(201);
    const id = created.body.data!.id as number;
    const publish = await api('POST', `/articles/${id}/publish`, { token: secrets.contributor });
    expect(publish.status).toBe(403);
    expect(publish.body.error!.code).toBe('forbidden');
    const after = await api('GET', `/articles/${id}`, { token: secrets.contributor });
    expect(after.body.data).toMatchObject({ status: 'draft', version: created.body.data!.version });
    expect((await read(`/api/v1/articles/${id}`)).status).toBe(404);
  });

  it('a change based on a stale version: 409 with the current version, and nothing written', async () => {
    const created = await api('POST', '/articles', { token: secrets.editor, body: { title: 'Two writers', sectionId: companyId, body: doc('One.') } });
    const id = created.body.data!.id as number;
    const first = await api('PATCH', `/articles/${id}`, { token: secrets.editor, body: { version: 1, subtitle: 'First writer' } });
    expect(first.status).toBe(200);
    const stale = await api('PATCH', `/articles/${id}`, { token: secrets.editor, body: { version: 1, subtitle: 'Second writer' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error!.code).toBe('conflict');
    expect(stale.body.error!.details).toMatchObject({ currentVersion: first.body.data!.version });
    const now = await api('GET', `/articles/${id}`, { token: secrets.editor });
    expect((now.body.data as { values: { subtitle: string } }).values.subtitle).toBe('First writer');
  });

  it('bad input: 422 naming each field at fault (never 500), 400 for a body that is not JSON', async () => {
    const bad = await api('POST', '/articles', { token: secrets.editor, body: { title: '', sectionId: 'not a number', body: doc('x') } });
    expect(bad.status).toBe(422);
    expect(bad.body.error!.code).toBe('invalid_input');
    expect(Object.keys(bad.body.error!.fields!)).toEqual(expect.arrayContaining(['title', 'sectionId']));
    const noVersion = await api('PATCH', '/articles/1', { token: secrets.editor, body: { title: 'x' } });
    expect(noVersion.status).toBe(422);
    expect(Object.keys(noVersion.body.error!.fields!)).toEqual(['version']);
    const notJson = await fetch(`${nr.baseURL}/api/v1/admin/articles`, { method: 'POST', headers: { Authorization: `Bearer ${secrets.editor}`, 'Content-Type': 'application/json' }, body: '{"title":' });
    expect(notJson.status).toBe(400);
  });

  it(`past API_TOKEN_RATE_LIMIT (${TOKEN_LIMIT}) requests a minute with one token: 429 with Retry-After; other tokens go on`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < TOKEN_LIMIT; i++) statuses.push((await api('GET', '/articles', { token: secrets.burst })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const over = await api('GET', '/articles', { token: secrets.burst });
    expect(over.status).toBe(429);
    expect(over.body.error!.code).toBe('rate_limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api('GET', '/articles', { token: secrets.contributor })).status).toBe(200);
  });
});
