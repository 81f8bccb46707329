import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle, saveArticle } from '@/db/queries/admin/article-write';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { updateMediaMeta } from '@/db/queries/admin/media';
import { applyMediaAltToArticles } from '@/db/queries/admin/media-alt';
import { articleRevisions, articles, media, sections } from '@/db/schema';
import { cacheTags } from '@/domain/cache-tags';
import type { RichTextDoc } from '@/domain/rich-text/schema';
import { ingestImage } from '@/services/media/ingest';
import { rehostImage } from '@/services/media/rehost';
import { resetMediaStorage } from '@/services/media/storage';
import { auditActions, testFileDatabase } from '../fixtures/database';
import { expectActionError } from '../fixtures/action-errors';
import { input } from './admin-helpers';

/**
 * Issue 15, the library inside the editor: remote images re-hosted through the SSRF guard and the
 * upload pipeline, one alt text per image (a story's alt fills an empty library alt; a library alt
 * is applied to the stories using the image, each through an ordinary save).
 */

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-library-'));
process.env.MEDIA_STORAGE = 'local';
resetMediaStorage();

const { db, staff } = await testFileDatabase({ staffPrefix: 'library' });
const [section] = await db.insert(sections).values({ slug: 'library-news', title: 'News' }).returning({ id: sections.id });
const sectionId = section!.id;
const ALLOW = { allowHosts: ['127.0.0.1'] };

const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#36c' } }).png().toBuffer();

/** A site on 127.0.0.1 serving a PNG without an extension (as WeChat does), a page and a 404. */
const requests: string[] = [];
const server = http.createServer((req, res) => {
  requests.push(req.url ?? '');
  if (req.url?.startsWith('/mmbiz_png/')) {
    // The wrong type on purpose: the type comes from the bytes.
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(png);
  } else if (req.url === '/page.html') {
    res.writeHead(200, { 'Content-Type': 'image/png' });
    res.end('<!doctype html><title>not an image</title>');
  } else {
    res.writeHead(404);
    res.end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const mediaCount = async () => Number((await db.select({ n: count() }).from(media))[0]!.n);

describe('re-hosting remote images', () => {
  it('copies an image without an extension into the library, with its alt, and audits it', async () => {
    const result = await rehostImage(db, staff.author.id, `${base}/mmbiz_png/AbC123/640?wx_fmt=png`, 'A blue square', ALLOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await db.select().from(media).where(eq(media.id, result.media.id));
    expect(row).toMatchObject({ status: 'ready', mimeType: 'image/png', width: 64, height: 48, alt: 'A blue square', uploadedById: staff.author.id });
    expect(row!.originalName).toBe('127.0.0.1-640');
    expect(result.media.url).toMatch(/^\/media\//);
    expect(await auditActions(db, 'media', result.media.id)).toContain('media.rehost');
  });

  it('refuses a private address that is not allowed by name, before any request, and writes nothing', async () => {
    const before = await mediaCount();
    const seen = requests.length;
    const result = await rehostImage(db, staff.author.id, `${base}/mmbiz_png/private/640`, '', { allowHosts: [] });
    expect(result).toMatchObject({ ok: false, failure: 'refused' });
    expect(requests.length).toBe(seen);
    expect(await mediaCount()).toBe(before);
  });

  it('refuses a name that resolves to a private address (the check is on the address, not the name)', async () => {
    const result = await rehostImage(db, staff.author.id, 'http://images.example.test/a.png', '', { allowHosts: [], resolve: async () => [{ address: '169.254.169.254', family: 4 }] });
    expect(result).toMatchObject({ ok: false, failure: 'refused' });
  });

  it('refuses what is not an image, whatever its Content-Type, and writes nothing', async () => {
    const before = await mediaCount();
    expect(await rehostImage(db, staff.author.id, `${base}/page.html`, '', ALLOW)).toMatchObject({ ok: false, failure: 'notImage' });
    expect(await mediaCount()).toBe(before);
  });

  it('reports a missing image and an address that is not http(s)', async () => {
    expect(await rehostImage(db, staff.author.id, `${base}/gone.png`, '', ALLOW)).toMatchObject({ ok: false, failure: 'httpError', status: 404 });
    expect(await rehostImage(db, staff.author.id, 'file:///etc/passwd', '', ALLOW)).toMatchObject({ ok: false, failure: 'badUrl' });
  });
});

describe('one alt text per image', () => {
  let imageId: number;
  const bodyWith = (alt: string): RichTextDoc => ({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Before the photo.' }] },
      { type: 'image', attrs: { src: '/media/x/original.png', alt, caption: '', mediaId: imageId } },
    ],
  });

  beforeAll(async () => {
    imageId = (await ingestImage(db, { file: png, bytes: png.length, originalName: 'square.png', uploadedById: staff.editor.id })).id;
  });

  const libraryAlt = async () => (await db.select({ alt: media.alt }).from(media).where(eq(media.id, imageId)))[0]!.alt;

  it('a story’s alt fills the library’s when it is empty, and never overwrites it', async () => {
    const created = await createArticle(db, staff.author, input({ title: 'First use', sectionId, body: bodyWith('Alt from the story') }));
    expect(await libraryAlt()).toBe('Alt from the story');
    await saveArticle(db, staff.author, created.id, created.version, input({ title: 'First use', sectionId, body: bodyWith('Another alt') }));
    expect(await libraryAlt()).toBe('Alt from the story');
  });

  it('applies a changed library alt to bodies and covers, with revisions, cache tags and an audit row', async () => {
    const inBody = await createArticle(db, staff.author, input({ title: 'In the body', sectionId, body: bodyWith('Old alt') }));
    const asCover = await createArticle(db, staff.editor, input({ title: 'As the cover', sectionId, coverMediaId: imageId, coverImageAlt: 'Old cover alt' }));
    const live = await transitionArticle(db, staff.editor, asCover.id, 'publish', { baseVersion: asCover.version });
    const revisions = async (id: number) => Number((await db.select({ n: count() }).from(articleRevisions).where(eq(articleRevisions.articleId, id)))[0]!.n);
    const before = { body: await revisions(inBody.id), cover: await revisions(asCover.id) };

    await updateMediaMeta(db, staff.editor.id, imageId, { alt: 'A blue square on white', caption: '' });
    const result = await applyMediaAltToArticles(db, staff.editor, imageId);
    expect(result.updated).toEqual(expect.arrayContaining([inBody.id, asCover.id]));
    expect(result.skipped).toEqual([]);
    expect(result.invalidate).toContain(cacheTags.article(asCover.id));

    const body = (await getArticleForEdit(db, staff.editor, inBody.id))!;
    expect(body.values.body.content.find((n) => n.type === 'image')?.attrs).toMatchObject({ alt: 'A blue square on white', mediaId: imageId });
    const [html] = await db.select({ html: articles.bodyHtml }).from(articles).where(eq(articles.id, inBody.id));
    expect(html!.html).toContain('alt="A blue square on white"');
    const cover = (await getArticleForEdit(db, staff.editor, asCover.id))!;
    expect(cover.values.coverImageAlt).toBe('A blue square on white');
    expect(cover.version).toBe(live.version + 1);
    expect(await revisions(inBody.id)).toBe(before.body + 1);
    expect(await revisions(asCover.id)).toBe(before.cover + 1);
    expect(await auditActions(db, 'media', imageId)).toContain('media.apply-alt');
    expect(await auditActions(db, 'article', asCover.id)).toContain('article.update');

    // Applied twice, nothing is left to change: no new revisions.
    expect((await applyMediaAltToArticles(db, staff.editor, imageId)).updated).toEqual([]);
    expect(await revisions(inBody.id)).toBe(before.body + 1);
  });

  it('refuses to apply an empty alt', async () => {
    await updateMediaMeta(db, staff.editor.id, imageId, { alt: '', caption: '' });
    await expectActionError(applyMediaAltToArticles(db, staff.editor, imageId), 422);
  });
});
