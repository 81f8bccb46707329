import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { getAttachmentFile, listAttachmentsForAdmin } from '@/db/queries/admin/attachments';
import { getArticle } from '@/db/queries/public';
import { articleAttachments, auditLog } from '@/db/schema';
import { deleteAttachment, uploadAttachment } from '@/services/media/attachments';
import { mediaStorage, resetMediaStorage } from '@/services/media/storage';
import { testFileDatabase } from '../fixtures/database';
import { sampleDocx, samplePdf } from '../fixtures/documents';
import { installTestDatabase } from '../helpers/db';
import { expectActionError, makeArticle, sectionIdBySlug } from './admin-helpers';

/** Issue 13: files listed under a story for download (附件下载), through the checked pipeline, on both databases. */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-attachments-'));
process.env.DATA_DIR = tmp;
process.env.ATTACHMENT_MAX_BYTES = String(64 * 1024);
resetMediaStorage();
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const { tdb, db, staff } = await testFileDatabase({ staffPrefix: 'att', demo: true });
installTestDatabase(tdb);
const sectionId = await sectionIdBySlug(db, 'company');
const as = (actor: typeof staff.author) => ({ ...actor, ip: '192.0.2.7' });
const upload = (body: Buffer, name: string) =>
  new Request('http://localhost/api/articles/x/attachments', { method: 'POST', body, headers: { 'X-File-Name': encodeURIComponent(name), 'Content-Length': String(body.length) }, duplex: 'half' } as RequestInit);
const stored = async (key: string) => {
  const object = await mediaStorage().get(key);
  if (!object) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('adding and removing files', () => {
  it('a story’s author adds a PDF and a Word file; they are stored as sent, listed in order, and readers see them once the story is out', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    const pdf = await uploadAttachment(upload(samplePdf(), '2026 年度报告.pdf'), as(staff.author), id);
    const word = await uploadAttachment(upload(sampleDocx(), '会议纪要.pdf'), as(staff.author), id);
    expect(pdf).toMatchObject({ fileName: '2026 年度报告.pdf', kind: 'pdf', bytes: samplePdf().length });
    // The bytes say Word, so the download says .docx whatever the name said.
    expect(word).toMatchObject({ fileName: '会议纪要.docx', kind: 'docx' });
    expect((await listAttachmentsForAdmin(db, as(staff.author), id)).map((a) => a.fileName)).toEqual(['2026 年度报告.pdf', '会议纪要.docx']);
    const file = await getAttachmentFile(db, pdf.id);
    expect(file).toMatchObject({ isPublic: false, kind: 'pdf' });
    expect(await stored(file!.storageKey)).toEqual(samplePdf());

    expect(await getArticle(db, id)).toBeNull();
    await transitionArticle(db, staff.editor, id, 'publish');
    expect((await getArticle(db, id))?.attachments).toEqual([
      { id: pdf.id, fileName: '2026 年度报告.pdf', kind: 'pdf', bytes: samplePdf().length, url: `/attachments/${pdf.id}/${encodeURIComponent('2026 年度报告.pdf')}` },
      expect.objectContaining({ id: word.id, kind: 'docx' }),
    ]);
    expect((await getAttachmentFile(db, pdf.id))?.isPublic).toBe(true);

    await deleteAttachment(as(staff.author), { id: pdf.id, articleId: id });
    expect((await getArticle(db, id))?.attachments.map((a) => a.id)).toEqual([word.id]);
    expect(await stored(file!.storageKey)).toBeNull();
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['article.attachment-add', 'article.attachment-remove']));
  });

  it('refuses, storing nothing: HTML named .pdf (415), an empty file (400), a file over ATTACHMENT_MAX_BYTES (413), a story one may not edit (404 to someone who cannot see it)', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    const before = await db.select().from(articleAttachments);
    const files = () => fs.readdirSync(tmp, { recursive: true }).filter((f) => String(f).includes('attachments') && String(f).includes('.')).length;
    const filesBefore = files();
    const refusal = await expectActionError(uploadAttachment(upload(Buffer.from('<html><script>alert(1)</script></html>'), 'notice.pdf'), as(staff.author), id), 415);
    expect(refusal.reason.code).toBe('attachmentNotAccepted');
    await expectActionError(uploadAttachment(upload(Buffer.alloc(0), 'empty.pdf'), as(staff.author), id), 400);
    await expectActionError(uploadAttachment(upload(Buffer.concat([samplePdf(), Buffer.alloc(70 * 1024)]), 'big.pdf'), as(staff.author), id), 413);
    await expectActionError(uploadAttachment(upload(samplePdf(), 'theirs.pdf'), as(staff.author2), id), 404);
    expect(await db.select().from(articleAttachments)).toEqual(before);
    expect(files()).toBe(filesBefore);
  });

  it('someone who cannot edit the story cannot remove its files either; a removed story takes its rows with it', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    const pdf = await uploadAttachment(upload(samplePdf(), 'a.pdf'), as(staff.author), id);
    await expectActionError(deleteAttachment(as(staff.author2), { id: pdf.id, articleId: id }), 404);
    await expectActionError(deleteAttachment(as(staff.author), { id: pdf.id, articleId: id + 100_000 }), 404);
    expect(await getAttachmentFile(db, pdf.id)).not.toBeNull();
  });
});
