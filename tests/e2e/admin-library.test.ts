import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { demoSections } from '@/services/seed/demo-content';
import { mediaT } from '@/domain/i18n/admin-media';
import { launchBrowser } from '../helpers/browser';
import { actionsAs, closeAdmin, et, mt as manageText, readerGet, request, signedInContext, staffCookie, startAdmin, t, type AdminServer } from '../helpers/admin';

/**
 * Issue 15, the library inside the editor, in Chromium: a cover picked from the library shows as
 * a thumbnail, is saved and reaches readers, and is removed again; an image goes into the body
 * from the image dialog's library picker; a hot-linked image is copied into the library.
 */

const mt = mediaT('zh-CN');
const SECTION = demoSections.find((s) => s.slug === 'company')!;
const COVER_NAME = `library-cover-${process.pid}.png`;
const BODY_NAME = `library-body-${process.pid}.png`;

let nr: AdminServer;
let browser: Browser;
let editor: BrowserContext;
let act: ReturnType<typeof actionsAs>;
let articleId: number;
let coverId: number;
let remote: http.Server;
let remoteBase: string;

const pngOf = (background: string) => sharp({ create: { width: 400, height: 300, channels: 3, background } }).png().toBuffer();

async function upload(cookie: string, name: string, background: string): Promise<{ id: number; url: string }> {
  const res = await request(`${nr.baseURL}/api/media`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: nr.baseURL, 'Content-Type': 'image/png', 'X-File-Name': encodeURIComponent(name) },
    body: await pngOf(background),
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text()}`);
  return JSON.parse(res.text()) as { id: number; url: string };
}

const bodyEditor = (page: Page): Locator => page.locator('[contenteditable="true"]').and(page.getByLabel(et('fieldBody'), { exact: true }));
const coverCard = (page: Page) => page.locator('fieldset').filter({ has: page.locator('legend', { hasText: et('groupCover') }) });
const waitForSaved = (page: Page) =>
  page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved', undefined, { timeout: 60_000 });

/** Picks the library image named `name` in the open picker, finding it by search. */
async function pickFromLibrary(page: Page, name: string): Promise<void> {
  const picker = page.getByTestId('library-picker');
  await picker.getByLabel(mt('pickSearch')).fill(name);
  const item = picker.getByRole('button', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await item.waitFor({ timeout: 30_000 }).catch(async (error: Error) => {
    throw new Error(`${error.message}\nThe picker shows: ${await picker.innerText().catch(() => '(nothing)')}`);
  });
  // Keyboard: focus the image and pick it with Enter.
  await item.focus();
  await page.keyboard.press('Enter');
  await picker.waitFor({ state: 'detached', timeout: 10_000 });
}

beforeAll(async () => {
  const png = await pngOf('#a3c');
  remote = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(png);
  });
  await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
  remoteBase = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
  nr = await startAdmin({ prefix: 'gazette-library-', staff: [
      { key: 'editor', role: 'editor', name: '图片编辑' },
      { key: 'admin', role: 'admin', name: '站点管理员' },
    ], env: { OUTBOUND_ALLOW_HOSTS: '127.0.0.1' } });
  browser = await launchBrowser();
  editor = await signedInContext(browser, nr, 'editor');
  const cookie = await staffCookie(nr, 'editor');
  act = actionsAs(nr.baseURL, cookie);
  coverId = (await upload(cookie, COVER_NAME, '#2a6')).id;
  await act('updateMediaAction', [{ id: coverId, alt: '绿色的封面测试图', caption: '' }]);
  await upload(cookie, BODY_NAME, '#c84');
}, 240_000);

afterAll(async () => {
  await closeAdmin(nr, browser);
  await new Promise<void>((resolve) => remote?.close(() => resolve()));
});

describe('the library inside the editor', () => {
  it('a cover picked from the library shows as a thumbnail, is saved, and readers see it', async () => {
    const page = await editor.newPage();
    await page.goto(`${nr.baseURL}/admin/articles/new`);
    await bodyEditor(page).waitFor({ timeout: 60_000 });
    await page.getByLabel(et('fieldTitle'), { exact: true }).fill('媒体库封面测试');
    const select = page.getByLabel(et('fieldSection'), { exact: true });
    await select.selectOption((await select.locator('option', { hasText: SECTION.title }).first().getAttribute('value'))!);
    await bodyEditor(page).click();
    await page.keyboard.type('正文第一段。');

    await coverCard(page).getByRole('button', { name: et('pickFromLibrary') }).click();
    await pickFromLibrary(page, COVER_NAME);
    const thumb = page.getByTestId('cover-preview').locator('img');
    await expect.poll(() => thumb.getAttribute('src')).toMatch(/^\/media\/.+\.webp$/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // The library's alt comes with it.
    expect(await page.getByLabel(et('fieldCoverAlt')).inputValue()).toBe('绿色的封面测试图');
    await expect(coverCard(page).getByRole('button', { name: et('coverReplace') }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: et('save'), exact: true }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/, { timeout: 60_000 });
    await waitForSaved(page);
    articleId = Number(/\/admin\/articles\/(\d+)$/.exec(page.url())![1]);
    const { version } = await act<{ version: number }>('loadEditableArticleAction', [{ id: articleId }]);
    await act('transitionArticleAction', [{ id: articleId, transition: 'publish', baseVersion: version }]);

    const reader = await readerGet(nr.baseURL, `/articles/${articleId}`);
    expect(reader.status).toBe(200);
    expect(reader.text).toMatch(/<img[^>]*alt="绿色的封面测试图"/);
    expect(reader.text).toMatch(/srcset="[^"]*\/media\/[^"]* 320w/i);
    await page.close();
  }, 240_000);

  it('the cover is removed with 移除 and the saved story has none', async () => {
    const page = await editor.newPage();
    await page.goto(`${nr.baseURL}/admin/articles/${articleId}`);
    await bodyEditor(page).waitFor({ timeout: 60_000 });
    await page.getByTestId('cover-preview').waitFor();
    await coverCard(page).getByRole('button', { name: et('coverRemove') }).click();
    await expect(page.getByTestId('cover-preview').count()).resolves.toBe(0);
    await page.getByRole('button', { name: et('saveChanges'), exact: true }).click();
    const cover = async () => (await act<{ values: { coverMediaId: number | null; coverImageUrl: string | null } }>('loadEditableArticleAction', [{ id: articleId }])).values;
    await expect.poll(cover, { timeout: 60_000 }).toMatchObject({ coverMediaId: null });
    expect((await cover()).coverImageUrl ?? '').toBe('');
    expect((await readerGet(nr.baseURL, `/articles/${articleId}`)).text).not.toContain('绿色的封面测试图');
    await page.close();
  }, 240_000);

  it('an image goes into the body from the image dialog’s library picker, with the id readers’ sources need', async () => {
    const page = await editor.newPage();
    await page.goto(`${nr.baseURL}/admin/articles/${articleId}`);
    await bodyEditor(page).waitFor({ timeout: 60_000 });
    await bodyEditor(page).click();
    await page.keyboard.press('End');
    await page.getByRole('toolbar').getByRole('button', { name: et('image') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: et('imageAlt') });
    await dialog.getByRole('button', { name: et('pickFromLibrary') }).click();
    await pickFromLibrary(page, BODY_NAME);
    // The image dialog is still open, with the picked address in it.
    await expect.poll(() => dialog.getByLabel(et('imageUrl')).inputValue()).toMatch(/^\/media\/.+\/original\.png$/);
    await dialog.getByLabel(/替代文字/).fill('橙色的正文测试图');
    await dialog.getByRole('button', { name: et('apply') }).click();
    await expect.poll(() => bodyEditor(page).locator('figure img').count()).toBe(1);
    await page.getByRole('button', { name: et('saveChanges'), exact: true }).click();
    const bodyImage = async () =>
      (await act<{ values: { body: { content: { type: string; attrs?: Record<string, unknown> }[] } } }>('loadEditableArticleAction', [{ id: articleId }])).values.body.content.find((n) => n.type === 'image')?.attrs;
    await expect.poll(bodyImage, { timeout: 60_000 }).toMatchObject({ alt: '橙色的正文测试图', mediaId: expect.any(Number) });
    // One alt per image: the library item had none, the story's filled it.
    const library = await act<{ items: { id: number; alt: string }[] }>('listMediaAction', [{ q: BODY_NAME }]);
    expect(library.items[0]?.alt).toBe('橙色的正文测试图');
    await page.close();
  }, 240_000);

  it('a hot-linked image is copied into the library with 本地化远程图片 and keeps its alt', async () => {
    const page = await editor.newPage();
    await page.goto(`${nr.baseURL}/admin/articles/${articleId}`);
    await bodyEditor(page).waitFor({ timeout: 60_000 });
    await bodyEditor(page).click();
    await page.keyboard.press('End');
    await page.getByRole('toolbar').getByRole('button', { name: et('image') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: et('imageAlt') });
    const remoteUrl = `${remoteBase}/mmbiz_png/abc/640?wx_fmt=png`;
    await dialog.getByLabel(et('imageUrl')).fill(remoteUrl);
    await dialog.getByLabel(/替代文字/).fill('紫色的外站图片');
    await dialog.getByRole('button', { name: et('apply') }).click();

    const rehost = page.getByRole('button', { name: et('rehostRemote', { count: 1 }) });
    await rehost.click();
    await expect.poll(() => page.getByTestId('remote-images').textContent(), { timeout: 60_000 }).toContain(et('rehostDone', { count: 1 }));
    const srcs = await bodyEditor(page).locator('figure img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')));
    expect(srcs).not.toContain(remoteUrl);
    expect(srcs.every((src) => src?.startsWith('/media/'))).toBe(true);
    await page.getByRole('button', { name: et('saveChanges'), exact: true }).click();
    await waitForSaved(page);
    const library = await act<{ items: { id: number; alt: string; originalName: string }[] }>('listMediaAction', [{ q: '紫色的外站图片' }]);
    expect(library.items).toEqual([expect.objectContaining({ alt: '紫色的外站图片', originalName: '127.0.0.1-640' })]);
    const saved = await act<{ values: { body: { content: { type: string; attrs?: Record<string, unknown> }[] } } }>('loadEditableArticleAction', [{ id: articleId }]);
    expect(saved.values.body.content.filter((n) => n.type === 'image').map((n) => n.attrs?.mediaId)).toContain(library.items[0]!.id);
    await page.close();
  }, 240_000);
});

describe('the site logo', () => {
  it('is picked from the library in the settings, and the reader header shows it', async () => {
    const context = await signedInContext(browser, nr, 'admin');
    const page = await context.newPage();
    await page.goto(`${nr.baseURL}/admin/settings`);
    await page.getByRole('button', { name: mt('logoPick') }).click();
    await pickFromLibrary(page, COVER_NAME);
    const field = page.getByLabel(manageText('logoUrl'));
    await expect.poll(() => field.inputValue()).toMatch(/^\/media\/.+\/original\.png$/);
    const logo = await field.inputValue();
    await expect.poll(() => page.getByTestId('logo-preview').getAttribute('src')).toBe(logo);
    await page.getByRole('button', { name: t('save'), exact: true }).click();
    await expect.poll(async () => (await readerGet(nr.baseURL, '/')).text, { timeout: 30_000 }).toContain(`src="${logo}"`);
    await context.close();
  }, 120_000);
});
