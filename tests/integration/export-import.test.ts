import { addArticleComment } from '@/db/queries/admin/article-comments';
import { addArticleNotice } from '@/db/queries/admin/article-notices';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { breakingNews, redirects, tags, webhooks } from '@/db/schema';
import { getArticle, getRedirect, getSiteSettings, listArticles, listSections } from '@/db/queries/public';
import { nonEmptyTables } from '@/db/queries/export/write';
import { ingestImage } from '@/services/media/ingest';
import { mediaStorage } from '@/services/media/storage';
import { exportSite } from '@/services/export/export';
import { importSite, ImportRefused } from '@/services/export/import';
import { ExportFormatError } from '@/domain/export/parse';
import { rows, sectionIdBySlug, testFileDatabase } from '../fixtures/database';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { doc, edit, makeArticle } from './admin-helpers';
import { addAttachment } from '@/db/queries/admin/attachments';
import { getSensitiveWordRule, saveSensitiveWords } from '@/db/queries/admin/sensitive-words';
import { samplePdf } from '../fixtures/documents';

const attachmentKey = 'attachments/2026/12/0b7a0c52-3a4c-4b6c-9f4e-1f2a3b4c5d6e.pdf';

// The site export (docs/export.md): the demo publication plus what the demo lacks (media, revisions,
// a scheduled and a trashed story, a redirect, a banner, a webhook) goes out as NDJSON and comes
// back into an empty database the same: ids, URLs, content, counts, reader pages.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-export-'));
process.env.DATA_DIR = tmp;
const file = path.join(tmp, 'site.ndjson');
const mediaDir = path.join(tmp, 'site.media');

const { db, staff } = await testFileDatabase({ staffPrefix: 'export', demo: true });
let target: TestDatabase;
let empty: TestDatabase;
let storyId = 0;
let originalKey = '';

/**
 * Timestamps to the millisecond: the file carries them as JavaScript dates (ISO 8601, ms), so the
 * microseconds PostgreSQL's now() gives do not survive; docs/export.md says so.
 */
function toMs(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?(\+00|Z)$/.test(value)) return new Date(value.replace(' ', 'T').replace(/\+00$/, 'Z')).toISOString();
  if (Array.isArray(value)) return value.map(toMs);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toMs(v)]));
  return value;
}

async function* linesOf(source: string | string[]): AsyncGenerator<string> {
  if (Array.isArray(source)) yield* source;
  else yield* readline.createInterface({ input: fs.createReadStream(source), crlfDelay: Infinity });
}

async function exportTo(out: string, options: Parameters<typeof exportSite>[2] = {}) {
  const chunks: string[] = [];
  const result = await exportSite(db, async (line) => void chunks.push(`${line}\n`), options);
  fs.writeFileSync(out, chunks.join(''));
  return result;
}

const TABLES = ['site_settings', 'users', 'sections', 'tags', 'media', 'articles', 'article_tags', 'article_authors', 'article_revisions', 'article_notices', 'article_comments', 'article_attachments', 'sensitive_words', 'topics', 'topic_articles', 'article_views_daily', 'pages', 'redirects', 'breaking_news', 'webhooks'];

async function counts(d: Database) {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await rows<{ n: number }>(d, sql`select count(*)::int as n from ${sql.identifier(t)}`))[0]!.n);
  return out;
}

const SNAPSHOTS = {
  articles: sql`select a.id, a.slug, a.title, a.status, a.published_at, a.deleted_at, a.section_id, a.body_json, a.body_html, a.body_text, a.cover_media_id, a.view_count, a.version, a.pinned, a.featured, a.created_at, a.updated_at,
    (select json_agg(t.tag_id order by t.sort_order) from article_tags t where t.article_id = a.id) as tags,
    (select json_agg(u.user_id order by u.sort_order) from article_authors u where u.article_id = a.id) as authors
    from articles a order by a.id`,
  links: sql`select article_id, tag_id, sort_order, published_at, listed from article_tags order by article_id, tag_id`,
  sections: sql`select * from sections order by id`,
  pages: sql`select * from pages order by id`,
  redirects: sql`select * from redirects order by id`,
  settings: sql`select * from site_settings`,
  revisions: sql`select * from article_revisions order by id`,
  notices: sql`select * from article_notices order by id`,
  comments: sql`select * from article_comments order by id`,
  attachments: sql`select * from article_attachments order by id`,
  topics: sql`select * from topics order by id`,
  topicStories: sql`select * from topic_articles order by topic_id, sort_order`,
  media: sql`select * from media order by id`,
  users: sql`select id, email, name, slug, bio, role, is_owner, disabled_at, created_at from users order by id`,
  recent: sql`select * from article_views_recent order by article_id`,
};

beforeAll(async () => {
  const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#c33' } }).png().toBuffer();
  const photo = await ingestImage(db, { file: png, bytes: png.length, originalName: 'photo.png', uploadedById: staff.editor.id, alt: 'A red photo' });
  originalKey = `${(await rows<{ storage_key: string }>(db, sql`select storage_key from media where id = ${photo.id}`))[0]!.storage_key}/original.png`;
  const sectionId = await sectionIdBySlug(db, (await listSections(db))[0]!.slug);
  storyId = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId, coverMediaId: photo.id, coverImageAlt: 'A red photo', tagNames: ['导出'] });
  await edit(db, staff.editor, storyId, { body: { type: 'doc', content: [{ type: 'image', attrs: { mediaId: photo.id, alt: 'Inline', src: '' } }, ...doc('Edited').content] } });
  await addArticleNotice(db, staff.editor, { articleId: storyId, kind: 'correction', note: '更正：首段的日期应为 12 月 6 日。' });
  await addArticleComment(db, staff.editor, { articleId: storyId, body: '讨论：标题可以再短一些。' });
  await mediaStorage().put(attachmentKey, samplePdf(), 'application/pdf');
  await addAttachment(db, { ...staff.editor, ip: '192.0.2.1' }, { articleId: storyId, storageKey: attachmentKey, fileName: '报告.pdf', kind: 'pdf', bytes: samplePdf().length });
  await saveSensitiveWords(db, { ...staff.admin, ip: '192.0.2.1' }, { text: '赌博\n代开发票', block: true });
  await makeArticle(db, staff.author, staff.editor, 'scheduled', { sectionId });
  await makeArticle(db, staff.author, staff.editor, 'trashed-draft', { sectionId });
  await db.insert(redirects).values({ fromPath: '/old-story', toPath: `/articles/${storyId}`, hits: 3 });
  await db.insert(breakingNews).values({ text: 'Breaking', expiresAt: new Date(Date.now() + 3_600_000) });
  await db.insert(webhooks).values({ url: 'https://hooks.example.com/in', events: ['article.published'], secret: 'whsec-very-secret-value-123' });
  await exportTo(file, { mediaDir });
  // A new server: the media storage starts empty too.
  fs.rmSync(path.join(tmp, 'media'), { recursive: true, force: true });
  target = await createTestDatabase();
  empty = await createTestDatabase();
}, 180_000);

afterAll(async () => {
  await target?.drop();
  await empty?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`site export and import on ${testDatabaseKind}`, () => {
  it('writes a header, records and counts, and no credentials', () => {
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'gazette-export', version: 1, schema: expect.stringMatching(/^\d{4}_/) });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: 'end', counts: { article: expect.any(Number), revision: expect.any(Number), notice: 3, comment: 1, attachment: 1, topic: 1, media: 1, webhook: 1 } });
    expect(text).not.toContain('$argon2');
    expect(text).not.toMatch(/password/i);
    expect(text).not.toContain('whsec-very-secret');
    expect(text).not.toContain('bodyHtml');
    expect(fs.existsSync(path.join(mediaDir, originalKey))).toBe(true);
    expect(fs.readFileSync(path.join(mediaDir, attachmentKey))).toEqual(samplePdf());
  });

  it('reproduces the site in an empty database: counts, ids, bodies, links, tree, pages, redirects, settings, files', async () => {
    const report = await importSite(target.db, linesOf(file), { mediaDir });
    expect(report.webhooksDisabled).toBe(1);
    expect(report.mediaFiles.missing).toBe(0);
    expect(await counts(target.db)).toEqual(await counts(db));
    for (const [name, query] of Object.entries(SNAPSHOTS)) expect([name, toMs(await rows(target.db, query))]).toEqual([name, toMs(await rows(db, query))]);
    expect(await rows(target.db, sql`select count(*)::int as n from users where password_hash is not null`)).toEqual([{ n: 0 }]);
    expect(await rows(target.db, sql`select active from webhooks`)).toEqual([{ active: false }]);
    expect(await mediaStorage().get(originalKey)).not.toBeNull();
    expect(await mediaStorage().get(attachmentKey)).not.toBeNull();
    expect(await getSensitiveWordRule(target.db)).toEqual(await getSensitiveWordRule(db));
  });

  it('gives the reader the same pages', async () => {
    expect(await getSiteSettings(target.db)).toEqual(await getSiteSettings(db));
    expect(await listSections(target.db)).toEqual(await listSections(db));
    expect(await listArticles(target.db, {}, { limit: 30 })).toEqual(await listArticles(db, {}, { limit: 30 }));
    const ids = (await listArticles(db, {}, { limit: 5 })).map((a) => a.id);
    for (const id of [storyId, ...ids]) expect(await getArticle(target.db, id)).toEqual(await getArticle(db, id));
    expect(await getRedirect(target.db, '/old-story')).toEqual(await getRedirect(db, '/old-story'));
  });

  it('moves each id sequence past the imported ids', async () => {
    const [row] = await target.db.insert(tags).values({ slug: 'after-import', name: 'After import' }).returning({ id: tags.id });
    const [max] = await rows<{ m: number }>(db, sql`select max(id)::int as m from tags`);
    expect(row!.id).toBeGreaterThan(max!.m);
  });

  it('refuses a database that is not empty, and writes nothing', async () => {
    const before = await counts(db);
    await expect(importSite(db, linesOf(file))).rejects.toBeInstanceOf(ImportRefused);
    expect(await counts(db)).toEqual(before);
  });

  const lines = () => fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const articleLine = () => lines().findIndex((l) => l.startsWith('{"type":"article"'));
  const corruptions: [string, (all: string[], i: number) => void, RegExp][] = [
    ['bad JSON', (all, i) => void (all[i] = all[i]!.slice(0, 40)), /not valid JSON/],
    ['an unknown type', (all, i) => void (all[i] = '{"type":"plugin","id":1}'), /unknown record type "plugin"/],
    ['a body that is HTML with a script', (all, i) => void (all[i] = JSON.stringify({ ...JSON.parse(all[i]!), body: '<p>x</p><script>alert(1)</script>' })), /body/],
    ['a rendered body smuggled in', (all, i) => void (all[i] = JSON.stringify({ ...JSON.parse(all[i]!), bodyHtml: '<script>alert(1)</script>' })), /bodyHtml|Unrecognized/i],
    ['a record out of order', (all, i) => void all.splice(i, 0, all.find((l) => l.startsWith('{"type":"user"'))!), /out of order/],
    ['a file cut short', (all) => void all.pop(), /cut short/],
    ['a wrong count', (all) => void all.splice(all.length - 2, 1), /end line counts/],
  ];
  for (const [name, corrupt, message] of corruptions) {
    it(`refuses ${name} with its line number and leaves the database empty`, async () => {
      const all = lines();
      const i = articleLine();
      corrupt(all, i);
      const error = await importSite(empty.db, linesOf(all)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExportFormatError);
      expect((error as Error).message).toMatch(message);
      if (!/cut short|end line counts/.test(message.source)) expect((error as ExportFormatError).line).toBe(i + 1);
      expect(await nonEmptyTables(empty.db)).toEqual([]);
    });
  }

  it('refuses an unknown format or version on line 1', async () => {
    const all = lines();
    await expect(importSite(empty.db, linesOf(['{"format":"other"}', ...all.slice(1)]))).rejects.toThrow(/line 1: not a Gazette export/);
    await expect(importSite(empty.db, linesOf([all[0]!.replace('"version":1', '"version":2'), ...all.slice(1)]))).rejects.toThrow(/version 2 is not supported/);
  });

  it('takes webhook secrets and the audit log only when asked', async () => {
    const out = path.join(tmp, 'full.ndjson');
    const result = await exportTo(out, { withSecrets: true, withAudit: true });
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('whsec-very-secret');
    expect(result.counts.audit).toBeGreaterThan(0);
    expect(text).not.toContain('$argon2');
  });
});
