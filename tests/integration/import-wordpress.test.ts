import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { getRedirect } from '@/db/queries/public';
import { articleAuthors, articles, articleTags, importSources, media, pages, redirects, sections, tags, users } from '@/db/schema';
import { WxrError } from '@/domain/import/wordpress/wxr-types';
import { articlePath } from '@/domain/urls';
import { normalizeRedirectFrom } from '@/domain/validation/redirect';
import { importWordPress, type WordPressImportOptions } from '@/services/import/wordpress';
import { resetMediaStorage } from '@/services/media/storage';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { rows } from '../fixtures/database';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-import-'));
process.env.DATA_DIR = tmp;
process.env.MEDIA_STORAGE = 'local';
resetMediaStorage();

/** The old site: metro.png answers, anything else is a 404. */
const requests: string[] = [];
let origin = '';
let server: http.Server;
const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#36c' } }).png().toBuffer();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/wp-content/uploads/2024/03/metro.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(tmp, { recursive: true, force: true });
});

const fixture = () => fs.readFileSync(path.join(__dirname, '../fixtures/wordpress/site.xml'), 'utf8').replaceAll('__ORIGIN__', origin);
/** The file as the CLI reads it: a stream of byte chunks (small ones, to cross every boundary). */
const source = (text: string) => async function* () {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
};
const options = (extra: Partial<WordPressImportOptions> = {}): WordPressImportOptions => ({ fetchMedia: true, media: { allowHosts: ['127.0.0.1'] }, ...extra });

async function snapshot(db: Database) {
  return {
    articles: await rows(db, sql`select id, slug, title, status, published_at, version, view_count, cover_media_id, body_html from articles order by id`),
    links: await rows(db, sql`select article_id, tag_id from article_tags order by 1, 2`),
    sections: await rows(db, sql`select id, slug, title, parent_id from sections order by id`),
    tags: await rows(db, sql`select id, slug, name from tags order by id`),
    users: await rows(db, sql`select id, email, name from users order by id`),
    pages: await rows(db, sql`select id, slug, version from pages order by id`),
    redirects: await rows(db, sql`select from_path, to_path from redirects order by id`),
    media: await rows(db, sql`select id, storage_key from media order by id`),
    revisions: await rows(db, sql`select count(*)::int as n from article_revisions`),
  };
}

describe(`WordPress import on ${testDatabaseKind}`, () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = tdb.db;
  });
  afterAll(() => tdb?.drop());

  const story = async (title: string) => (await db.select().from(articles).where(eq(articles.title, title)))[0]!;

  it('imports a realistic export: counts per kind, with the skipped ones and why', async () => {
    const report = await importWordPress(db, source(fixture()), options());
    expect(report.kinds.author).toMatchObject({ imported: 2, skipped: 0 });
    expect(report.kinds.category).toMatchObject({ imported: 5, skipped: 0 });
    expect(report.kinds.tag).toMatchObject({ imported: 2, skipped: 0 });
    expect(report.kinds.post).toMatchObject({ imported: 8, updated: 0, skipped: 1, skippedList: [{ id: '108', text: 'in the WordPress trash' }] });
    expect(report.kinds.page).toMatchObject({ imported: 1 });
    expect(report.kinds.attachment).toMatchObject({ imported: 1, skipped: 1, skippedList: [{ id: '202', text: 'not fetched: the old site answered HTTP 404' }] });
    expect(report.kinds.other.skippedList).toEqual([{ id: '110', text: 'WordPress nav_menu_items are not imported' }]);
    expect(report.media.fetched).toBe(1);
    expect(report.media.failed).toEqual([{ url: `${origin}/wp-content/uploads/2024/03/missing.png`, reason: 'the old site answered HTTP 404', sourceIds: ['102', '202'] }]);
    expect(report.approvedComments).toBe(2);
  });

  it('maps statuses and UTC dates; a password-protected or private post is never public; the trash stays out', async () => {
    const byTitle = Object.fromEntries((await db.select().from(articles)).map((a) => [a.title, a]));
    expect(byTitle['城市地铁新线开通']).toMatchObject({ status: 'published', publishedAt: new Date('2024-03-15T02:30:00Z'), pinned: true, viewCount: 1234, locale: 'zh-CN', slug: 'di-tie-xin-xian', excerpt: '地铁三号线开通' });
    expect(byTitle['草稿：未完成']).toMatchObject({ status: 'draft', publishedAt: null });
    expect(byTitle['Pending story']).toMatchObject({ status: 'in_review', publishedAt: null });
    expect(byTitle['Future story']).toMatchObject({ status: 'scheduled', publishedAt: new Date('2030-01-01T02:00:00Z') });
    expect(byTitle['Private memo']).toMatchObject({ status: 'archived' });
    expect(byTitle['Members only']).toMatchObject({ status: 'draft', publishedAt: null });
    expect(byTitle['Binned']).toBeUndefined();
    expect(byTitle['City council approves budget']).toMatchObject({ subtitle: 'Spending rises 4%', source: 'City Hall', locale: 'en', pinned: false });
    const [page] = await db.select().from(pages);
    expect(page).toMatchObject({ title: '关于我们', slug: 'about-us', status: 'published', publishedAt: new Date('2020-01-01T00:00:00Z') });
  });

  it('cleans bodies like editor input: no script, handler or javascript: link; [caption] as a figure; no shortcodes or block comments', async () => {
    const metro = await story('城市地铁新线开通');
    expect(metro.bodyHtml).toMatch(/^<p>地铁三号线今天上午正式开通。<br \/>首班车早上六点发车。<\/p><figure><picture>.*<img src="\/media\/[^"]+" [^>]*alt="新线列车"[^>]*><\/picture><figcaption>新线列车驶入车站<\/figcaption><\/figure><p>市民表示欢迎。<\/p>$/);
    expect(metro.bodyHtml).not.toMatch(/gallery|caption\]|more/);
    const council = await story('City council approves budget');
    expect(council.bodyHtml).not.toMatch(/script|onerror|onclick|javascript|wp:/);
    expect(council.bodyHtml).toContain('<a href="http://127.0.0.1');
    expect(council.bodyHtml).toContain('the minutes');
    // The image the old site could not serve stays a link to it, and is listed in the report.
    expect(council.bodyHtml).toContain(`src="${origin}/wp-content/uploads/2024/03/missing.png"`);
    expect(council).toMatchObject({ coverMediaId: null, coverImageUrl: `${origin}/wp-content/uploads/2024/03/missing.png` });
    expect(metro.coverMediaId).toEqual(expect.any(Number));
    const [cover] = await db.select().from(media).where(eq(media.id, metro.coverMediaId!));
    expect(cover).toMatchObject({ status: 'ready', mimeType: 'image/png', width: 64, height: 48, alt: '新线列车' });
    // The relative image of #111 and its resized copy (metro-300x225.png) are the same file: fetched once, used thrice.
    const algorithms = (await story('评论：算法与新闻')).bodyHtml;
    expect(algorithms.split(`/media/${cover!.storageKey}/original`).length - 1).toBe(2);
    expect(algorithms).not.toContain('300x225');
    expect(requests.filter((r) => r.includes('metro')).length).toBe(1);
  });

  it('keeps the category tree, a tag and a category sharing a slug, and authors as disabled accounts', async () => {
    const all = await db.select().from(sections).orderBy(asc(sections.id));
    const bySlug = Object.fromEntries(all.map((s) => [s.slug, s]));
    expect(Object.keys(bySlug).sort()).toEqual(['china-news', 'news', 'ping-lun', 'tech', 'world']);
    expect(bySlug['china-news']!.parentId).toBe(bySlug.news!.id);
    expect(bySlug.world!.parentId).toBe(bySlug.news!.id);
    expect((await db.select({ slug: tags.slug }).from(tags).orderBy(asc(tags.slug))).map((t) => t.slug)).toEqual(['economy', 'tech']);
    const metro = await story('城市地铁新线开通');
    expect(metro.sectionId).toBe(bySlug['china-news']!.id);
    expect((await story('评论：算法与新闻')).sectionId).toBe(bySlug['ping-lun']!.id);
    const council = await story('City council approves budget');
    expect((await db.select({ tagId: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, council.id))).length).toBe(2);
    const staff = await db.select().from(users).orderBy(asc(users.id));
    expect(staff.map((u) => [u.email, u.name, u.role, u.passwordHash, u.disabledAt !== null])).toEqual([
      ['wang@old.example.test', '王编辑', 'author', null, true],
      ['wp-jsmith@import.invalid', 'John Smith', 'author', null, true],
    ]);
    const [credit] = await db.select().from(articleAuthors).where(eq(articleAuthors.articleId, council.id));
    expect(credit!.userId).toBe(staff[1]!.id);
  });

  it('answers old permalinks, old slugs (percent-encoded Chinese too), category and tag paths with 301s', async () => {
    const metro = await story('城市地铁新线开通');
    const council = await story('City council approves budget');
    const lookup = async (raw: string) => getRedirect(db, normalizeRedirectFrom(raw)!);
    expect(await lookup('/2024/03/%E5%9C%B0%E9%93%81%E6%96%B0%E7%BA%BF/')).toEqual({ toPath: articlePath(metro), statusCode: 301 });
    expect(await lookup('/2024/03/%e6%97%a7%e6%a0%87%e9%a2%98')).toEqual({ toPath: articlePath(metro), statusCode: 301 });
    expect(await lookup('/2024/03/council-budget/')).toEqual({ toPath: articlePath(council), statusCode: 301 });
    expect(await lookup('/2024/03/council-budget-draft')).toEqual({ toPath: articlePath(council), statusCode: 301 });
    expect(await lookup('/category/news/china-news/')).toEqual({ toPath: '/china-news', statusCode: 301 });
    expect(await lookup('/category/%e8%af%84%e8%ae%ba/')).toEqual({ toPath: '/ping-lun', statusCode: 301 });
    expect(await lookup('/tag/tech/')).toEqual({ toPath: '/tags/tech', statusCode: 301 });
    // The page keeps its address: no redirect from /about-us to itself.
    expect(await lookup('/about-us')).toBeNull();
  });

  it('imports the same file a second time without creating or changing anything', async () => {
    const before = await snapshot(db);
    const fetchedBefore = requests.filter((r) => r.endsWith('metro.png')).length;
    const report = await importWordPress(db, source(fixture()), options());
    expect(await snapshot(db)).toEqual(before);
    for (const kind of ['author', 'category', 'tag', 'post', 'page'] as const) expect(report.kinds[kind]).toMatchObject({ imported: 0, updated: 0 });
    expect(report.kinds.post.skippedBecause).toEqual({ 'already imported, unchanged': 8, 'in the WordPress trash': 1 });
    expect(requests.filter((r) => r.endsWith('metro.png')).length).toBe(fetchedBefore);
  });

  it('does not overwrite a story edited in Gazette since the import', async () => {
    const metro = await story('城市地铁新线开通');
    await db.update(articles).set({ title: '城市地铁新线开通（更新）', version: metro.version + 1 }).where(eq(articles.id, metro.id));
    const changed = fixture().replace('市民表示欢迎。', '市民表示热烈欢迎。');
    const report = await importWordPress(db, source(changed), options());
    expect(report.kinds.post.skippedList).toContainEqual({ id: '101', text: 'edited in Gazette since it was imported: not overwritten' });
    expect((await db.select().from(articles).where(eq(articles.id, metro.id)))[0]!.title).toBe('城市地铁新线开通（更新）');
  });

  it('updates a story that changed on the old site and was not edited here', async () => {
    const changed = fixture().replace('The council voted', 'The city council voted');
    const report = await importWordPress(db, source(changed), options());
    expect(report.kinds.post).toMatchObject({ imported: 0, updated: 1 });
    expect((await story('City council approves budget')).bodyHtml).toContain('The city council voted');
  });
  it('moves a story to the Gazette trash when its post went to the WordPress trash; one edited here since stays', async () => {
    const toTrash = (xml: string, postName: string) => xml.replace(`<wp:post_name><![CDATA[${postName}]]></wp:post_name>\n\t\t<wp:status><![CDATA[publish]]></wp:status>`, `<wp:post_name><![CDATA[${postName}]]></wp:post_name>\n\t\t<wp:status><![CDATA[trash]]></wp:status>`);
    const trashed = toTrash(fixture().replace('The council voted', 'The city council voted'), 'council-budget');
    expect(trashed).not.toEqual(fixture().replace('The council voted', 'The city council voted'));
    const report = await importWordPress(db, source(trashed), options());
    expect(report.kinds.post.updated).toBe(1);
    const council = await story('City council approves budget');
    expect(council.deletedAt).not.toBeNull();
    // Again: nothing more to do.
    const again = await importWordPress(db, source(trashed), options());
    expect(again.kinds.post.skippedList).toContainEqual({ id: '102', text: 'in the WordPress trash; in the Gazette trash already' });
    await db.update(articles).set({ deletedAt: null }).where(eq(articles.id, council.id));
  });

  it('gives two posts with the same title (and no slug of their own) two addresses', async () => {
    const twin = (id: string) => `<item>
		<title><![CDATA[同名稿件]]></title>
		<dc:creator><![CDATA[admin]]></dc:creator>
		<content:encoded><![CDATA[第 ${id} 篇。]]></content:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date><![CDATA[2024-05-01 08:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2024-05-01 00:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>`;
    const xml = fixture().replace('</channel>', `${twin('9001')}\n${twin('9002')}\n</channel>`);
    const report = await importWordPress(db, source(xml), options({ fetchMedia: false }));
    expect(report.kinds.post.imported).toBe(2);
    const twins = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.title, '同名稿件'));
    expect(twins).toHaveLength(2);
    expect(new Set(twins.map((t) => t.slug)).size).toBe(2);
  });

  it('meets the staff of another site’s export by real email only: a made-up address never joins a stranger’s account', async () => {
    const otherSite = fixture().replace(`<wp:base_blog_url>${origin}</wp:base_blog_url>`, `<wp:base_blog_url>${origin}/other</wp:base_blog_url>`);
    const report = await importWordPress(db, source(otherSite), options({ fetchMedia: false }));
    expect(report.kinds.author).toMatchObject({ imported: 1, skipped: 1, skippedBecause: { 'matched the existing account wang@old.example.test': 1 } });
    expect((await db.select({ email: users.email }).from(users).orderBy(asc(users.id))).map((u) => u.email)).toEqual(['wang@old.example.test', 'wp-jsmith@import.invalid', 'wp-jsmith-2@import.invalid']);
  });
});

describe(`an interrupted or refused WordPress import on ${testDatabaseKind}`, () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = tdb.db;
  });
  afterAll(() => tdb?.drop());

  it('writes nothing of a refused file (broken XML, entity declarations, not a WordPress export)', async () => {
    const empty = await snapshot(db);
    const broken = fixture().replace('</item>\n\t<item>', '</item>\n\t<itm>');
    await expect(importWordPress(db, source(broken), options())).rejects.toThrow(WxrError);
    await expect(importWordPress(db, source(fixture().replace('<rss', '<!DOCTYPE rss [<!ENTITY x "y">]><rss')), options())).rejects.toThrow(/declares entities/);
    await expect(importWordPress(db, source('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>'), options())).rejects.toThrow(/not a WordPress export/);
    expect(await snapshot(db)).toEqual(empty);
  });

  it('leaves whole stories only when a run stops half-way, and a second run completes it', async () => {
    let handled = 0;
    const stopping = options({
      onProgress: ({ phase }) => {
        if (phase === 'writing' && ++handled === 3) throw new Error('power cut');
      },
    });
    await expect(importWordPress(db, source(fixture()), stopping)).rejects.toThrow('power cut');
    const partial = await db.select({ id: articles.id, title: articles.title }).from(articles);
    expect(partial.map((a) => a.title).sort()).toEqual(['City council approves budget', '城市地铁新线开通', '草稿：未完成'].sort());
    // Each story that is there is whole: its bookkeeping row and its revision came with it.
    const mapped = await db.select().from(importSources).where(eq(importSources.kind, 'post'));
    expect(mapped.map((m) => m.localId).sort()).toEqual(partial.map((a) => a.id).sort());
    expect((await rows<{ n: number }>(db, sql`select count(*)::int as n from article_revisions`))[0]!.n).toBe(3);

    const report = await importWordPress(db, source(fixture()), options());
    expect(report.kinds.post).toMatchObject({ imported: 5, updated: 0, skipped: 4 });
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(articles)).toEqual([{ n: 8 }]);
    const metro = (await db.select().from(articles).where(eq(articles.title, '城市地铁新线开通')))[0]!;
    expect(await db.select({ toPath: redirects.toPath }).from(redirects).where(eq(redirects.fromPath, '/2024/03/旧标题'))).toEqual([{ toPath: articlePath(metro) }]);
  });

  it('skips an item with a 10 MB title, with the reason, and imports the rest of the file', async () => {
    const fresh = await createTestDatabase();
    try {
      const huge = fixture().replace('<title><![CDATA[Pending story]]></title>', `<title>${'x'.repeat(10 * 1024 * 1024)}</title>`);
      const report = await importWordPress(fresh.db, source(huge), options({ fetchMedia: false }));
      expect(report.kinds.post).toMatchObject({ imported: 7, skipped: 2 });
      expect(report.kinds.post.skippedList).toContainEqual({ id: '104', text: 'title longer than 1,000 characters' });
      expect(await fresh.db.select({ n: sql<number>`count(*)::int` }).from(articles)).toEqual([{ n: 7 }]);
    } finally {
      await fresh.drop();
    }
  });

  it('a dry run reads and maps the file and writes nothing', async () => {
    const fresh = await createTestDatabase();
    try {
      const report = await importWordPress(null, source(fixture()), { dryRun: true });
      expect(report).toMatchObject({ dryRun: true, kinds: { post: { imported: 8, skipped: 1 }, page: { imported: 1 } } });
      expect(await fresh.db.select({ n: sql<number>`count(*)::int` }).from(articles)).toEqual([{ n: 0 }]);
    } finally {
      await fresh.drop();
    }
  });
});
