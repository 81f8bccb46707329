import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { addSession, closeAdmin, mt, staffCookie, startAdmin, t, type AdminServer } from '../helpers/admin';

/**
 * Issue 14, the import from the admin: an administrator uploads a WordPress export, follows the
 * progress, reads the report in the UI language, and the old site's URLs answer with redirects at
 * once; a file that is not a WordPress export fails with the reason; others may not import.
 */

// Old-site images point at a closed port on loopback, which the outbound guard refuses at once.
const OLD_SITE = 'http://127.0.0.1:9';
const WXR = fs.readFileSync(path.resolve('tests/fixtures/wordpress/site.xml'), 'utf8').replaceAll('__ORIGIN__', OLD_SITE);
const LIMIT = 64 * 1024;

let nr: AdminServer;
let browser: Browser;
let admin: BrowserContext;

async function importFile(name: string, body: string): Promise<Page> {
  const page = await admin.newPage();
  await page.goto(`${nr.baseURL}/admin/import`);
  await page.getByLabel(mt('importFile')).setInputFiles({ name, mimeType: 'text/xml', buffer: Buffer.from(body) });
  await page.getByRole('button', { name: mt('importStart') }).click();
  await page.waitForURL(/\/admin\/import\?job=\d+$/, { timeout: 120_000 });
  return page;
}

beforeAll(async () => {
  nr = await startAdmin({ prefix: 'gazette-import-', staff: [{ key: 'admin', role: 'admin' }, { key: 'editor', role: 'editor' }], env: { IMPORT_MAX_BYTES: String(LIMIT) } });
  browser = await launchBrowser();
  admin = await browser.newContext();
  await addSession(admin, nr.baseURL, await staffCookie(nr, 'admin'));
}, 240_000);

afterAll(() => closeAdmin(nr, browser));

describe('importing a WordPress export from the admin', () => {
  it('uploads, shows the report in Chinese, and the old URLs redirect to the new stories at once', async () => {
    const page = await importFile('export.xml', WXR);
    await page.getByText(mt('importDone')).waitFor();
    expect(await page.title()).toBe(`${t('import')} · ${t('admin')}`);
    const posts = page.locator('[data-testid="import-report"] tr[data-kind="post"]');
    expect(await posts.locator('th').textContent()).toBe(mt('importKind_post'));
    expect(Number(await posts.locator('td').first().textContent())).toBeGreaterThanOrEqual(2);
    await page.close();
    const old = await fetch(`${nr.baseURL}/2024/03/council-budget/`.replace(/\/$/, ''), { redirect: 'manual' });
    expect(old.status).toBe(301);
    const story = await fetch(new URL(old.headers.get('location')!, nr.baseURL), { redirect: 'manual' });
    expect(story.status).toBe(200);
    expect(await story.text()).toContain('City council approves budget');
    const chinese = await fetch(`${nr.baseURL}/2024/03/%e5%9c%b0%e9%93%81%e6%96%b0%e7%ba%bf`, { redirect: 'manual' });
    expect(chinese.status).toBe(301);
  }, 180_000);

  it('a second import of the same file brings nothing in twice', async () => {
    const page = await importFile('export-again.xml', WXR);
    await page.getByText(mt('importDone')).waitFor();
    const posts = page.locator('[data-testid="import-report"] tr[data-kind="post"]');
    expect(await posts.locator('td').first().textContent()).toBe('0');
    await page.close();
  }, 180_000);

  it('a file that is not a WordPress export fails with the reason and imports nothing', async () => {
    const page = await importFile('feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>Just a feed</title></channel></rss>');
    const failure = page.locator('section[aria-labelledby="import-report"] [role=alert]');
    await failure.waitFor();
    expect(await failure.textContent()).toContain(mt('importFailed', { error: '' }).trim());
    await page.close();
  }, 120_000);

  it('is for administrators: an editor gets 404 and cannot upload; a file over IMPORT_MAX_BYTES is a 413', async () => {
    const editor = await staffCookie(nr, 'editor');
    expect((await fetch(`${nr.baseURL}/admin/import`, { headers: { Cookie: editor } })).status).toBe(404);
    const headers = { Cookie: editor, Origin: nr.baseURL, 'Content-Type': 'text/xml' };
    expect((await fetch(`${nr.baseURL}/admin/import/upload`, { method: 'POST', headers, body: WXR })).status).toBe(403);
    const adminCookie = await staffCookie(nr, 'admin');
    const big = await fetch(`${nr.baseURL}/admin/import/upload`, { method: 'POST', headers: { ...headers, Cookie: adminCookie }, body: 'x'.repeat(LIMIT + 1) });
    expect(big.status).toBe(413);
    // And from another site, even signed in: refused before the body is read.
    const cross = await fetch(`${nr.baseURL}/admin/import/upload`, { method: 'POST', headers: { ...headers, Cookie: adminCookie, Origin: 'https://evil.example' }, body: WXR });
    expect(cross.status).toBe(403);
  }, 60_000);
});
