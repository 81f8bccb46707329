import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoSections } from '@/services/seed/demo-content';
import { translateMessage } from '@/domain/i18n/server-messages';
import { launchBrowser } from '../helpers/browser';
import { actionsAs, closeAdmin, doc, mt, readerGet, sectionIdInAdmin, signedInContext, staffCookie, startAdmin, type AdminServer } from '../helpers/admin';
import { request } from '../helpers/actions';
import { samplePdf } from '../fixtures/documents';

/**
 * Issue 13's attachments (附件下载) through the production build and a browser: uploaded from the
 * story's editor (the kind from the bytes), private while the story is a draft, listed under the
 * published story, downloaded as an attachment that cannot be sniffed, and gone once removed.
 */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let nr: AdminServer;
let browser: Browser;

beforeAll(async () => {
  nr = await startAdmin({ prefix: 'gazette-attachments-', staff: [{ key: 'editor', role: 'editor' }] });
  browser = await launchBrowser();
}, 240_000);

afterAll(() => closeAdmin(nr, browser));

describe('a story’s files', () => {
  it('are uploaded in the editor, refused when they are not documents, private until the story is out, then listed and downloaded; removed, they are gone', async () => {
    const cookie = await staffCookie(nr, 'editor');
    const act = actionsAs(nr.baseURL, cookie);
    const sectionId = await sectionIdInAdmin(nr.baseURL, cookie, demoSections.find((s) => s.slug === 'company')!.title);
    const { id } = await act<{ id: number }>('createArticleAction', [{ title: '附件测试：年度报告发布', body: doc('报告全文见附件。'), sectionId }]);

    const page = await (await signedInContext(browser, nr, 'editor')).newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${nr.baseURL}/admin/articles/${id}`);
    const card = page.locator('section[aria-labelledby="article-attachments"]');
    const picker = card.locator(`input[type="file"][aria-label="${mt('attachmentsChoose')}"]`);
    await picker.setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    // The refusal, in the admin's language, where the upload was listed.
    await card.getByTestId('attachment-uploads').getByText(translateMessage('zh-CN', { code: 'attachmentNotAccepted' })).waitFor({ timeout: 30_000 });
    await picker.setInputFiles({ name: '2026 年度报告.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    const link = card.getByTestId('attachments').getByRole('link', { name: '2026 年度报告.pdf' });
    await link.waitFor({ timeout: 30_000 });
    const href = (await link.getAttribute('href'))!;

    // A draft's file is not public.
    expect((await request(`${nr.baseURL}${href}`)).status).toBe(404);

    await act('transitionArticleAction', [{ id, transition: 'publish' }]);
    const story = await readerGet(nr.baseURL, `/articles/${id}`);
    expect(story.text).toContain('附件下载');
    expect(story.text).toContain(`href="${href}"`);
    const download = await request(`${nr.baseURL}${href}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="2026 ____.pdf"; filename*=UTF-8''2026%20%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.body).toEqual(samplePdf());

    await page.reload();
    await card.getByRole('button', { name: mt('delete') }).click();
    await link.waitFor({ state: 'detached', timeout: 30_000 });
    expect((await readerGet(nr.baseURL, `/articles/${id}`)).text).not.toContain('附件下载');
    expect((await request(`${nr.baseURL}${href}`)).status).toBe(404);
  });
});
