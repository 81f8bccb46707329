import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { demoSections } from '@/services/seed/demo-content';
import { axeViolations, launchBrowser } from '../helpers/browser';
import { closeAdmin, et, mt, publishInEditor, readerGet, signedInContext, startAdmin, t, type AdminServer } from '../helpers/admin';

/**
 * The main scenario, in Chromium: a contributor writes and submits a draft, an editor
 * reviews, edits and publishes it, readers see it at once, a correction shows at once, a stale
 * tab meets the conflict message, and drafts can be previewed by staff and through a share link.
 */

const SECTION = demoSections.find((s) => s.slug === 'company')!;
const TITLE = '端到端测试：开放日活动回顾';
const FIRST = '本次开放日共有一百二十位读者参加。';
const CORRECTED = '本次开放日共有一百五十位读者参加。';
const EDITOR_ADDITION = '编辑补充：活动照片将于下周发布。';
const NOTE = '请核对参加人数。';
const RETURN_REASON = '请补充活动的举办地点。';
const REPLY = '已补充：活动在青禾网络北京办公室举办。';

let nr: AdminServer;
let browser: Browser;
let contributor: BrowserContext;
let editor: BrowserContext;
let articleId: number;
let publicPath: string;

function bodyEditor(page: Page): Locator {
  return page.locator('[contenteditable="true"]').and(page.getByLabel(et('fieldBody'), { exact: true }));
}

async function waitForSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved', undefined, { timeout: 60_000 });
}

/** The editor island is interactive once Tiptap has mounted its editable body. */
async function openEditor(page: Page, path: string): Promise<void> {
  await page.goto(`${nr.baseURL}${path}`);
  await bodyEditor(page).waitFor({ timeout: 60_000 });
}

async function selectSection(page: Page, title: string): Promise<void> {
  const select = page.getByLabel(et('fieldSection'), { exact: true });
  const value = await select.locator('option', { hasText: title }).first().getAttribute('value');
  await select.selectOption(value!);
}

/** In the open new-article editor: fills in a title, the section and a body, saves, and answers the new article's id once saved. */
async function writeNewDraft(page: Page, title: string, text: string): Promise<number> {
  await page.getByLabel(et('fieldTitle'), { exact: true }).fill(title);
  await selectSection(page, SECTION.title);
  await bodyEditor(page).click();
  await page.keyboard.type(text);
  await page.getByRole('button', { name: et('save'), exact: true }).click();
  await page.waitForURL(/\/admin\/articles\/\d+$/, { timeout: 60_000 });
  await waitForSaved(page);
  return Number(/\/admin\/articles\/(\d+)$/.exec(page.url())![1]);
}

async function workflowStatus(page: Page): Promise<string> {
  return (await page.getByTestId('article-status').textContent())!.trim();
}

async function waitForStatus(page: Page, state: Parameters<typeof et>[0]): Promise<void> {
  const expected = et('currentStatus', { status: et(state) });
  await page.waitForFunction((text) => document.querySelector('[data-testid="article-status"]')?.textContent?.includes(text), expected, { timeout: 60_000 });
}

/** A reader's GET (a fresh request, no browser cache, no session). */
const html = (path: string) => readerGet(nr.baseURL, path);

beforeAll(async () => {
  nr = await startAdmin({
    prefix: 'gazette-workflow-',
    staff: [
      { key: 'contributor', role: 'contributor', name: '投稿人小赵' },
      { key: 'editor', role: 'editor', name: '值班编辑老钱' },
    ],
  });
  browser = await launchBrowser();
  contributor = await signedInContext(browser, nr, 'contributor');
  editor = await signedInContext(browser, nr, 'editor');
}, 240_000);

afterAll(() => closeAdmin(nr, browser));

describe('from draft to correction', () => {
  it('a contributor writes a draft in the editor (title, section, body) and saves it', async () => {
    const page = await contributor.newPage();
    await openEditor(page, '/admin/articles/new');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(et('newArticleTitle'));
    articleId = await writeNewDraft(page, TITLE, FIRST);
    expect(await workflowStatus(page)).toContain(et('state_draft'));
    // A reload shows what the server holds.
    await openEditor(page, `/admin/articles/${articleId}`);
    await expect(page.getByLabel(et('fieldTitle'), { exact: true }).inputValue()).resolves.toBe(TITLE);
    await expect(bodyEditor(page).textContent()).resolves.toContain(FIRST);
    await page.close();
  }, 180_000);

  it('the contributor submits it for review with a note; it is not public', async () => {
    const page = await contributor.newPage();
    await openEditor(page, `/admin/articles/${articleId}`);
    await page.getByLabel(et('reviewNoteLabel')).fill(NOTE);
    await page.getByRole('button', { name: et('submit'), exact: true }).click();
    await waitForStatus(page, 'state_in_review');
    // A contributor has no publish button, whatever the state.
    await expect(page.getByRole('button', { name: et('publish'), exact: true }).count()).resolves.toBe(0);
    await page.close();
    expect((await html(`/articles/${articleId}`)).status).toBe(404);
  }, 120_000);

  it('the editor sends it back saying why (not without a reason); the contributor reads it in the conversation, answers there and submits again', async () => {
    const page = await editor.newPage();
    await openEditor(page, `/admin/articles/${articleId}`);
    const sendBack = page.getByRole('button', { name: et('returnToAuthor'), exact: true });
    await sendBack.click();
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 }).toContain('请写明退回原因');
    expect(await workflowStatus(page)).toContain(et('state_in_review'));
    await page.getByLabel(et('returnNoteLabel')).fill(RETURN_REASON);
    await sendBack.click();
    await waitForStatus(page, 'state_draft');
    await page.close();

    const own = await contributor.newPage();
    await openEditor(own, `/admin/articles/${articleId}`);
    const conversation = own.locator('section[aria-labelledby="article-conversation"]');
    const thread = conversation.getByTestId('conversation');
    expect(await thread.locator('li').allTextContents()).toEqual([
      expect.stringContaining(NOTE),
      expect.stringMatching(new RegExp(`值班编辑老钱 · ${mt('commentReturned')} · .*${RETURN_REASON}`)),
    ]);
    await conversation.getByLabel(mt('commentBody')).fill(REPLY);
    await conversation.getByRole('button', { name: mt('commentAdd'), exact: true }).click();
    await expect.poll(() => thread.locator('li').count(), { timeout: 30_000 }).toBe(3);
    expect(await thread.locator('li').last().textContent()).toContain(REPLY);
    await own.getByRole('button', { name: et('submit'), exact: true }).click();
    await waitForStatus(own, 'state_in_review');

    // The bell told the contributor, with who and which story; clearing it clears the count.
    expect(await own.getByTestId('unread-count').locator('.sr-only').textContent()).toBe(t('unreadNotifications', { count: 1 }));
    await own.getByRole('link', { name: new RegExp(`^${t('notifications')}`) }).click();
    await own.waitForURL(`${nr.baseURL}/admin/notifications`);
    const item = own.getByTestId('notifications').locator('li[data-unread="true"]');
    expect(await item.textContent()).toContain(`${mt('notifyReturned', { who: '值班编辑老钱' })}：${TITLE}`);
    await own.getByRole('button', { name: mt('markAllRead'), exact: true }).click();
    await expect.poll(() => own.getByTestId('unread-count').count(), { timeout: 30_000 }).toBe(0);
    await own.close();
  }, 180_000);

  it('an editor finds it in the review queue on the dashboard, reads the note, edits the body and publishes it', async () => {
    const page = await editor.newPage();
    await page.goto(`${nr.baseURL}/admin`);
    const queue = page.getByRole('region', { name: new RegExp(`^${t('reviewQueue')}`) });
    await queue.getByRole('link', { name: TITLE, exact: true }).click();
    await page.waitForURL(`${nr.baseURL}/admin/articles/${articleId}`);
    await bodyEditor(page).waitFor({ timeout: 60_000 });
    // The submit note, in the conversation under the editor.
    await expect(page.getByTestId('conversation').getByText(NOTE).isVisible()).resolves.toBe(true);

    await bodyEditor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(EDITOR_ADDITION);
    await publishInEditor(page);
    await waitForStatus(page, 'state_published');
    await waitForSaved(page);
    await page.close();
  }, 180_000);

  it('readers see it at once, with the editor’s text, at its URL and on its section page', async () => {
    const article = await html(`/articles/${articleId}`);
    expect(article.status).toBe(200);
    publicPath = new URL(article.url).pathname;
    expect(publicPath).toMatch(new RegExp(`^/articles/${articleId}-`));
    expect(article.text).toContain(TITLE);
    expect(article.text).toContain(FIRST);
    expect(article.text).toContain(EDITOR_ADDITION);

    const section = await html(`/${SECTION.slug}`);
    expect(section.status).toBe(200);
    expect(section.text).toContain(`href="${publicPath}"`);
    expect(section.text).toContain(TITLE);
  });

  it('a correction saved by the editor is on the public pages at the next request; a tab opened before it gets the conflict message on save', async () => {
    const stale = await editor.newPage();
    await openEditor(stale, `/admin/articles/${articleId}`);
    const page = await editor.newPage();
    await openEditor(page, `/admin/articles/${articleId}`);
    await expect(page.getByText(et('autosaveOff')).isVisible()).resolves.toBe(true);

    await bodyEditor(page).locator('p', { hasText: FIRST }).click({ clickCount: 3 });
    await page.keyboard.type(CORRECTED);
    await page.getByRole('button', { name: et('saveChanges'), exact: true }).click();
    await waitForSaved(page);

    const article = await html(publicPath);
    expect(article.text).toContain(CORRECTED);
    expect(article.text).not.toContain(FIRST);
    expect(article.text).toContain(EDITOR_ADDITION);
    const section = await html(`/${SECTION.slug}`);
    expect(section.text).toContain(CORRECTED); // the excerpt follows the first paragraph
    expect(section.text).not.toContain(FIRST);

    // The stale tab still shows the old text; its save must not overwrite the correction.
    await expect(bodyEditor(stale).textContent()).resolves.toContain(FIRST);
    await bodyEditor(stale).click();
    await stale.keyboard.press('Control+End');
    await stale.keyboard.type('（旧标签页的修改）');
    await stale.getByRole('button', { name: et('saveChanges'), exact: true }).click();
    await stale.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'conflict', undefined, { timeout: 60_000 });
    await expect(stale.getByRole('alert').filter({ hasText: et('conflictMessage') }).textContent()).resolves.toContain(et('conflictMessage'));
    await expect(stale.getByRole('button', { name: et('compareAndMerge') }).isVisible()).resolves.toBe(true);

    const after = await html(publicPath);
    expect(after.text).toContain(CORRECTED);
    expect(after.text).not.toContain('旧标签页的修改');
    await stale.close();
    await page.close();
  }, 240_000);
});

describe('previewing a draft', () => {
  const DRAFT_TITLE = '端到端测试：尚未发布的预览稿';
  const DRAFT_TEXT = '这段文字只应出现在预览里。';
  let draftId: number;
  let shareUrl: string;

  it('a draft shows at its staff preview URL', async () => {
    const page = await contributor.newPage();
    await openEditor(page, '/admin/articles/new');
    draftId = await writeNewDraft(page, DRAFT_TITLE, DRAFT_TEXT);

    // The admin's preview page frames the story in the reader's layout.
    await page.goto(`${nr.baseURL}/admin/articles/${draftId}/preview`);
    const frame = page.frameLocator('[data-testid="site-preview"]');
    await frame.locator('article h1').first().waitFor({ timeout: 60_000 });
    const main = (await frame.locator('body').textContent())!;
    expect(main).toContain(DRAFT_TITLE);
    expect(main).toContain(DRAFT_TEXT);
    expect(main).toContain(et('previewBanner', { status: et('state_draft') }));
    await page.close();

    expect((await html(`/articles/${draftId}`)).status).toBe(404);
    const anonymous = await fetch(`${nr.baseURL}/admin/articles/${draftId}/preview`, { redirect: 'manual' });
    expect(new URL(anonymous.headers.get('location') ?? '/', nr.baseURL).pathname).toBe('/admin/login');
  }, 180_000);

  it('a share link shows the draft in a fresh browser without a session, and is never cached', async () => {
    const page = await contributor.newPage();
    await openEditor(page, `/admin/articles/${draftId}`);
    await page.getByRole('button', { name: et('shareLink') }).click();
    const field = page.locator('#preview-share-url');
    await field.waitFor({ timeout: 30_000 });
    shareUrl = await field.inputValue();
    expect(shareUrl).toMatch(new RegExp(`^${nr.baseURL}/preview/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$`));
    await page.close();

    const stranger = await browser.newContext();
    try {
      const p = await stranger.newPage();
      const res = await p.goto(shareUrl);
      expect(res?.status()).toBe(200);
      const text = (await p.locator('body').textContent())!;
      expect(text).toContain(DRAFT_TITLE);
      expect(text).toContain(DRAFT_TEXT);
      expect(text).toContain(et('previewSharedBanner'));
      expect(await stranger.cookies()).toEqual([]);
    } finally {
      await stranger.close();
    }

    const res = await fetch(shareUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    // A tampered token shows nothing: another character in the signature (not the last one, whose
    // low bits base64url decoding ignores), or the same signature on another article's claims.
    const [payload, signature] = shareUrl.slice(shareUrl.lastIndexOf('/') + 1).split('.') as [string, string];
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect((await fetch(`${nr.baseURL}/preview/${payload}.${flipped}`)).status).toBe(404);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { a: number; e: number };
    const otherArticle = Buffer.from(JSON.stringify({ ...claims, a: articleId })).toString('base64url');
    expect((await fetch(`${nr.baseURL}/preview/${otherArticle}.${signature}`)).status).toBe(404);
  }, 180_000);

  it('the editor lists the links that still work; revoking one there, then all, ends them at once (issue 10, item 8)', async () => {
    const page = await contributor.newPage();
    await openEditor(page, `/admin/articles/${draftId}`);
    const list = page.getByTestId('share-links');
    await list.waitFor({ timeout: 30_000 });
    expect(await list.getByRole('button', { name: et('shareLinkRevoke'), exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: et('shareLink') }).click();
    await page.locator('#preview-share-url').waitFor({ timeout: 30_000 });
    const second = await page.locator('#preview-share-url').inputValue();
    await expect.poll(() => list.getByRole('button', { name: et('shareLinkRevoke'), exact: true }).count(), { timeout: 30_000 }).toBe(2);

    // The older link (the one opened above) is the last in the list.
    await list.getByRole('button', { name: et('shareLinkRevoke'), exact: true }).last().click();
    await page.getByText(et('shareLinkRevoked')).waitFor({ timeout: 30_000 });
    expect((await fetch(shareUrl)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);

    await list.getByRole('button', { name: et('shareLinkRevokeAll') }).click();
    await page.getByText(et('shareLinksRevoked', { count: 1 })).waitFor({ timeout: 30_000 });
    expect((await fetch(second)).status).toBe(404);
    await page.close();
  }, 180_000);
});

describe('accessibility of the newsroom (axe-core, WCAG 2.1 AA)', () => {
  const screens: [string, () => string, boolean][] = [
    ['the dashboard', () => '/admin', false],
    ['the article list', () => '/admin/articles', false],
    ['the editor, new article', () => '/admin/articles/new', true],
    ['the editor, published article', () => `/admin/articles/${articleId}`, true],
  ];
  for (const [name, path, isEditor] of screens) {
    it(`finds no violation on ${name}`, async () => {
      const page = await editor.newPage();
      try {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          if (isEditor) await openEditor(page, path());
          else await page.goto(`${nr.baseURL}${path()}`);
          const violations = await axeViolations(page);
          expect(violations, `${scheme}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
        }
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});

describe('the server log', () => {
  it('shows no unexpected error from any action (defineAction logs those as "[action …]" and answers 500)', () => {
    const lines = nr.server.logs().split('\n').filter((line) => line.startsWith('[action '));
    expect(lines).toEqual([]);
  });
});
