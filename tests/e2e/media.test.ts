import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../helpers/browser';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { publishInEditor, signInWithForm } from '../helpers/admin';
import { startServer, type RunningServer } from '../helpers/server';

const OWNER = { email: 'media-owner@example.com', password: 'media owner password 1' };
let server: RunningServer;
let database: TestDatabase | undefined;
let browser: Browser;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-media-e2e-'));
const photo = path.join(dir, '现场照片.jpg');

beforeAll(async () => {
  await sharp({ create: { width: 1800, height: 1000, channels: 3, background: '#c84' } }).jpeg().toFile(photo);
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase({ migrate: false });
    await database.close();
  }
  server = await startServer({ dataDir: path.join(dir, 'data'), databaseUrl: database?.url, env: { ADMIN_EMAIL: OWNER.email, ADMIN_PASSWORD: OWNER.password } });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('images in articles', () => {
  it('an editor uploads an image with a progress bar, inserts it with a caption, and readers get a responsive image that loads', async () => {
    const page = await browser.newPage();
    await signInWithForm(page, server.baseURL, OWNER.email, OWNER.password);
    await page.waitForURL(`${server.baseURL}/admin`);

    await page.goto(`${server.baseURL}/admin/articles/new`);
    await page.getByLabel('标题', { exact: true }).fill('媒体上传测试：图片与说明');
    await page.getByLabel('栏目', { exact: true }).selectOption({ label: '新闻信息' });
    const body = page.getByRole('textbox', { name: '正文' });
    await body.click();
    await body.pressSequentially('第一段正文。');

    await page.getByRole('toolbar').getByRole('button', { name: '图片' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(photo);
    await expect.poll(() => dialog.locator('progress').count()).toBe(1);
    await expect.poll(() => dialog.getByText('已上传').count(), { timeout: 60_000 }).toBe(1);
    await dialog.getByLabel(/替代文字/).fill('橙色背景的测试照片');
    await dialog.getByLabel('图片说明').fill('图为上传测试所用的照片。');
    await dialog.getByRole('button', { name: '确定' }).click();

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/\/admin\/articles\/\d+$/);
    await expect.poll(async () => (await page.getByTestId('save-status').textContent()) ?? '', { timeout: 30_000 }).toMatch(/已保存|Saved/);
    await publishInEditor(page);
    await expect.poll(async () => (await page.getByTestId('article-status').textContent()) ?? '', { timeout: 30_000 }).toMatch(/已发布/);

    const id = /\/admin\/articles\/(\d+)$/.exec(page.url())![1];
    const reader = await browser.newPage();
    await reader.goto(`${server.baseURL}/articles/${id}`);
    const img = reader.locator('.article-body figure img');
    await expect.poll(() => img.count()).toBe(1);
    expect(await img.getAttribute('alt')).toBe('橙色背景的测试照片');
    expect(await img.getAttribute('srcset')).toMatch(/\/media\/.+ 320w, .+ 640w/);
    expect(await reader.locator('.article-body figure source[type="image/webp"]').getAttribute('srcset')).toMatch(/w320\.webp 320w/);
    expect(await reader.locator('.article-body figcaption').textContent()).toBe('图为上传测试所用的照片。');
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 20_000 }).toBe(true);
    const src = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
    const response = await fetch(src);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(/^image\//);
  }, 240_000);

  it('refuses a non-image upload with a clear message and a staff session is required', async () => {
    const anonymous = await fetch(`${server.baseURL}/api/media`, { method: 'POST', body: new Uint8Array([0xff, 0xd8, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0]) });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error).toBeTruthy();
  });
});

describe('admin views screen', () => {
  it('shows views per day as a chart and the top articles of the period, with no axe violation', async () => {
    const page = await browser.newPage();
    await signInWithForm(page, server.baseURL, OWNER.email, OWNER.password);
    await page.waitForURL(`${server.baseURL}/admin`);
    // A fresh install has no daily rows yet; the screen must still render every day of the period.
    const response = await page.goto(`${server.baseURL}/admin/stats?days=7`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('浏览统计');
    expect(await page.getByRole('img', { name: /每日浏览量/ }).count()).toBe(1);
    expect(await page.locator('svg rect').count()).toBe(7);
    expect(await axeViolations(page)).toEqual([]);
    const anonymous = await fetch(`${server.baseURL}/admin/stats`, { redirect: 'manual' });
    expect([302, 303, 307]).toContain(anonymous.status);
  }, 120_000);
});
