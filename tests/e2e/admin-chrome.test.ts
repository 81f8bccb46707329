import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoSections } from '@/services/seed/demo-content';
import { adminT } from '@/domain/i18n/admin';
import { translateMessage } from '@/domain/i18n/server-messages';
import { auditActionLabel } from '@/domain/i18n/audit-actions';
import { callAction } from '../helpers/actions';
import { axeViolations, launchBrowser } from '../helpers/browser';
import { addSession, closeAdmin, doc, et, mt, rawSignIn, sectionIdInAdmin, sessionCookie, staffCookie, startAdmin, t, type AdminServer } from '../helpers/admin';

/**
 * Issue 15, "the queue and the admin itself", in Chromium against the production build: each admin
 * page has its own title in the UI language, the sidebar marks where you are, on a phone the
 * sidebar folds behind a menu button, the audit log reads as words, and per-article stats name the
 * article.
 */

const SECTION = demoSections.find((s) => s.slug === 'company')!;
const PHONE = { width: 390, height: 844 };

let nr: AdminServer;
let browser: Browser;
let admin: BrowserContext;
let cookie: string;
let articleId: number;
const ARTICLE_TITLE = '端到端测试：管理后台外壳';

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${nr.baseURL}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

beforeAll(async () => {
  nr = await startAdmin({
    prefix: 'gazette-chrome-',
    staff: [
      { key: 'admin', role: 'admin' },
      { key: 'english', role: 'editor' },
      { key: 'gone', role: 'author', name: '已停用的记者' },
    ],
  });
  cookie = await staffCookie(nr, 'admin');
  browser = await launchBrowser();
  admin = await browser.newContext();
  await addSession(admin, nr.baseURL, cookie);
  const sectionId = await sectionIdInAdmin(nr.baseURL, cookie, SECTION.title);
  const created = await callAction<{ ok: boolean; data: { id: number } }>(nr.baseURL, 'createArticleAction', [{ title: ARTICLE_TITLE, body: doc('正文。'), sectionId }], { cookie });
  expect(created.value?.ok).toBe(true);
  articleId = created.value!.data.id;
}, 240_000);

afterAll(() => closeAdmin(nr, browser));

describe('every admin page has its own title, in the UI language', () => {
  it.each([
    ['/admin', '工作台 · 管理后台'],
    ['/admin/articles', '文章 · 管理后台'],
    ['/admin/articles?trash=1', '回收站 · 管理后台'],
    ['/admin/articles/new', '写文章 · 管理后台'],
    ['/admin/audit', '操作日志 · 管理后台'],
    ['/admin/stats', '浏览统计 · 管理后台'],
    ['/admin/tags', '标签 · 管理后台'],
    ['/admin/webhooks', 'Webhook · 管理后台'],
    ['/admin/notifications', '通知 · 管理后台'],
  ])('%s is “%s”', async (path, title) => {
    const page = await open(admin, path);
    expect(await page.title()).toBe(title);
    await page.close();
  }, 60_000);

  it('in English for a user who chose English: “Articles · Newsroom”', async () => {
    const english = nr.staff.english!;
    const englishCookie = await sessionCookie(nr.baseURL, english.email, english.password);
    const saved = await callAction<{ ok: boolean }>(nr.baseURL, 'setUiLocaleAction', [{ uiLocale: 'en' }], { cookie: englishCookie });
    expect(saved.value?.ok).toBe(true);
    const context = await browser.newContext();
    await addSession(context, nr.baseURL, englishCookie);
    const page = await open(context, '/admin/articles');
    expect(await page.title()).toBe(`${adminT('en')('articles')} · ${adminT('en')('admin')}`);
    expect(await page.title()).toBe('Articles · Newsroom');
    await context.close();
  }, 60_000);
});

describe('the sidebar marks the current page', () => {
  it('aria-current="page" on 文章 at /admin/articles and on 写文章 (not 文章) at /admin/articles/new, with a visible mark', async () => {
    const page = await open(admin, '/admin/articles');
    const nav = page.getByRole('navigation', { name: t('admin') });
    const articles = nav.getByRole('link', { name: t('articles'), exact: true });
    const dashboard = nav.getByRole('link', { name: t('dashboard'), exact: true });
    expect(await articles.getAttribute('aria-current')).toBe('page');
    expect(await dashboard.getAttribute('aria-current')).toBeNull();
    expect(await nav.locator('[aria-current="page"]').count()).toBe(1);
    const background = (l: typeof articles) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background(articles)).not.toBe(await background(dashboard));

    // Client navigation moves the mark.
    await nav.getByRole('link', { name: t('newArticle'), exact: true }).click();
    await page.waitForURL('**/admin/articles/new');
    await expect.poll(() => nav.getByRole('link', { name: t('newArticle'), exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await articles.getAttribute('aria-current')).toBeNull();
    await page.close();
  }, 60_000);
});

describe('on a 390 px phone the sidebar folds behind a menu button', () => {
  it('the editor’s title field is on the first screen; the button opens the navigation and a link closes it', async () => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    await addSession(context, nr.baseURL, cookie);
    const page = await open(context, '/admin/articles/new');
    const title = page.getByLabel(et('fieldTitle'), { exact: true });
    const box = await title.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeLessThan(PHONE.height);

    const button = page.getByRole('button', { name: t('menu'), exact: true });
    const nav = page.getByRole('navigation', { name: t('admin') });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator(`#${await button.getAttribute('aria-controls')}`).count()).toBe(1);
    expect(await nav.isVisible()).toBe(false);

    await expect.poll(async () => {
      await button.click();
      return button.getAttribute('aria-expanded');
    }).toBe('true'); // the first tap may land before hydration
    expect(await nav.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await nav.getByRole('link', { name: t('articles'), exact: true }).click();
    await page.waitForURL('**/admin/articles');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    await context.close();
  }, 60_000);

  it('wide screens show the sidebar and no menu button', async () => {
    const page = await open(admin, '/admin/articles');
    expect(await page.getByRole('navigation', { name: t('admin') }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: t('menu'), exact: true }).isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('without JavaScript the navigation simply stays in view', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    await addSession(context, nr.baseURL, cookie);
    const page = await open(context, '/admin/articles');
    expect(await page.getByRole('navigation', { name: t('admin') }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: t('menu'), exact: true }).isVisible()).toBe(false);
    await context.close();
  }, 60_000);
});

describe('the audit log reads as words', () => {
  it('shows 新建文章 and 登录失败, not article.create or auth.sign-in-failed', async () => {
    await rawSignIn(nr.baseURL, nr.staff.admin!.email, 'not-the-password');
    const page = await open(admin, '/admin/audit');
    const actions = await page.locator('td[data-action]').evaluateAll((cells) => cells.map((c) => ({ code: c.getAttribute('data-action')!, text: c.textContent!.trim() })));
    const codes = new Set(actions.map((a) => a.code));
    expect(codes).toContain('article.create');
    expect(codes).toContain('auth.sign-in-failed');
    for (const { code, text } of actions) {
      expect(text, code).toBe(auditActionLabel('zh-CN', code));
      expect(text, code).not.toContain(code);
    }
    const body = (await page.locator('main').textContent())!;
    expect(body).toContain('新建文章');
    expect(body).toContain('登录失败');
    expect(body).not.toContain('article.create');
    await page.close();
  }, 60_000);
});

describe('per-article stats name the article', () => {
  it('an article with no views this period is headed by its title, not #id', async () => {
    const page = await open(admin, `/admin/stats?article=${articleId}`);
    const heading = (await page.getByRole('heading', { level: 2 }).first().textContent())!;
    expect(heading).toContain(ARTICLE_TITLE);
    expect(heading).not.toContain(`#${articleId}`);
    await page.close();
  }, 60_000);
});

describe('users, the author picker and restoring a live story', () => {
  it('the users screens say in one line what each role may do', async () => {
    const page = await open(admin, '/admin/users');
    const text = (await page.locator('main').textContent())!;
    for (const role of ['contributor', 'author', 'editor', 'admin'] as const) expect(text).toContain(t(`roleCan_${role}`));
    await page.close();
  }, 60_000);

  it('推荐到首页 and 置顶 each say in one line what they do', async () => {
    const page = await open(admin, '/admin/articles/new');
    for (const [name, hint] of [[et('fieldFeatured'), et('featuredHint')], [et('fieldPinned'), et('pinnedHint')]] as const) {
      const box = page.getByRole('checkbox', { name });
      const described = (await box.getAttribute('aria-describedby'))!.split(' ');
      const texts = await Promise.all(described.map((id) => page.locator(`[id="${id}"]`).textContent()));
      expect(texts.map((text) => text?.trim())).toContain(hint);
    }
    await page.close();
  }, 60_000);

  it('a disabled account is not offered as an author', async () => {
    const before = await open(admin, '/admin/articles/new');
    expect(await before.locator('main').textContent()).toContain('已停用的记者');
    await before.close();
    const disabled = await callAction<{ ok: boolean }>(nr.baseURL, 'setUserDisabledAction', [{ id: nr.staff.gone!.id, disabled: true }], { cookie });
    expect(disabled.value?.ok).toBe(true);
    const after = await open(admin, '/admin/articles/new');
    expect(await after.locator('main').textContent()).not.toContain('已停用的记者');
    await after.close();
  }, 60_000);

  it('restoring a revision of a published story warns that the live page changes', async () => {
    const published = await callAction<{ ok: boolean; data: { version: number } }>(nr.baseURL, 'transitionArticleAction', [{ id: articleId, transition: 'publish' }], { cookie });
    expect(published.value?.ok).toBe(true);
    const page = await open(admin, `/admin/articles/${articleId}/revisions`);
    const revision = Math.min(...[...(await page.content()).matchAll(/revisions\?rev=(\d+)/g)].map((m) => Number(m[1])));
    await page.goto(`${nr.baseURL}/admin/articles/${articleId}/revisions?rev=${revision}`);
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); void dialog.dismiss(); }));
    await page.getByRole('button', { name: et('restoreRevision') }).click();
    expect(await asked).toBe(et('restoreConfirmLive'));
    await page.close();
  }, 60_000);
});

describe('the dashboard is the newsroom’s queue', () => {
  it("shows the author's note and the waiting time in the review card, and each count opens its filtered list", async () => {
    const sectionId = await sectionIdInAdmin(nr.baseURL, cookie, SECTION.title);
    const title = '端到端测试：等待审核的稿件';
    const created = await callAction<{ ok: boolean; data: { id: number } }>(nr.baseURL, 'createArticleAction', [{ title, body: doc('正文。'), sectionId }], { cookie });
    const submitted = await callAction<{ ok: boolean }>(nr.baseURL, 'transitionArticleAction', [{ id: created.value!.data.id, transition: 'submit', note: '请核对第二段的数字。' }], { cookie });
    expect(submitted.value?.ok).toBe(true);
    const page = await open(admin, '/admin');
    const card = page.getByRole('region', { name: new RegExp(`^${t('reviewQueue')}`) });
    expect(await card.getByRole('columnheader', { name: t('waitingFor') }).count()).toBe(1);
    const row = card.getByRole('row').filter({ hasText: title });
    expect(await row.locator('q').textContent()).toBe('请核对第二段的数字。');
    expect(await row.textContent()).toContain('1 分钟');
    // Editors see every draft, not only their own.
    expect(await page.getByRole('region', { name: new RegExp(`^${t('allDrafts')}`) }).count()).toBe(1);
    await card.getByTestId('count-reviewQueue').click();
    await page.waitForURL(`${nr.baseURL}/admin/articles?status=in_review`);
    expect(await page.getByRole('row').filter({ hasText: title }).count()).toBe(1);
    await page.close();
  }, 60_000);
});

describe('settings: the menu is picked from the site, the time zone is searched', () => {
  it('an address picked from the sections fills the empty label; an address that answers nothing is refused by row', async () => {
    const page = await open(admin, '/admin/settings');
    const zone = page.getByLabel(mt('timeZone'));
    expect(await zone.getAttribute('list')).toBe('time-zones');
    expect(await page.locator('#time-zones option[value="Asia/Shanghai"]').count()).toBe(1);
    await page.getByRole('button', { name: `+ ${mt('addNavItem')}` }).click();
    const rows = page.locator('fieldset ol li');
    const last = rows.last();
    await last.getByLabel(mt('navHref')).fill(`/${SECTION.slug}`);
    expect(await last.getByLabel(mt('navLabel')).inputValue()).toBe(SECTION.title);
    await last.getByLabel(mt('navHref')).fill('/no-such-page');
    await page.getByRole('button', { name: t('save') }).click();
    const count = await rows.count();
    const error = page.locator('#settings-nav-error');
    await expect(error.getByText(translateMessage('zh-CN', { code: 'navHrefUnknown', params: { row: count, href: '/no-such-page' } })).waitFor()).resolves.toBeUndefined();
    await page.close();
  }, 60_000);
});

describe('links in the editor end where the editor made them end', () => {
  it('text typed after a link is not part of it, and 移除 on a selection unlinks only that part', async () => {
    const page = await open(admin, '/admin/articles/new');
    const body = page.locator('[contenteditable="true"]').and(page.getByLabel(et('fieldBody'), { exact: true }));
    await body.click();
    await page.keyboard.type('ABCDEF');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: et('link'), exact: true }).click();
    await page.getByLabel(et('linkUrl')).fill('https://example.com/story');
    await page.getByRole('button', { name: et('apply') }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('之后');
    expect(await body.locator('a').textContent()).toBe('ABCDEF');
    expect(await body.textContent()).toBe('ABCDEF之后');
    // Select "DEF" inside the link and remove the link from it alone.
    await page.keyboard.press('End');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.getByRole('button', { name: et('link'), exact: true }).click();
    await page.getByRole('button', { name: et('remove'), exact: true }).click();
    expect(await body.locator('a').textContent()).toBe('ABC');
    await page.close();
  }, 60_000);
});
