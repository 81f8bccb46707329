import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { translateMessage } from '@/domain/i18n/server-messages';
import { launchBrowser } from '../helpers/browser';
import { addSession, closeAdmin, mt, staffCookie, startAdmin, t, type AdminServer } from '../helpers/admin';

/**
 * Issue 12, manual redirects: an editor adds, imports and downloads redirects in the admin, readers
 * asking for the old address get the redirect (percent-encoded Chinese paths included, from the
 * page cache too), and the hits they make show on the screen after the server wrote them.
 */

let nr: AdminServer;
let browser: Browser;
let editor: BrowserContext;
let cookie: string;
let articlePath: string;

const OLD_CHINESE = '/2019/05/旧闻.html';
const encoded = (path: string) => path.split('/').map(encodeURIComponent).join('/');

async function open(path: string): Promise<Page> {
  const page = await editor.newPage();
  const response = await page.goto(`${nr.baseURL}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

/** An admin card, found by the id of its heading. */
const card = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}"]`);

async function redirectOf(path: string): Promise<{ status: number; location: string | null }> {
  const res = await fetch(`${nr.baseURL}${path}`, { redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get('location') };
}

beforeAll(async () => {
  nr = await startAdmin({ prefix: 'gazette-redirects-', staff: [{ key: 'editor', role: 'editor' }, { key: 'author', role: 'author' }] });
  cookie = await staffCookie(nr, 'editor');
  browser = await launchBrowser();
  editor = await browser.newContext();
  await addSession(editor, nr.baseURL, cookie);
  const list = (await (await fetch(`${nr.baseURL}/api/v1/articles?limit=1`)).json()) as { data: { url: string }[] };
  articlePath = new URL(list.data[0]!.url).pathname;
}, 240_000);

afterAll(() => closeAdmin(nr, browser));

describe('the redirects screen', () => {
  it('is in the sidebar for editors, with its own title, and not open to authors', async () => {
    const page = await open('/admin/redirects');
    expect(await page.title()).toBe(`${t('redirects')} · ${t('admin')}`);
    await expect(page.getByRole('link', { name: t('redirects') }).first().getAttribute('aria-current')).resolves.toBe('page');
    await page.close();
    const author = await fetch(`${nr.baseURL}/admin/redirects`, { headers: { Cookie: await staffCookie(nr, 'author') }, redirect: 'manual' });
    expect(author.status).toBe(404);
  });

  it('adds a redirect from an old Chinese address; readers asking for it, encoded, get a 301 to the story', async () => {
    const page = await open('/admin/redirects');
    const form = card(page, 'new-redirect');
    await form.getByLabel(mt('redirectFrom')).fill(`https://old.example.com${encoded(OLD_CHINESE)}`);
    await form.getByLabel(mt('redirectTo')).fill(articlePath);
    await form.getByRole('button', { name: mt('create') }).click();
    await expect(form.getByText(mt('redirectCreated')).waitFor()).resolves.toBeUndefined();
    await page.reload();
    await expect(card(page, 'redirect-list').getByRole('link', { name: OLD_CHINESE, exact: true }).waitFor()).resolves.toBeUndefined();
    await page.close();
    // The first answer renders, the second comes from the page cache: both redirect.
    for (let i = 0; i < 2; i++) expect(await redirectOf(encoded(OLD_CHINESE))).toEqual({ status: 301, location: articlePath });
  });

  it('refuses an address Gazette answers itself, in the UI language, and creates nothing', async () => {
    const page = await open('/admin/redirects');
    const form = card(page, 'new-redirect');
    await form.getByLabel(mt('redirectFrom')).fill('/admin/users');
    await form.getByLabel(mt('redirectTo')).fill('/');
    await form.getByRole('button', { name: mt('create') }).click();
    await expect(form.getByText(translateMessage('zh-CN', { code: 'redirectFromOwnRoute' })).waitFor()).resolves.toBeUndefined();
    await page.reload();
    expect(await card(page, 'redirect-list').getByText('/admin/users').count()).toBe(0);
    await page.close();
  });

  it('imports a CSV file (302 kept, header skipped) and reports the counts in words', async () => {
    const page = await open('/admin/redirects');
    const form = card(page, 'import-redirects');
    const csv = `from,to,status\r\n/category/news,${articlePath},302\r\n"/tag/旧标签",/,301\r\n`;
    await form.locator('input[type=file]').setInputFiles({ name: 'redirects.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('button', { name: mt('importAction') }).click();
    await expect(form.getByText(mt('redirectsImported', { created: 2, updated: 0 })).waitFor()).resolves.toBeUndefined();
    await page.close();
    expect(await redirectOf('/category/news')).toEqual({ status: 302, location: articlePath });
    expect(await redirectOf(encoded('/tag/旧标签'))).toEqual({ status: 301, location: '/' });
  });

  it('refuses a file with a bad line as a whole, naming the line', async () => {
    const page = await open('/admin/redirects');
    const form = card(page, 'import-redirects');
    await form.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('/fine-one,/\n/api/x,/\n') });
    await form.getByRole('button', { name: mt('importAction') }).click();
    await expect(form.getByText(translateMessage('zh-CN', { code: 'redirectImportRefused', params: { line: 2 } })).waitFor()).resolves.toBeUndefined();
    await page.close();
    expect((await redirectOf('/fine-one')).status).toBe(404);
  });

  it('downloads every redirect as a CSV the import reads back; not without a session', async () => {
    const res = await fetch(`${nr.baseURL}/admin/redirects/export`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="redirects-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    expect(text.split('\r\n')).toEqual(expect.arrayContaining(['from,to,status', `${OLD_CHINESE},${articlePath},301`, `/category/news,${articlePath},302`]));
    const anonymous = await fetch(`${nr.baseURL}/admin/redirects/export`, { redirect: 'manual' });
    expect([302, 303, 307, 401]).toContain(anonymous.status);
    expect(await anonymous.text()).not.toContain(OLD_CHINESE);
  });

  it('shows the hits readers made once the server has written them (at the latest when it stops)', async () => {
    await nr.restart();
    const page = await open(`/admin/redirects?q=${encodeURIComponent('旧闻')}`);
    const row = card(page, 'redirect-list').locator('tbody tr').filter({ hasText: OLD_CHINESE });
    // Two hits from the test above; the redirect answered from the page cache counted too.
    await expect(row.locator('td').nth(3).textContent()).resolves.toBe('2');
    await page.close();
  });
});
