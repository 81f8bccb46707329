import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { t as siteT } from '@/domain/i18n/messages';
import { demoSections } from '@/services/seed/demo-content';
import { launchBrowser } from '../helpers/browser';
import { actionsAs, addSession, closeAdmin, doc, et, mt, publishPanel, readerGet, sectionIdInAdmin, staffCookie, startAdmin, t, type AdminServer } from '../helpers/admin';

/**
 * Issues 13 and 15 in Chromium against the production build: a draft with a pasted image without
 * alt text saves; 发布 opens the publish panel, whose checklist (in Chinese) keeps the publish
 * button disabled until the alt text is written; 定时发布 opens the same panel with a time; the
 * staff preview is the reader's layout, at desktop or phone width.
 */

const SECTION = demoSections.find((s) => s.slug === 'company')!;

let nr: AdminServer;
let browser: Browser;
let editor: BrowserContext;
let sectionId: number;
let act: ReturnType<typeof actionsAs>;

const withPhoto = (text: string, alt: string) => ({
  type: 'doc',
  content: [...doc(text).content, { type: 'image', attrs: { src: '/icon.svg', alt } }],
});

const createDraft = (title: string, body: unknown) => act<{ id: number; version: number }>('createArticleAction', [{ title, body, sectionId }]);

async function openEditor(page: Page, id: number): Promise<void> {
  await page.goto(`${nr.baseURL}/admin/articles/${id}`);
  await page.locator('[contenteditable="true"]').and(page.getByLabel(et('fieldBody'), { exact: true })).waitFor({ timeout: 60_000 });
}

const statusText = async (page: Page) => (await page.getByTestId('article-status').textContent()) ?? '';
const focusInside = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="publish-dialog"]')));

beforeAll(async () => {
  nr = await startAdmin({ prefix: 'gazette-publish-', staff: [{ key: 'editor', role: 'editor' }] });
  const cookie = await staffCookie(nr, 'editor');
  act = actionsAs(nr.baseURL, cookie);
  browser = await launchBrowser();
  editor = await browser.newContext();
  await addSession(editor, nr.baseURL, cookie);
  sectionId = await sectionIdInAdmin(nr.baseURL, cookie, SECTION.title);
}, 240_000);

afterAll(() => closeAdmin(nr, browser));

describe('the publish checklist', () => {
  it('a draft whose image has no alt text saves; the panel lists what is missing, publish stays disabled until it is fixed, then confirm publishes', async () => {
    // The save that used to be refused ("Every image needs alt text").
    const { id } = await createDraft('端到端测试：发布前检查', withPhoto('发布前检查的正文。', ''));
    const page = await editor.newPage();
    await openEditor(page, id);

    const opener = page.getByRole('button', { name: et('publish'), exact: true });
    await opener.click();
    const panel = publishPanel(page);
    await panel.waitFor();
    expect(await focusInside(page)).toBe(true);
    const failing = panel.locator('[data-testid="publish-checklist"] li[data-ok="false"]');
    expect(await failing.allTextContents()).toEqual([`✗ ${et('checkFailed')}: ${et('check_imagesNeedAlt')}：每张图片都需要替代文字（缺少 1 处）。`]);
    expect(await panel.locator('[data-testid="publish-checklist"] li[data-ok="true"]', { hasText: et('check_checkSection') }).count()).toBe(1);
    const publishButton = panel.getByRole('button', { name: et('publishNow'), exact: true });
    expect(await publishButton.isDisabled()).toBe(true);

    // Escape closes the panel and gives the focus back to 立即发布.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(et('publish'));

    // Alt text, written in the image dialog of the selected image.
    await page.locator('.ProseMirror img').click();
    await page.getByRole('toolbar').getByRole('button', { name: et('image'), exact: true }).click();
    const imageDialog = page.getByRole('dialog');
    await imageDialog.getByLabel(/替代文字/).fill('一张粘贴进来的照片');
    await imageDialog.getByRole('button', { name: et('apply') }).click();

    await opener.click();
    await panel.waitFor();
    expect(await failing.count()).toBe(0);
    expect(await publishButton.isDisabled()).toBe(false);
    await publishButton.click();
    expect(await panel.getByTestId('publish-confirm-text').textContent()).toBe(et('publishConfirmNow'));
    await panel.getByRole('button', { name: et('confirmPublish'), exact: true }).click();
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toContain(et('state_published'));
    await page.close();

    const reader = await readerGet(nr.baseURL, `/articles/${id}`);
    expect(reader.status).toBe(200);
    expect(reader.text).toContain('alt="一张粘贴进来的照片"');
  }, 180_000);

  it('定时发布 opens the panel with the time input instead of an error, and schedules at that time', async () => {
    const { id } = await createDraft('端到端测试：定时发布', doc('定时发布的正文。'));
    const page = await editor.newPage();
    await openEditor(page, id);
    await page.getByRole('button', { name: et('schedule'), exact: true }).click();
    const panel = publishPanel(page);
    await panel.waitFor();
    expect(await panel.getByRole('radio', { name: et('publishLater') }).isChecked()).toBe(true);
    const time = panel.locator('input[type="datetime-local"]');
    expect(await time.isVisible()).toBe(true);
    const scheduleButton = panel.getByRole('button', { name: et('publishLater'), exact: true });
    expect(await scheduleButton.isDisabled()).toBe(true); // no time yet
    await time.fill('2099-01-01T09:00');
    await scheduleButton.click();
    expect(await panel.getByTestId('publish-confirm-text').textContent()).toMatch(/^将于 .*2099.* 发布。$/);
    await panel.getByRole('button', { name: et('confirmSchedule'), exact: true }).click();
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toContain(et('state_scheduled'));
    await page.close();
    expect((await readerGet(nr.baseURL, `/articles/${id}`)).status).toBe(404);
  }, 120_000);
});

describe('corrections and significant updates', () => {
  it('a minor edit shows no 更新时间; a correction added under the editor shows it, prints the note at the end and lists it on /corrections', async () => {
    const title = '端到端测试：更正';
    const { id } = await createDraft(title, doc('发布会在周五举行。'));
    await act('transitionArticleAction', [{ id, transition: 'publish' }]);
    const story = async () => (await readerGet(nr.baseURL, `/articles/${id}`)).text;
    expect(await story()).not.toContain('data-testid="revised-at"');

    const page = await editor.newPage();
    await openEditor(page, id);
    const card = page.locator('section[aria-labelledby="article-notices"]');
    await card.getByLabel(mt('noticeKind')).selectOption('correction');
    // Without a note a correction is refused, in the editor's language, and nothing is added.
    await card.getByRole('button', { name: mt('noticeAdd'), exact: true }).click();
    await expect.poll(() => page.locator('#new-notice-note-error').textContent(), { timeout: 30_000 }).toBe('请写明错在哪里、现已如何更正。');
    const note = '本文此前称发布会在周五举行，实为周四。';
    await card.getByLabel(mt('noticeNote')).fill(note);
    await card.getByRole('button', { name: mt('noticeAdd'), exact: true }).click();
    await expect.poll(() => card.locator('li').first().textContent(), { timeout: 30_000 }).toContain(note);
    await page.close();

    const html = await story();
    expect(html).toContain('data-testid="revised-at"');
    expect(html.replace(/<[^>]+>/g, '')).toMatch(new RegExp(`更正（\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}）：${note}`));
    const corrections = (await readerGet(nr.baseURL, '/corrections')).text;
    expect(corrections).toContain(`href="/articles/${id}-`);
    expect(corrections).toContain(note);
  }, 180_000);
});

describe('置顶 in a section', () => {
  it('the editor asks until when once 置顶 is ticked; the pinned story leads its section\'s first page, marked, and is not listed twice', async () => {
    const title = '端到端测试：栏目置顶';
    const { id } = await createDraft(title, doc('置顶稿件的正文。'));
    await act('transitionArticleAction', [{ id, transition: 'publish' }]);

    const page = await editor.newPage();
    await openEditor(page, id);
    const until = page.locator('#article-pinned-until');
    expect(await until.count()).toBe(0);
    await page.getByRole('checkbox', { name: et('fieldPinned'), exact: true }).check();
    expect(await until.isVisible()).toBe(true);
    expect(await page.locator('label[for="article-pinned-until"]').textContent()).toMatch(/^置顶至（.+）$/);
    await page.close();

    // The editor may have autosaved the tick: save on top of whatever version it left.
    const { version } = await act<{ version: number }>('loadEditableArticleAction', [{ id }]);
    await act('saveArticleAction', [{ id, baseVersion: version, values: { title, body: doc('置顶稿件的正文。'), sectionId, pinned: true, pinnedUntil: new Date(Date.now() + 86_400_000).toISOString() } }]);
    const html = (await readerGet(nr.baseURL, `/${SECTION.slug}`)).text;
    const pinnedList = /<ul[^>]*data-testid="pinned-stories"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(pinnedList).toContain(title);
    expect(pinnedList).toContain('置顶');
    expect(html.split(`>${title}<`).length - 1).toBe(1);
  }, 120_000);
});

describe('video embeds', () => {
  it('a pasted Bilibili link plays in the page, but the reader\'s browser asks Bilibili for nothing until the reader clicks', async () => {
    const video = 'https://www.bilibili.com/video/BV1GJ411x7h7';
    const body = { type: 'doc', content: [...doc('视频报道的导语。').content, { type: 'embed', attrs: { url: video, title: '发布会全程' } }] };
    const { id } = await createDraft('端到端测试：视频', body);
    await act('transitionArticleAction', [{ id, transition: 'publish' }]);

    const reader = await browser.newContext();
    const page = await reader.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(nr.baseURL)) outside.push(request.url());
    });
    // No network here: the player's answer is stubbed, but only once it is asked for.
    await page.route('https://player.bilibili.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>player</p>' }));
    await page.goto(`${nr.baseURL}/articles/${id}`);
    const placeholder = page.locator('.video-embed > summary');
    await placeholder.scrollIntoViewIfNeeded();
    expect(await placeholder.textContent()).toContain('发布会全程 · bilibili');
    await page.waitForTimeout(1_000);
    expect(outside).toEqual([]);

    await placeholder.click();
    await expect.poll(() => outside, { timeout: 15_000 }).toContain('https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=0');
    expect(outside.every((url) => url.startsWith('https://player.bilibili.com/'))).toBe(true);
    expect(await page.locator('.video-frame iframe').isVisible()).toBe(true);
    await reader.close();
  }, 120_000);
});

describe('the faithful preview', () => {
  it('shows the story in the site layout (header, breadcrumb, footer, no admin sidebar), and 390 px wide at phone width', async () => {
    const { id } = await createDraft('端到端测试：网站样式预览', doc('只在预览里出现的正文。'));
    await act('transitionArticleAction', [{ id, transition: 'submit' }]);
    const page = await editor.newPage();
    // From the review queue (the article list's in-review stories; the dashboard's card, showing
    // the five oldest of the demo's, uses the same table).
    await page.goto(`${nr.baseURL}/admin/articles?status=in_review`);
    const link = page.locator(`a[href="/admin/articles/${id}/preview"]`);
    expect(await link.textContent()).toBe(`${t('previewStory')}: 端到端测试：网站样式预览`);
    await link.click();
    await page.waitForURL(`${nr.baseURL}/admin/articles/${id}/preview`);

    const frame = page.frameLocator('[data-testid="site-preview"]');
    await frame.locator('article h1').first().waitFor({ timeout: 60_000 });
    expect(await frame.locator('body > header, header').first().isVisible()).toBe(true);
    expect(await frame.getByRole('navigation', { name: siteT('zh-CN', 'breadcrumb') }).textContent()).toContain(SECTION.title);
    expect(await frame.locator('footer').count()).toBeGreaterThan(0);
    expect(await frame.getByRole('navigation', { name: t('admin') }).count()).toBe(0);
    expect(await frame.locator('body').textContent()).toContain('只在预览里出现的正文。');

    await page.getByRole('link', { name: et('previewPhone'), exact: true }).click();
    await page.waitForURL(/device=phone$/);
    const phoneFrame = page.frameLocator('[data-testid="site-preview"]');
    await phoneFrame.locator('article h1').first().waitFor({ timeout: 60_000 });
    expect(await phoneFrame.locator('html').evaluate((html) => html.clientWidth)).toBe(390);
    await page.close();

    // The framed page itself: private, never indexed.
    const direct = await fetch(`${nr.baseURL}/preview/article/${id}`, { headers: { Cookie: await staffCookie(nr, 'editor') } });
    expect(direct.status).toBe(200);
    expect(direct.headers.get('cache-control')).toBe('private, no-store');
    expect(direct.headers.get('x-robots-tag')).toBe('noindex');
    expect(direct.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const anonymous = await fetch(`${nr.baseURL}/preview/article/${id}`, { redirect: 'manual' });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(400);
  }, 180_000);
});
