import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoSections } from '@/services/seed/demo-content';
import { translateMessage } from '@/domain/i18n/server-messages';
import { axeViolations, launchBrowser } from '../helpers/browser';
import { actionsAs, addSession, adminAccess, closeAdmin, doc, hasSessionCookie, mt, rawSignIn, sectionIdInAdmin, sessionCookie, signedInContext, staffCookie, startAdmin, t, type AdminServer } from '../helpers/admin';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp';

/**
 * Issues 13 and 15 against the production build, with a real SMTP server inside the test
 * (SMTP_URL): a forgotten password is reset from the sign-in page through a mailed link, a new
 * colleague is invited by mail and sets their own password, and what rings the bell is mailed.
 */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let nr: AdminServer;
let smtp: TestSmtp;
let browser: Browser;
/** The editor's password after the reset of the first test. */
const RESET_PASSWORD = '新的口令 after the reset';
const linkIn = (text: string) => /https?:\/\/[^\s]+\/admin\/password\/[\w-]+/.exec(text)?.[0] ?? null;

beforeAll(async () => {
  smtp = await startTestSmtp();
  nr = await startAdmin({
    prefix: 'gazette-mail-',
    staff: [
      { key: 'admin', role: 'admin', name: '管理员老周' },
      { key: 'editor', role: 'editor', name: '编辑小林', email: 'lin.editor@example.test' },
      { key: 'author', role: 'author', name: '记者小王' },
    ],
    env: { SMTP_URL: smtp.url, MAIL_FROM: '"Gazette 编辑部" <desk@example.test>' },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await closeAdmin(nr, browser);
  await smtp?.close();
});

async function fillAndSubmit(page: Page, label: string, value: string, button: string) {
  await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: button }).click();
}

describe('a forgotten password', () => {
  it('is reset from the sign-in page through a mailed link, which signs in, ends the old password and works once', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${nr.baseURL}/admin/login`);
    await page.getByRole('link', { name: mt('forgotPassword') }).click();
    await page.waitForURL(`${nr.baseURL}/admin/password`);
    expect(await axeViolations(page)).toEqual([]);

    // An address without an account gets the very same answer, and no mail.
    await fillAndSubmit(page, t('email'), 'nobody@example.test', mt('forgotSend'));
    await expect(page.getByRole('status').textContent()).resolves.toContain(mt('forgotSent'));
    await fillAndSubmit(page, t('email'), 'Lin.Editor@example.test', mt('forgotSend'));
    const mail = await smtp.waitFor((m) => m.to.includes('lin.editor@example.test'));
    expect(mail.from).toBe('desk@example.test');
    expect(smtp.to('nobody@example.test')).toEqual([]);
    const link = linkIn(mail.text)!;
    expect(link.startsWith(`${nr.baseURL}/admin/password/`)).toBe(true);

    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(mt('setPasswordTitle'));
    expect(await axeViolations(page)).toEqual([]);
    await fillAndSubmit(page, t('password'), RESET_PASSWORD, mt('setPasswordSubmit'));
    await page.waitForURL(`${nr.baseURL}/admin`);
    expect(await hasSessionCookie(page.context())).toBe(true);

    expect((await rawSignIn(nr.baseURL, 'lin.editor@example.test', nr.staff.editor!.password, { localAddress: '127.0.0.31' })).cookie).toBeNull();
    expect((await rawSignIn(nr.baseURL, 'lin.editor@example.test', RESET_PASSWORD, { localAddress: '127.0.0.31' })).cookie).not.toBeNull();

    // Spent: the link now says so, and posting to it sets nothing.
    const again = await (await browser.newContext()).newPage();
    await again.goto(link);
    await expect(again.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(mt('linkInvalidTitle'));
    await expect(again.locator('main [role=alert]').textContent()).resolves.toBe(translateMessage('zh-CN', { code: 'passwordLinkInvalid' }));
  });
});

describe('an invitation', () => {
  it('an administrator invites a colleague without a password; the colleague sets their own through the mail and is signed in', async () => {
    const admin = await (await signedInContext(browser, nr, 'admin')).newPage();
    await admin.goto(`${nr.baseURL}/admin/users`);
    const invite = admin.locator('section[aria-labelledby="invite-user"]');
    await expect(invite.textContent()).resolves.toContain(mt('inviteExplainMail'));
    await invite.getByLabel(mt('name')).fill('新同事阿梅');
    await invite.getByLabel(t('email')).fill('amei@example.test');
    await invite.getByRole('button', { name: mt('createUser') }).click();
    await expect(invite.getByRole('status').textContent()).resolves.toContain(mt('userInvited', { email: 'amei@example.test' }));

    const mail = await smtp.waitFor((m) => m.to.includes('amei@example.test'));
    expect(mail.subject).toContain('管理员老周 邀请你加入');
    expect(mail.text).toContain('（角色：作者）');
    const colleague = await (await browser.newContext()).newPage();
    await colleague.goto(linkIn(mail.text)!);
    await expect(colleague.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(mt('welcomeTitle', { name: '新同事阿梅' }));
    await fillAndSubmit(colleague, t('password'), 'my very own password', mt('setPasswordSubmit'));
    await colleague.waitForURL(`${nr.baseURL}/admin`);
    expect(await adminAccess(nr.baseURL, (await colleague.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; '))).toBe('dashboard');
  });
});

describe('notifications by mail', () => {
  it('a story submitted by its author is mailed to the editor, with a link to it in the admin; the account page turns it off', async () => {
    const authorCookie = await staffCookie(nr, 'author');
    const sectionId = await sectionIdInAdmin(nr.baseURL, authorCookie, demoSections.find((s) => s.slug === 'company')!.title);
    const as = actionsAs(nr.baseURL, authorCookie);
    const { id, version } = await as<{ id: number; version: number }>('createArticleAction', [{ title: '邮件通知测试稿', body: doc('正文。'), sectionId }]);
    await as('transitionArticleAction', [{ id, transition: 'submit', note: '请审阅。', baseVersion: version }]);
    const mail = await smtp.waitFor((m) => m.to.includes('lin.editor@example.test') && m.subject.includes('邮件通知测试稿'));
    expect(mail.subject).toContain('记者小王 提交了稿件待审');
    expect(mail.text).toContain(`${nr.baseURL}/admin/articles/${id}`);
    expect(mail.text).toContain('请审阅。');

    const editorCookie = await sessionCookie(nr.baseURL, 'lin.editor@example.test', RESET_PASSWORD, { localAddress: '127.0.0.32' });
    const context = await browser.newContext();
    await addSession(context, nr.baseURL, editorCookie);
    const page = await context.newPage();
    await page.goto(`${nr.baseURL}/admin/account`);
    const card = page.locator('section[aria-labelledby="account-email"]');
    await card.getByRole('checkbox').uncheck();
    await card.getByRole('button', { name: t('save') }).click();
    await expect(card.getByRole('status').textContent()).resolves.toContain(mt('emailNotificationsSaved'));
    await page.reload();
    expect(await page.locator('section[aria-labelledby="account-email"]').getByRole('checkbox').isChecked()).toBe(false);
  });
});
