import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoSections } from '@/services/seed/demo-content';
import { launchBrowser } from '../helpers/browser';
import { actionsAs, closeAdmin, doc, et, mt, publishPanel, sectionIdInAdmin, signedInContext, staffCookie, startAdmin, t, type AdminServer } from '../helpers/admin';

/**
 * Issue 13's sensitive-word check (敏感词) through the production build: an administrator keeps the
 * list (typed and imported from a text file, exported as one), the editor marks the words in the
 * body and lists them in the publish panel, and a blocking list keeps the story from going out.
 */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let nr: AdminServer;
let browser: Browser;

beforeAll(async () => {
  nr = await startAdmin({ prefix: 'gazette-sensitive-', staff: [{ key: 'admin', role: 'admin' }, { key: 'editor', role: 'editor' }] });
  browser = await launchBrowser();
}, 240_000);

afterAll(() => closeAdmin(nr, browser));

const listPage = (page: Page) => page.locator('section[aria-labelledby="sensitive-list"]');

describe('the list', () => {
  it('an administrator types words and imports a text file; the export gives them back, one per line; an editor has no such page', async () => {
    const page = await (await signedInContext(browser, nr, 'admin')).newPage();
    await page.goto(`${nr.baseURL}/admin/sensitive-words`);
    const card = listPage(page);
    await card.getByRole('textbox', { name: mt('sensitiveWordsField') }).fill('赌博\n# 注释\n代开发票');
    await card.getByLabel(mt('sensitiveImport')).setInputFiles({ name: 'words.txt', mimeType: 'text/plain', buffer: Buffer.from('ＶＰＮ\n赌博\n', 'utf8') });
    await card.getByLabel(mt('sensitiveBlock')).check();
    await card.getByRole('button', { name: t('save') }).click();
    await expect(card.getByRole('status').textContent()).resolves.toContain(mt('sensitiveWordsSaved', { count: 3 }));

    const exported = await page.request.get(`${nr.baseURL}/admin/sensitive-words/export`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-disposition']).toContain('attachment');
    expect((await exported.text()).trim().split('\n').sort()).toEqual(['vpn', '代开发票', '赌博'].sort());

    const editorPage = await (await signedInContext(browser, nr, 'editor')).newPage();
    expect((await editorPage.goto(`${nr.baseURL}/admin/sensitive-words`))!.status()).toBe(404);
    expect((await editorPage.request.get(`${nr.baseURL}/admin/sensitive-words/export`)).status()).toBe(403);
  });
});

describe('in the editor', () => {
  it('the body marks the words; the publish panel names them and, as the list blocks, will not publish', async () => {
    const cookie = await staffCookie(nr, 'editor');
    const sectionId = await sectionIdInAdmin(nr.baseURL, cookie, demoSections.find((s) => s.slug === 'company')!.title);
    const { id } = await actionsAs(nr.baseURL, cookie)<{ id: number }>('createArticleAction', [{ title: '敏感词检查', body: doc('正文提到了赌博，也提到了 VPN。'), sectionId }]);
    const page = await (await signedInContext(browser, nr, 'editor')).newPage();
    await page.goto(`${nr.baseURL}/admin/articles/${id}`);
    const marks = page.locator('.ProseMirror .sensitive-word');
    await marks.first().waitFor({ timeout: 60_000 });
    expect(await marks.allTextContents()).toEqual(['赌博', 'VPN']);

    await page.getByRole('button', { name: et('publish'), exact: true }).click();
    const panel = publishPanel(page);
    const failing = panel.locator('[data-testid="publish-checklist"] li[data-ok="false"]');
    await expect(failing.allTextContents()).resolves.toEqual([expect.stringContaining('含有 2 个敏感词：')]);
    expect(await panel.getByRole('button', { name: et('publishNow'), exact: true }).isDisabled()).toBe(true);
  });
});
