import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openConnection } from '@/db/client';
import { launchBrowser } from '../helpers/browser';
import { addSession, closeAdmin, eventually, mt, readerGet, staffCookie, startAdmin, t, type AdminServer } from '../helpers/admin';

/**
 * Issue 13, the breaking-news banner: an editor puts it up in the admin, every reader page shows it at
 * once (cached pages are expired, not waited out), taking it down removes it, and a banner past its
 * time leaves the cached pages on the next tick of the clock.
 */

let nr: AdminServer;
let browser: Browser;
let editor: BrowserContext;
let articlePath: string;

const card = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}"]`);
const banner = async (path: string) => /data-breaking-news="\d+"[^>]*>[\s\S]*?<\/aside>/.exec((await readerGet(nr.baseURL, path)).text)?.[0] ?? null;

beforeAll(async () => {
  nr = await startAdmin({ prefix: 'gazette-breaking-', staff: [{ key: 'editor', role: 'editor' }] });
  browser = await launchBrowser();
  editor = await browser.newContext();
  await addSession(editor, nr.baseURL, await staffCookie(nr, 'editor'));
  const list = (await (await fetch(`${nr.baseURL}/api/v1/articles?limit=1`)).json()) as { data: { url: string }[] };
  articlePath = new URL(list.data[0]!.url).pathname;
}, 240_000);

afterAll(() => closeAdmin(nr, browser));

describe('the breaking-news banner', () => {
  it('put up in the admin, it is on the home page and a story at once, linked, above the header', async () => {
    // Cached first: the banner must expire them, not wait for them to age.
    expect(await banner('/')).toBeNull();
    expect(await banner(articlePath)).toBeNull();
    const page = await editor.newPage();
    await page.goto(`${nr.baseURL}/admin/breaking`);
    expect(await page.title()).toBe(`${t('breakingNews')} · ${t('admin')}`);
    const form = card(page, 'breaking-new');
    await form.getByLabel(mt('breakingText')).fill('台风“海燕”今晚登陆，全市停课');
    await form.getByLabel(mt('breakingHref')).fill(articlePath);
    await form.getByLabel(mt('breakingHours')).selectOption('2');
    await form.getByRole('button', { name: mt('breakingPut') }).click();
    await form.getByText(mt('breakingSet')).waitFor();
    await page.close();
    for (const path of ['/', articlePath]) {
      const html = await banner(path);
      expect(html, path).toContain('台风“海燕”今晚登陆，全市停课');
      expect(html, path).toContain(`href="${articlePath}"`);
    }
    const home = (await readerGet(nr.baseURL, '/')).text;
    expect(home.indexOf('data-breaking-news')).toBeLessThan(home.indexOf('<header'));
  }, 60_000);

  it('taken down, it is gone from every page at once', async () => {
    const page = await editor.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${nr.baseURL}/admin/breaking`);
    await card(page, 'breaking-now').getByRole('button', { name: mt('breakingEnd') }).click();
    await page.getByText(mt('breakingEnded')).waitFor();
    await page.close();
    expect(await banner('/')).toBeNull();
    expect(await banner(articlePath)).toBeNull();
  }, 60_000);

  // The clock is moved in the database while the server runs: PostgreSQL only (PGlite is one process's).
  it.skipIf(!process.env.TEST_DATABASE_URL)('past its time, it leaves the cached pages on the next tick (within 35 s)', async () => {
    const page = await editor.newPage();
    await page.goto(`${nr.baseURL}/admin/breaking`);
    const form = card(page, 'breaking-new');
    await form.getByLabel(mt('breakingText')).fill('Expiring banner');
    await form.getByRole('button', { name: mt('breakingPut') }).click();
    await form.getByText(mt('breakingSet')).waitFor();
    await page.close();
    expect(await banner('/')).toContain('Expiring banner');
    const conn = await openConnection({ url: nr.database!.url });
    try {
      await conn.db.execute(sql`update breaking_news set expires_at = now() where ended_at is null`);
    } finally {
      await conn.close();
    }
    await eventually(async () => (await banner('/')) === null, { timeout: 35_000, what: 'the expired banner to leave the home page' });
  }, 90_000);
});
