import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { articleAuthors, articles, media, pages, sections, users } from '@/db/schema';
import { ingestImage, sweepPendingMedia } from '@/services/media/ingest';
import { mediaStorage, resetMediaStorage } from '@/services/media/storage';
import { getMediaUsage, listMedia } from '@/db/queries/admin/media';
import { removeMedia } from '@/services/media/remove';
import { ActionError } from '@/domain/errors';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import type { Database } from '@/db/client';

// s3rver is a faithful in-process S3 server from npm; the same tests run against it and the disk.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-media-'));
process.env.DATA_DIR = tmp;

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1200, channels: 3, background: '#2a6' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 35/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 17/1 0/1' } })
    .toBuffer();
}

for (const storageKind of ['local', 's3'] as const) {
  describe(`media on ${testDatabaseKind} with ${storageKind} storage`, () => {
    let handle: TestDatabase;
    let db: Database;
    let editorId: number;
    let s3: { close: () => Promise<void> } | undefined;

    beforeAll(async () => {
      handle = await createTestDatabase();
      db = handle.db;
      const [editor] = await db.insert(users).values({ email: 'editor@example.com', name: 'Editor', slug: 'editor', role: 'editor' }).returning();
      editorId = editor!.id;
      if (storageKind === 's3') {
        const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(tmp, 's3'), configureBuckets: [{ name: 'gazette' }] });
        const { port } = await server.run();
        s3 = server;
        Object.assign(process.env, {
          MEDIA_STORAGE: 's3',
          S3_BUCKET: 'gazette',
          S3_ENDPOINT: `http://127.0.0.1:${port}`,
          S3_FORCE_PATH_STYLE: '1',
          S3_ACCESS_KEY_ID: 'S3RVER',
          S3_SECRET_ACCESS_KEY: 'S3RVER',
        });
      } else {
        process.env.MEDIA_STORAGE = 'local';
      }
      resetMediaStorage();
    });

    afterAll(async () => {
      await handle?.drop();
      await s3?.close();
      resetMediaStorage();
    });

    async function readObject(key: string): Promise<Buffer | null> {
      const object = await mediaStorage().get(key);
      if (!object) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of object.body) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks);
    }

    async function mediaRows(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)` }).from(media);
      return Number(row?.n);
    }

    it('stores a re-encoded original without EXIF or GPS, WebP widths and a 1200×630 og crop', async () => {
      const input = await photoWithGps();
      expect((await sharp(input).metadata()).exif).toBeDefined();
      const item = await ingestImage(db, { file: input, bytes: input.length, originalName: '../../DSC_0001.jpg', uploadedById: null });
      expect(item).toMatchObject({ width: 2000, height: 1200, mimeType: 'image/jpeg', originalName: 'DSC_0001.jpg' });
      const original = await readObject(item.url.replace('/media/', ''));
      expect(original).not.toBeNull();
      const meta = await sharp(original!).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.format).toBe('jpeg');
      const webp = item.variants.filter((v) => v.format === 'webp').map((v) => v.width);
      expect(webp).toEqual([320, 640, 960, 1280, 1920]);
      expect(item.variants.filter((v) => v.format === 'jpeg' && !v.role).map((v) => v.width)).toEqual([320, 640, 960, 1280, 1920]);
      const og = item.variants.find((v) => v.role === 'og');
      expect(og).toMatchObject({ width: 1200, height: 630 });
      const ogImage = await sharp((await readObject(og!.key))!).metadata();
      expect([ogImage.width, ogImage.height]).toEqual([1200, 630]);
    });

    it.each([
      ['an HTML file renamed .jpg', Buffer.from('<html><script>alert(1)</script></html>'.padEnd(200, ' ')), 415],
      ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415],
      ['a 0-byte file', Buffer.alloc(0), 400],
    ])('refuses %s with a clear 4xx and leaves nothing behind', async (_name, file, status) => {
      const before = await mediaRows();
      const error = await ingestImage(db, { file, bytes: file.length, originalName: 'x.jpg', uploadedById: null }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionError);
      expect((error as ActionError).status).toBe(status);
      expect(await mediaRows()).toBe(before);
    });

    it('refuses a truncated JPEG and a PNG claiming 50000×50000 pixels, leaving no row and no object', async () => {
      const good = await photoWithGps();
      const truncated = good.subarray(0, Math.floor(good.length / 3));
      const header = Buffer.alloc(33);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
      header.writeUInt32BE(13, 8);
      header.write('IHDR', 12, 'ascii');
      header.writeUInt32BE(50000, 16);
      header.writeUInt32BE(50000, 20);
      header.writeUInt8(8, 24);
      header.writeUInt8(2, 25);
      const before = await mediaRows();
      for (const file of [truncated, header]) {
        const error = await ingestImage(db, { file, bytes: file.length, originalName: 'x.png', uploadedById: null }).catch((e: unknown) => e);
        expect((error as ActionError).status).toBe(422);
      }
      expect(await mediaRows()).toBe(before);
      expect(await db.select().from(media).where(eq(media.status, 'pending'))).toEqual([]);
    });

    it('sweeps a pending upload that a crash left behind, with its objects', async () => {
      const key = `2026/01/${'0'.repeat(8)}-0000-4000-8000-${storageKind === 'local' ? '000000000001' : '000000000002'}`;
      await mediaStorage().put(`${key}/original.jpg`, await photoWithGps(), 'image/jpeg');
      await db.insert(media).values({ storageKey: key, status: 'pending', mimeType: 'image/jpeg', createdAt: new Date(Date.now() - 2 * 3_600_000) });
      expect(await sweepPendingMedia(db)).toBe(1);
      expect(await db.select().from(media).where(eq(media.storageKey, key))).toEqual([]);
      expect(await mediaStorage().get(`${key}/original.jpg`)).toBeNull();
    });

    it('refuses to delete an image still used as a cover or in a body, then deletes it once unused', async () => {
      const input = await photoWithGps();
      const item = await ingestImage(db, { file: input, bytes: input.length, originalName: 'cover.jpg', uploadedById: null });
      const [section] = await db.insert(sections).values({ slug: `s-${storageKind}`, title: 'S' }).returning();
      const [article] = await db
        .insert(articles)
        .values({
          slug: `uses-media-${storageKind}`,
          title: 'Uses media',
          sectionId: section!.id,
          coverMediaId: item.id,
          bodyJson: { type: 'doc', content: [{ type: 'image', attrs: { mediaId: item.id, alt: 'x' } }] },
        })
        .returning();
      const usage = await getMediaUsage(db, { id: editorId, role: 'editor' }, item.id);
      expect(usage.items.map((u) => u.kind).sort()).toEqual(['article-body', 'article-cover']);
      expect(usage.others).toBe(0);
      const refused = await removeMedia(db, editorId, item.id).catch((e: unknown) => e);
      expect((refused as ActionError).status).toBe(409);
      expect(await readObject(item.url.replace('/media/', ''))).not.toBeNull();

      await db.update(articles).set({ coverMediaId: null, bodyJson: { type: 'doc', content: [] } }).where(eq(articles.id, article!.id));
      await removeMedia(db, editorId, item.id);
      expect(await db.select().from(media).where(eq(media.id, item.id))).toEqual([]);
      expect(await readObject(item.url.replace('/media/', ''))).toBeNull();
    });

    it('tells a contributor only where their own stories use an image; other stories, drafts, trash and pages are a count (issue 10, item 12)', async () => {
      const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#6c3' } }).jpeg().toBuffer();
      const item = await ingestImage(db, { file: jpeg, bytes: jpeg.length, originalName: `scoped-${storageKind}.jpg`, alt: 'x', uploadedById: null });
      const [mine, theirs, author] = await db
        .insert(users)
        .values([
          { email: `mine-${storageKind}@example.com`, name: 'Mine', slug: `mine-${storageKind}`, role: 'contributor' },
          { email: `theirs-${storageKind}@example.com`, name: 'Theirs', slug: `theirs-${storageKind}`, role: 'contributor' },
          { email: `author-${storageKind}@example.com`, name: 'Author', slug: `author-${storageKind}`, role: 'author' },
        ])
        .returning();
      const [section] = await db.insert(sections).values({ slug: `scoped-${storageKind}`, title: 'S' }).returning();
      const body = { type: 'doc', content: [{ type: 'image', attrs: { mediaId: item.id, alt: 'x' } }] };
      const story = (slug: string, title: string, createdById: number, extra: Partial<typeof articles.$inferInsert> = {}) => ({
        slug: `${slug}-${storageKind}`,
        title,
        sectionId: section!.id,
        createdById,
        bodyJson: body,
        ...extra,
      });
      const rows = await db
        .insert(articles)
        .values([
          story('my-draft', 'My own draft', mine!.id, { coverMediaId: item.id, bodyJson: { type: 'doc', content: [] } }),
          story('their-draft', 'Secret draft of theirs', theirs!.id),
          story('their-trash', 'Trashed story of theirs', theirs!.id, { deletedAt: new Date() }),
          story('credited', 'Story crediting me', theirs!.id),
        ])
        .returning({ id: articles.id, title: articles.title });
      const credited = rows.find((r) => r.title === 'Story crediting me')!;
      await db.insert(articleAuthors).values({ articleId: credited.id, userId: mine!.id, sortOrder: 0 });
      await db.insert(pages).values({ slug: `scoped-${storageKind}`, title: 'Unpublished page', bodyJson: body });

      const asMine = await getMediaUsage(db, { id: mine!.id, role: 'contributor' }, item.id);
      expect(asMine.items.map((u) => `${u.kind} ${u.title}`).sort()).toEqual(['article-body Story crediting me', 'article-cover My own draft']);
      expect(asMine.others).toBe(3);
      expect(JSON.stringify(asMine)).not.toMatch(/Secret draft|Trashed story|Unpublished page/);

      const asAuthor = await getMediaUsage(db, { id: author!.id, role: 'author' }, item.id);
      expect(asAuthor).toEqual({ items: [], others: 5 });

      const asEditor = await getMediaUsage(db, { id: editorId, role: 'editor' }, item.id);
      expect(asEditor.items.map((u) => u.title).sort()).toEqual(['My own draft', 'Secret draft of theirs', 'Story crediting me', 'Trashed story of theirs', 'Unpublished page']);
      expect(asEditor.others).toBe(0);
    });

    it('filters the library by type, by use (cover, article body, page body) and by missing alt text', async () => {
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } }).png().toBuffer();
      const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c63' } }).jpeg().toBuffer();
      const tag = `filter-${storageKind}`;
      await ingestImage(db, { file: png, bytes: png.length, originalName: `${tag}-loose.png`, uploadedById: null });
      const cover = await ingestImage(db, { file: jpeg, bytes: jpeg.length, originalName: `${tag}-cover.jpg`, alt: 'A cover', uploadedById: null });
      const inPage = await ingestImage(db, { file: jpeg, bytes: jpeg.length, originalName: `${tag}-in-page.jpg`, alt: 'In a page', uploadedById: null });
      const [section] = await db.insert(sections).values({ slug: `f-${storageKind}`, title: 'F' }).returning();
      // Ids far from the media ids, so a condition comparing with the wrong table's id cannot pass by chance.
      await db.insert(articles).values({ id: 9001, slug: `f-${storageKind}`, title: 'F', sectionId: section!.id, coverMediaId: cover.id, bodyJson: { type: 'doc', content: [] } });
      // A body whose mediaId is not a number (an old import, a hand edit) must not break the filter.
      await db.insert(articles).values({ id: 9003, slug: `g-${storageKind}`, title: 'G', sectionId: section!.id, bodyJson: { type: 'doc', content: [{ type: 'image', attrs: { mediaId: 'x1', alt: '' } }] } });
      await db.insert(pages).values({ id: 9002, slug: `f-${storageKind}`, title: 'F', bodyJson: { type: 'doc', content: [{ type: 'image', attrs: { mediaId: inPage.id, alt: 'x' } }] } });

      const names = async (filter: Omit<Parameters<typeof listMedia>[1], 'page' | 'pageSize'>) =>
        (await listMedia(db, { q: tag, page: 1, pageSize: 50, ...filter })).items.map((item) => item.originalName).sort();
      expect(await names({})).toEqual([`${tag}-cover.jpg`, `${tag}-in-page.jpg`, `${tag}-loose.png`]);
      expect(await names({ type: 'image/png' })).toEqual([`${tag}-loose.png`]);
      expect(await names({ type: 'image/jpeg' })).toEqual([`${tag}-cover.jpg`, `${tag}-in-page.jpg`]);
      expect(await names({ usage: 'used' })).toEqual([`${tag}-cover.jpg`, `${tag}-in-page.jpg`]);
      expect(await names({ usage: 'unused' })).toEqual([`${tag}-loose.png`]);
      expect(await names({ usage: 'no-alt' })).toEqual([`${tag}-loose.png`]);
      expect(await names({ type: 'image/webp' })).toEqual([]);
      expect((await listMedia(db, { q: tag, usage: 'used', page: 1, pageSize: 1 })).pageCount).toBe(2);
    });
  });
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
