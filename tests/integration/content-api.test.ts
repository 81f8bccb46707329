import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getArticleRoute } from '@/app/api/v1/articles/[id]/route';
import { GET as listArticlesRoute } from '@/app/api/v1/articles/route';
import { GET as openApiRoute } from '@/app/api/v1/openapi.json/route';
import { GET as sectionsRoute } from '@/app/api/v1/sections/route';
import { GET as tagsRoute, OPTIONS as tagsPreflight } from '@/app/api/v1/tags/route';
import { GET as authorsRoute } from '@/app/api/v1/authors/route';
import { GET as authorRoute } from '@/app/api/v1/authors/[slug]/route';
import { GET as pagesRoute } from '@/app/api/v1/pages/route';
import { GET as pageRoute } from '@/app/api/v1/pages/[slug]/route';
import { GET as siteRoute } from '@/app/api/v1/site/route';
import { resetConfig } from '@/domain/config.mjs';
import { resetRateLimits } from '@/services/rate-limit';
import { markServerEntry, PEER_HEADER } from '@/services/server-bridge.mjs';
import { articleAuthors, articles, articleTags, pages, sections, tags, users, type ArticleStatus } from '@/db/schema';
import { seedDemo } from '@/services/seed';
import { articleIsVisible } from '@/db/queries/visibility';
import { articleListResponse, articleResponse, authorResponse, authorsResponse, errorResponse, pageResponse, pagesResponse, sectionsResponse, siteResponse, tagsResponse } from '@/domain/api/v1/schemas';
import { createTestDatabase, installTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { createStaff, type Staff } from './admin-helpers';

/**
 * The public Content API (/api/v1, issue 12), its route handlers called as Next calls them, on the
 * demo content plus stories in every state a reader must never see.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BASE = 'http://localhost/api/v1';

let tdb: TestDatabase;
let staff: Staff;
const ids: Record<string, number> = {};
const sectionIds: Record<string, number> = {};
const tagIds: Record<string, number> = {};

const list = (query = '', headers: Record<string, string> = {}) => listArticlesRoute(new Request(`${BASE}/articles${query}`, { headers }));
const one = (id: string | number, query = '', headers: Record<string, string> = {}) =>
  getArticleRoute(new Request(`${BASE}/articles/${id}${query}`, { headers }), { params: Promise.resolve({ id: String(id) }) });

async function listJson(query: string) {
  const res = await list(query);
  expect(res.status, await res.clone().text()).toBe(200);
  return articleListResponse.parse(await res.json());
}

/** Every id of a list, following next_cursor page by page. */
async function walk(query: string, limit: number): Promise<{ ids: number[]; pages: number }> {
  const seen: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = query ? '&' : '';
    const page = await listJson(`?${query}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.data.length).toBeLessThanOrEqual(limit);
    seen.push(...page.data.map((a) => a.id));
    cursor = page.next_cursor;
    pages++;
  } while (cursor && pages < 500);
  return { ids: seen, pages };
}

/** What the list must be: every visible story, newest first, ties by id, straight from the table. */
async function expectedIds(where?: SQL): Promise<number[]> {
  const rows = await tdb.db.select({ id: articles.id }).from(articles).where(and(articleIsVisible, where)).orderBy(desc(articles.publishedAt), desc(articles.id));
  return rows.map((r) => r.id);
}

async function expectError(res: Response, status: number, code: string, mentions: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = errorResponse.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message).toContain(mentions);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  installTestDatabase(tdb);
  await seedDemo(tdb.db);
  staff = await createStaff(tdb.db, 'api');

  for (const [slug, parent] of [['api-news', null], ['api-sub', 'api-news'], ['api-other', null]] as const) {
    const [row] = await tdb.db.insert(sections).values({ slug, title: slug, parentId: parent ? sectionIds[parent]! : null, sortOrder: 50 }).returning({ id: sections.id });
    sectionIds[slug] = row!.id;
  }
  for (const slug of ['api-tag', 'api-tag2']) {
    const [row] = await tdb.db.insert(tags).values({ slug, name: slug, description: `About ${slug}` }).returning({ id: tags.id });
    tagIds[slug] = row!.id;
  }
  await tdb.db.update(users).set({ slug: 'api-writer' }).where(eq(users.id, staff.author.id));

  const now = Date.now();
  const add = async (key: string, f: { section: string; at: Date | null; status?: ArticleStatus; deleted?: boolean; tags?: string[]; author?: boolean }) => {
    const [row] = await tdb.db
      .insert(articles)
      .values({
        slug: `api-${key.toLowerCase()}`,
        title: `API ${key}`,
        bodyJson: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: key }] }] },
        bodyHtml: `<p>${key}</p>`,
        sectionId: sectionIds[f.section]!,
        status: f.status ?? 'published',
        publishedAt: f.at,
        deletedAt: f.deleted ? new Date(now - HOUR) : null,
        pinned: true,
        featured: true,
      })
      .returning({ id: articles.id });
    ids[key] = row!.id;
    if (f.tags) await tdb.db.insert(articleTags).values(f.tags.map((t, i) => ({ articleId: row!.id, tagId: tagIds[t]!, sortOrder: i })));
    if (f.author) await tdb.db.insert(articleAuthors).values({ articleId: row!.id, userId: staff.author.id });
  };
  const bait = { tags: ['api-tag'], author: true };
  await add('visible', { section: 'api-news', at: new Date(now - 2 * DAY), tags: ['api-tag', 'api-tag2'], author: true });
  await add('sub', { section: 'api-sub', at: new Date(now - 3 * DAY), tags: ['api-tag'] });
  await add('other', { section: 'api-other', at: new Date(now - 4 * DAY), author: true });
  await add('pastScheduled', { section: 'api-news', at: new Date(now - 5 * DAY), status: 'scheduled', ...bait });
  await add('draft', { section: 'api-news', at: new Date(now - DAY), status: 'draft', ...bait });
  await add('inReview', { section: 'api-news', at: new Date(now - DAY), status: 'in_review', ...bait });
  await add('archived', { section: 'api-news', at: new Date(now - DAY), status: 'archived', ...bait });
  await add('futureScheduled', { section: 'api-news', at: new Date(now + DAY), status: 'scheduled', ...bait });
  await add('futurePublished', { section: 'api-news', at: new Date(now + HOUR), ...bait });
  await add('trashed', { section: 'api-news', at: new Date(now - DAY), deleted: true, ...bait });
  await add('noDate', { section: 'api-news', at: null, ...bait });
  // Seven stories at one instant (microseconds and all), two of them invisible: ties break by id.
  const tie = new Date(now - 6 * DAY);
  for (let i = 0; i < 7; i++) await add(`tie${i}`, { section: i % 2 ? 'api-sub' : 'api-news', at: tie, tags: ['api-tag'], author: true, ...(i === 3 ? { status: 'draft' as const } : i === 5 ? { deleted: true } : {}) });
  await tdb.db.update(articles).set({ publishedAt: sql`${articles.publishedAt} + interval '123 microseconds'` }).where(eq(articles.publishedAt, tie));
});

afterAll(() => tdb?.drop());

const hidden = ['draft', 'inReview', 'archived', 'futureScheduled', 'futurePublished', 'trashed', 'noDate', 'tie3', 'tie5'];

describe(`the Content API on ${testDatabaseKind}`, () => {
  it('walks the whole list by cursor without duplicates or gaps, ties included, and never lists a hidden story', async () => {
    const expected = await expectedIds();
    expect(expected.length).toBeGreaterThan(20);
    for (const limit of [1, 3, 20, 50]) {
      const { ids: seen, pages } = await walk('', limit);
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / limit));
    }
    const everything = (await walk('', 50)).ids;
    for (const key of hidden) expect(everything).not.toContain(ids[key]);
    expect(everything).toContain(ids.pastScheduled);
    const tieIds = [0, 1, 2, 4, 6].map((i) => ids[`tie${i}`]!).sort((a, b) => b - a);
    const at = everything.indexOf(tieIds[0]!);
    expect(everything.slice(at, at + 5)).toEqual(tieIds);
  });

  it('answers 404 for a hidden story by id, and the story with its HTML and JSON body for a visible one', async () => {
    for (const key of hidden) await expectError(await one(ids[key]!), 404, 'not_found', String(ids[key]));
    await expectError(await one(999_999), 404, 'not_found', '999999');
    const res = await one(ids.visible!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await res.text();
    const { data } = articleResponse.parse(JSON.parse(text));
    expect(data).toMatchObject({ id: ids.visible, title: 'API visible', body_html: '<p>visible</p>', section_id: sectionIds['api-news'] });
    expect(data.body_json).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'visible' }] }] });
    expect(data.authors).toEqual([{ id: staff.author.id, slug: 'api-writer', name: 'api author', url: 'http://localhost:3000/authors/api-writer' }]);
    expect(data.tags.map((t) => t.slug)).toEqual(['api-tag', 'api-tag2']);
    expect(text).not.toContain('@example.test'); // no staff email, ever
    expect(await (await one(ids.pastScheduled!)).json()).toMatchObject({ data: { id: ids.pastScheduled } });
  });

  it('finds a story by its slug as by its id; a hidden story’s slug is 404 like its id', async () => {
    expect(await (await one('api-visible')).json()).toMatchObject({ data: { id: ids.visible, title: 'API visible' } });
    await expectError(await one('api-draft'), 404, 'not_found', 'api-draft');
    await expectError(await one('no-such-story'), 404, 'not_found', 'no-such-story');
    await expectError(await one('Not_A_Slug!'), 400, 'invalid_parameter', 'id');
  });

  it('searches the stories readers can see, newest first, paged by cursor like any list', async () => {
    const fixtures = new Set(Object.entries(ids).filter(([key]) => !hidden.includes(key)).map(([, id]) => id));
    // Every visible fixture (their titles say API; a demo story may too), in list order, no hidden one.
    const found = (await walk('search=API', 2)).ids;
    expect(found).toEqual((await expectedIds()).filter((id) => found.includes(id)));
    for (const id of fixtures) expect(found).toContain(id);
    for (const key of hidden) expect(found).not.toContain(ids[key]);
    const visible = (await listJson('?search=visible')).data.map((a) => a.id);
    expect(visible).toContain(ids.visible);
    expect(visible).not.toContain(ids.sub);
    // A hidden story's words find nothing.
    expect((await listJson('?search=inReview')).data).toEqual([]);
    expect((await listJson(`?search=API&section=api-other`)).data.map((a) => a.id)).toEqual([ids.other]);
    await expectError(await list('?search='), 400, 'invalid_parameter', 'search');
  });

  it('filters by section (with its subsections), tag, author and publish time; an unknown slug is 404', async () => {
    const visibleIn = async (query: string) => (await walk(query, 4)).ids;
    const tied = [ids.tie6, ids.tie4, ids.tie2, ids.tie1, ids.tie0];
    expect(await visibleIn('section=api-news')).toEqual([ids.visible, ids.sub, ids.pastScheduled, ...tied]);
    expect(await visibleIn('section=api-sub')).toEqual([ids.sub, ids.tie1]);
    expect(await visibleIn('tag=api-tag')).toEqual([ids.visible, ids.sub, ids.pastScheduled, ...tied]);
    expect(await visibleIn('tag=api-tag2')).toEqual([ids.visible]);
    expect(await visibleIn('author=api-writer')).toEqual([ids.visible, ids.other, ids.pastScheduled, ...tied]);
    expect(await visibleIn('author=api-writer&tag=api-tag&section=api-sub')).toEqual([ids.tie1]);
    expect(await visibleIn('tag=api-tag&section=api-other')).toEqual([]);
    expect(await visibleIn('author=api-writer&section=api-other')).toEqual([ids.other]);
    const now = Date.now();
    const window = `published_after=${new Date(now - 4.5 * DAY).toISOString()}&published_before=${new Date(now - 2.5 * DAY).toISOString()}`;
    expect(await visibleIn(window)).toEqual([ids.sub, ids.other]);
    expect(await visibleIn(`published_before=${new Date(now - 5.5 * DAY).toISOString().slice(0, 10)}`)).toEqual(
      (await expectedIds(lt(articles.publishedAt, new Date(`${new Date(now - 5.5 * DAY).toISOString().slice(0, 10)}T00:00:00Z`)))),
    );
    expect(await visibleIn(`tag=api-tag&${window}`)).toEqual([ids.sub]);
    await expectError(await list('?section=no-such-section'), 404, 'not_found', 'no-such-section');
    await expectError(await list('?tag=no-such-tag'), 404, 'not_found', 'no-such-tag');
    // A staff member credited on no visible story is not an author to readers.
    await tdb.db.update(users).set({ slug: 'api-editor' }).where(eq(users.id, staff.editor.id));
    await expectError(await list('?author=api-editor'), 404, 'not_found', 'api-editor');
  });

  it('returns only the fields asked for (and id)', async () => {
    const page = await listJson('?fields=title,published_at&limit=2');
    for (const item of page.data) expect(Object.keys(item).sort()).toEqual(['id', 'published_at', 'title']);
    const full = await listJson('?limit=1');
    expect(Object.keys(full.data[0]!).sort()).toEqual(
      ['byline', 'cover_image_alt', 'cover_image_url', 'excerpt', 'featured', 'id', 'locale', 'pinned', 'published_at', 'section_id', 'slug', 'title', 'url', 'view_count'].sort(),
    );
  });

  it('answers 400 with the error format naming the bad parameter', async () => {
    const cases: [string, string][] = [
      ['?limit=0', 'limit'],
      ['?limit=51', 'limit'],
      ['?limit=ten', 'limit'],
      ['?limit=1&limit=2', 'limit'],
      ['?fields=title,email', 'fields'],
      ['?fields=', 'fields'],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['?cursor=%27%3B%20drop%20table', 'cursor'],
      ['?published_after=yesterday', 'published_after'],
      ['?published_before=2026-13-01', 'published_before'],
      ['?section=Not%20A%20Slug', 'section'],
      ['?status=draft', 'status'],
    ];
    for (const [query, name] of cases) await expectError(await list(query), 400, 'invalid_parameter', name);
    await expectError(await one('Not A Slug'), 400, 'invalid_parameter', 'id');
    await expectError(await one('99999999999'), 400, 'invalid_parameter', 'id');
    await expectError(await one(ids.visible!, '?preview=1'), 400, 'invalid_parameter', 'preview');
    await expectError(await sectionsRoute(new Request(`${BASE}/sections?x=1`)), 400, 'invalid_parameter', 'x');
  });

  it('sends the cache headers and a weak ETag, and 304 when If-None-Match matches', async () => {
    for (const res of [await list('?limit=5'), await one(ids.visible!), await sectionsRoute(new Request(`${BASE}/sections`)), await tagsRoute(new Request(`${BASE}/tags`))]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600');
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
    }
    const first = await list('?limit=5');
    const etag = first.headers.get('etag')!;
    const again = await list('?limit=5', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await list('?limit=5', { 'If-None-Match': `"other", ${etag.slice(2)}` })).status).toBe(304);
    expect((await list('?limit=6', { 'If-None-Match': etag })).status).toBe(200);
    const article = await one(ids.visible!);
    expect((await one(ids.visible!, '', { 'If-None-Match': article.headers.get('etag')! })).status).toBe(304);
  });

  it('lists the section tree and the tags', async () => {
    const tree = sectionsResponse.parse(await (await sectionsRoute(new Request(`${BASE}/sections`))).json()).data;
    const news = tree.find((s) => s.slug === 'api-news')!;
    expect(news.children.map((c) => c.slug)).toEqual(['api-sub']);
    expect(tree.some((s) => s.slug === 'api-sub')).toBe(false);
    const tagList = tagsResponse.parse(await (await tagsRoute(new Request(`${BASE}/tags`))).json()).data;
    expect(tagList.map((t) => t.slug)).toContain('api-tag');
    expect(tagList.map((t) => t.slug)).toEqual([...tagList.map((t) => t.slug)].sort());
  });

  it('publishes an OpenAPI 3.1 document listing every path and parameter', async () => {
    const res = await openApiRoute(new Request(`${BASE}/openapi.json`));
    expect(res.status).toBe(200);
    const doc = JSON.parse(await res.text()) as { openapi: string; paths: Record<string, { get: { parameters?: { name: string }[] } }>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    // The admin (write) API is in the same document since the merge of API tokens (issue 12).
    const admin = ['/admin/articles', '/admin/articles/{id}', '/admin/articles/{id}/{transition}', '/admin/media'];
    expect(Object.keys(doc.paths).sort()).toEqual([...admin, '/articles', '/articles/{id}', '/authors', '/authors/{slug}', '/openapi.json', '/pages', '/pages/{slug}', '/sections', '/site', '/tags']);
    expect(doc.paths['/articles']!.get.parameters!.map((p) => p.name).sort()).toEqual(['author', 'cursor', 'fields', 'limit', 'published_after', 'published_before', 'search', 'section', 'tag']);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Article', 'ArticleList', 'ArticleListItem', 'Section', 'SectionTree', 'Tag', 'TagList', 'Error']));
    // Every $ref points into the document.
    for (const ref of JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []) {
      const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1];
      expect(name && name in doc.components.schemas, ref).toBe(true);
    }
  });

  it('gives every story, section, tag and author its absolute canonical URL on the site', async () => {
    const story = articleResponse.parse(await (await one(ids.visible!)).json()).data;
    expect(story.url).toBe(`http://localhost:3000/articles/${ids.visible}-api-visible`);
    expect(story.tags.map((t) => t.url)).toContain('http://localhost:3000/tags/api-tag');
    expect(story.authors.map((a) => a.url)).toEqual(['http://localhost:3000/authors/api-writer']);
    const tree = sectionsResponse.parse(await (await sectionsRoute(new Request(`${BASE}/sections`))).json()).data;
    expect(tree.find((s) => s.slug === 'api-news')!.children[0]!.url).toBe('http://localhost:3000/api-sub');
  });

  it('lists only authors credited on a visible story; anyone else is 404', async () => {
    const authors = authorsResponse.parse(await (await authorsRoute(new Request(`${BASE}/authors`))).json()).data;
    expect(authors.map((a) => a.slug)).toContain('api-writer');
    expect(authors.map((a) => a.slug)).toEqual([...authors.map((a) => a.slug)].sort());
    // An editor with an account but no credited story is not an author to readers.
    await tdb.db.update(users).set({ slug: 'api-uncredited' }).where(eq(users.id, staff.editor.id));
    expect(authors.map((a) => a.slug)).not.toContain('api-uncredited');
    const author = (slug: string) => authorRoute(new Request(`${BASE}/authors/${slug}`), { params: Promise.resolve({ slug }) });
    expect(authorResponse.parse(await (await author('api-writer')).json()).data).toMatchObject({ slug: 'api-writer', name: expect.any(String), bio: expect.any(String) });
    await expectError(await author('api-uncredited'), 404, 'not_found', 'api-uncredited');
    await expectError(await author('Bad_Slug'), 400, 'invalid_parameter', 'slug');
  });

  it('lists published pages and serves one by slug; a draft page is 404', async () => {
    await tdb.db.insert(pages).values([
      { slug: 'api-about', title: 'About the API', bodyJson: { type: 'doc', content: [] }, bodyHtml: '<p>About</p>', status: 'published', sortOrder: 1 },
      { slug: 'api-draft-page', title: 'Not yet', bodyJson: { type: 'doc', content: [] }, bodyHtml: '<p>Draft</p>', status: 'draft', sortOrder: 2 },
    ]);
    const list = pagesResponse.parse(await (await pagesRoute(new Request(`${BASE}/pages`))).json()).data;
    expect(list.map((p) => p.slug)).toContain('api-about');
    expect(list.map((p) => p.slug)).not.toContain('api-draft-page');
    const page = (slug: string) => pageRoute(new Request(`${BASE}/pages/${slug}`), { params: Promise.resolve({ slug }) });
    expect(pageResponse.parse(await (await page('api-about')).json()).data).toMatchObject({ title: 'About the API', body_html: '<p>About</p>', url: 'http://localhost:3000/api-about' });
    await expectError(await page('api-draft-page'), 404, 'not_found', 'api-draft-page');
  });

  it('serves the site\'s public settings and nothing else', async () => {
    const res = await siteRoute(new Request(`${BASE}/site`));
    const text = await res.clone().text();
    const site = siteResponse.parse(await res.json()).data;
    expect(site).toMatchObject({ url: 'http://localhost:3000', locale: expect.stringMatching(/^(zh-CN|en)$/), time_zone: expect.any(String) });
    expect(site.nav.every((item) => /^https?:\/\//.test(item.url))).toBe(true);
    expect(text).not.toMatch(/reprint|password|secret/i);
  });

  it('lets any origin read it: CORS headers on answers and a preflight for GET', async () => {
    const res = await tagsRoute(new Request(`${BASE}/tags`, { headers: { Origin: 'https://partner.example' } }));
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    const preflight = await tagsPreflight();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('If-None-Match');
  });

  it('answers 429 with Retry-After past API_RATE_LIMIT requests an address makes in a minute, and counts addresses apart', async () => {
    const saved = process.env.API_RATE_LIMIT;
    process.env.API_RATE_LIMIT = '3';
    resetConfig();
    markServerEntry(); // the peer address comes from the server entry's private header, as in production
    try {
      const from = (ip: string) => tagsRoute(new Request(`${BASE}/tags`, { headers: { [PEER_HEADER]: ip } }));
      for (let i = 0; i < 3; i++) expect((await from('198.51.100.7')).status).toBe(200);
      const refused = await from('198.51.100.7');
      await expectError(refused, 429, 'rate_limited', 'try again');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
      expect((await from('198.51.100.8')).status).toBe(200);
    } finally {
      if (saved === undefined) delete process.env.API_RATE_LIMIT;
      else process.env.API_RATE_LIMIT = saved;
      resetConfig();
      await resetRateLimits();
    }
  });
});
