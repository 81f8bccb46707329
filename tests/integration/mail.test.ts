import { and, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { addArticleComment } from '@/db/queries/admin/article-comments';
import { listNotifications } from '@/db/queries/admin/notifications';
import { openPasswordLink, requestPasswordReset, setPasswordByLink } from '@/db/queries/admin/password-links';
import { findCredentials } from '@/db/queries/admin/users';
import { inviteUser, resendInvitation, setOwnEmailNotifications, setUserDisabled, updateUserDetails } from '@/db/queries/admin/users-admin';
import { articles, auditLog, emailOutbox, passwordTokens, users } from '@/db/schema';
import { verifyPassword } from '@/domain/auth/password';
import { resetConfig } from '@/domain/config.mjs';
import { articleCommentInput } from '@/domain/validation/article-comment';
import { inviteUserInput } from '@/domain/validation/user';
import { sendDueMail } from '@/services/mail/sender';
import { testFileDatabase } from '../fixtures/database';
import { staffAccount } from '../fixtures/staff';
import { startTestSmtp } from '../helpers/smtp';
import { makeArticle, sectionIdBySlug } from './admin-helpers';

/**
 * Issue 13 (mail) and 15 (invitations): what rings the bell is mailed when SMTP_URL is set, written
 * to the outbox in the event's transaction and sent by the sender to a real SMTP server inside the
 * test; password resets and invitations by one-time link. Without SMTP_URL nothing is queued.
 */

const { db, staff } = await testFileDatabase({ staffPrefix: 'mail', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');
const smtp = await startTestSmtp();
const ip = '203.0.113.9';
const actorOf = (a: { id: number; role: 'admin' | 'editor' | 'author' | 'contributor' }) => ({ ...a, ip });
const email = (key: Parameters<typeof staffAccount>[1]) => staffAccount('mail', key).email;
const outbox = () => db.select().from(emailOutbox).orderBy(emailOutbox.id);
const linkIn = (text: string) => /\/admin\/password\/([\w-]+)/.exec(text)?.[1] ?? null;

const mailOn = () => {
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = '"Gazette Desk" <desk@example.test>';
  resetConfig();
};
const mailOff = () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  resetConfig();
};

afterAll(async () => {
  mailOff();
  await smtp.close();
});

beforeEach(async () => {
  smtp.refuse = null;
  smtp.received.length = 0;
  await db.delete(emailOutbox);
  await db.delete(passwordTokens);
});

describe('without SMTP_URL', () => {
  beforeEach(mailOff);

  it('the bell rings and nothing is queued; a reset by mail is refused (404) and an invitation without a password is a 422 that creates nobody', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await transitionArticle(db, staff.author, id, 'submit');
    expect((await listNotifications(db, staff.editor)).some((n) => n.articleId === id && n.kind === 'submitted')).toBe(true);
    expect(await outbox()).toEqual([]);

    await expect(requestPasswordReset(db, email('author'), ip)).rejects.toMatchObject({ status: 404, reason: { code: 'mailNotConfigured' } });
    const input = inviteUserInput.parse({ email: 'nomail-invite@example.test', name: '无邮件', role: 'author' });
    await expect(inviteUser(db, actorOf(staff.admin), input)).rejects.toMatchObject({ status: 422, fieldMessages: { password: [{ code: 'passwordTooShort' }] } });
    expect(await db.select().from(users).where(eq(users.email, 'nomail-invite@example.test'))).toEqual([]);
    expect(await db.select().from(passwordTokens)).toEqual([]);
  });
});

describe('notifications by mail', () => {
  beforeEach(mailOn);

  it('a submission is mailed to each reviewer in their language, from MAIL_FROM, with the author’s note and a link to the story; not to the one who submitted', async () => {
    await db.update(users).set({ uiLocale: 'en' }).where(eq(users.id, staff.admin.id));
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId, title: '<script>alert(1)</script> 年终报道' });
    await transitionArticle(db, staff.author, id, 'submit', { note: '数据已核对。\n请重点看第三段。' });
    expect((await outbox()).map((m) => m.toAddress).sort()).toEqual([email('admin'), email('editor')].sort());

    const report = await sendDueMail(db);
    expect(report).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const zh = smtp.to(email('editor'))[0]!;
    expect(zh.from).toBe('desk@example.test');
    expect(zh.subject).toBe(`[${await siteName()}] ${staffAccount('mail', 'author').name} 提交了稿件待审：《<script>alert(1)</script> 年终报道》`);
    expect(zh.text).toContain('数据已核对。');
    expect(zh.text).toContain(`/admin/articles/${id}`);
    // The title is text in the HTML part, never markup.
    expect(zh.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(zh.html).not.toContain('<script>');
    const en = smtp.to(email('admin'))[0]!;
    expect(en.subject).toContain(`${staffAccount('mail', 'author').name} submitted a story for review: “`);
    expect(en.text).toContain('You receive this because email notifications are on');
    expect(smtp.to(email('author'))).toEqual([]);
    expect((await outbox()).every((m) => m.status === 'sent' && m.sentAt !== null)).toBe(true);
    await db.update(users).set({ uiLocale: null }).where(eq(users.id, staff.admin.id));
  });

  it('a colleague who turned mail off still hears the bell but gets no mail; a reason for sending back and a note in the conversation are quoted', async () => {
    await setOwnEmailNotifications(db, actorOf(staff.admin), false);
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await transitionArticle(db, staff.author, id, 'submit');
    expect((await outbox()).map((m) => m.toAddress)).toEqual([email('editor')]);
    expect((await listNotifications(db, staff.admin)).some((n) => n.articleId === id)).toBe(true);

    await transitionArticle(db, staff.editor, id, 'withdraw', { note: '请补充信源，第二段的数字需要出处。' });
    await addArticleComment(db, staff.editor, articleCommentInput.parse({ articleId: id, body: '补好后直接提交即可。' }));
    await sendDueMail(db);
    const toAuthor = smtp.to(email('author'));
    expect(toAuthor.map((m) => m.subject)).toEqual([expect.stringContaining('退回了你的稿件'), expect.stringContaining('在讨论区留言')]);
    expect(toAuthor[0]!.text).toContain('> 请补充信源，第二段的数字需要出处。');
    expect(toAuthor[1]!.text).toContain('补好后直接提交即可。');
    await setOwnEmailNotifications(db, actorOf(staff.admin), true);
  });

  it('an SMTP server that says "try later" (451) leaves the message pending for a later attempt; a refused mailbox (550) fails it at once', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await transitionArticle(db, staff.author, id, 'submit');
    smtp.refuse = { code: 451 };
    expect(await sendDueMail(db)).toEqual({ sent: 0, retrying: 2, failed: 0 });
    const pending = await outbox();
    expect(pending.every((m) => m.status === 'pending' && m.attempts === 1 && /451|later/i.test(m.lastError ?? ''))).toBe(true);
    expect(pending.every((m) => m.nextAttemptAt.getTime() > Date.now() + 30_000)).toBe(true);
    // Not due yet: nothing is tried.
    expect(await sendDueMail(db)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    smtp.refuse = { code: 550 };
    await db.update(emailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) });
    expect(await sendDueMail(db)).toEqual({ sent: 0, retrying: 0, failed: 2 });
    expect((await outbox()).every((m) => m.status === 'failed' && m.attempts === 2)).toBe(true);
  });

  it('two senders at once (two servers, or the cron route beside the timer) send each message once', async () => {
    for (let i = 0; i < 3; i++) await transitionArticle(db, staff.author, await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId }), 'submit');
    const queued = (await outbox()).length;
    expect(queued).toBe(6);
    const [a, b] = await Promise.all([sendDueMail(db), sendDueMail(db)]);
    expect(a.sent + b.sent).toBe(queued);
    expect(smtp.received).toHaveLength(queued);
  });
});

describe('password reset by mail', () => {
  beforeEach(mailOn);

  it('an address without an active account gets nothing and leaves no trace; an account gets one link, again only after two minutes', async () => {
    await requestPasswordReset(db, 'nobody@example.test', ip);
    expect(await outbox()).toEqual([]);
    expect(await db.select().from(passwordTokens)).toEqual([]);

    await requestPasswordReset(db, `  ${email('author').toUpperCase()} `, ip);
    await requestPasswordReset(db, email('author'), ip);
    const queued = await outbox();
    expect(queued.map((m) => [m.kind, m.toAddress])).toEqual([['password_reset', email('author')]]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.password-reset-requested'), eq(auditLog.entityId, String(staff.author.id))));
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit.at(-1)).toMatchObject({ actorId: null, ip });
  });

  it('the link opens, sets the password once, ends every session, and is spent; the mail’s copy of the link is wiped once sent', async () => {
    const [before] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, staff.editor.id));
    await requestPasswordReset(db, email('editor'), ip);
    await sendDueMail(db);
    const mail = smtp.to(email('editor'))[0]!;
    expect(mail.subject).toContain('重设');
    const token = linkIn(mail.text)!;
    expect(token).toMatch(/^[\w-]{43}$/);
    // Only the hash is stored, and the sent message no longer holds the link.
    expect((await db.select().from(passwordTokens)).map((t) => t.tokenHash)).not.toContain(token);
    expect((await outbox())[0]).toMatchObject({ status: 'sent', bodyText: '', bodyHtml: '' });

    expect(await openPasswordLink(db, token)).toEqual({ purpose: 'reset', email: email('editor'), name: staffAccount('mail', 'editor').name });
    expect(await setPasswordByLink(db, token, '新的密码 correct horse', ip)).toEqual({ email: email('editor') });
    const credentials = await findCredentials(db, email('editor'));
    expect(await verifyPassword(credentials!.passwordHash, '新的密码 correct horse')).toBe(true);
    expect(credentials!.sessionVersion).toBe(before!.sessionVersion + 1);

    expect(await openPasswordLink(db, token)).toBeNull();
    await expect(setPasswordByLink(db, token, 'another password 2', ip)).rejects.toMatchObject({ status: 404, reason: { code: 'passwordLinkInvalid' } });
    expect(await verifyPassword((await findCredentials(db, email('editor')))!.passwordHash, '新的密码 correct horse')).toBe(true);
  });

  it('a link stops working, and an unsent one is not sent, once the account’s email or password changes', async () => {
    const { id } = await inviteUser(db, actorOf(staff.admin), inviteUserInput.parse({ email: 'typo@exmaple.test', name: '拼错邮箱', role: 'editor', password: '' }));
    const [link] = await db.select().from(passwordTokens).where(eq(passwordTokens.userId, id));
    expect((await outbox()).filter((m) => m.userId === id)).toHaveLength(1);
    // The administrator corrects the address before the sender ran: the mail to the typo is dropped, the link void.
    await updateUserDetails(db, actorOf(staff.admin), id, { name: '拼错邮箱', email: 'right@example.test' });
    expect((await outbox()).filter((m) => m.userId === id)).toEqual([]);
    expect((await db.select({ usedAt: passwordTokens.usedAt }).from(passwordTokens).where(eq(passwordTokens.id, link!.id)))[0]?.usedAt).not.toBeNull();
  });

  it('an expired link, a made-up one and one for an account disabled since are refused (404) and change nothing', async () => {
    await requestPasswordReset(db, email('contributor'), ip);
    await sendDueMail(db);
    const token = linkIn(smtp.to(email('contributor'))[0]!.text)!;
    await db.update(passwordTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    const hash = (await findCredentials(db, email('contributor')))!.passwordHash;
    await expect(setPasswordByLink(db, token, 'too late password', ip)).rejects.toMatchObject({ status: 404 });
    await expect(setPasswordByLink(db, 'x'.repeat(43), 'made up password', ip)).rejects.toMatchObject({ status: 404 });
    expect(await openPasswordLink(db, '../../etc/passwd')).toBeNull();

    await db.delete(passwordTokens);
    await requestPasswordReset(db, email('contributor'), ip);
    await sendDueMail(db);
    const fresh = linkIn(smtp.to(email('contributor')).at(-1)!.text)!;
    await setUserDisabled(db, actorOf(staff.admin), staff.contributor.id, true);
    expect(await openPasswordLink(db, fresh)).toBeNull();
    await expect(setPasswordByLink(db, fresh, 'disabled meanwhile', ip)).rejects.toMatchObject({ status: 404 });
    expect((await findCredentials(db, email('contributor')))!.passwordHash).toBe(hash);
    await setUserDisabled(db, actorOf(staff.admin), staff.contributor.id, false);
  });
});

describe('invitations by mail', () => {
  beforeEach(mailOn);

  it('inviting without a password creates an account that cannot sign in yet and mails it a week-long link; the link sets the password', async () => {
    const input = inviteUserInput.parse({ email: 'New.Reporter@Example.test', name: '新记者', role: 'author', password: '' });
    const { id, invited } = await inviteUser(db, actorOf(staff.admin), input);
    expect(invited).toBe(true);
    expect((await findCredentials(db, 'new.reporter@example.test'))!.passwordHash).toBeNull();
    const [token] = await db.select().from(passwordTokens).where(eq(passwordTokens.userId, id));
    expect(token!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);

    await sendDueMail(db);
    const mail = smtp.to('new.reporter@example.test')[0]!;
    expect(mail.subject).toBe(`${staffAccount('mail', 'admin').name} 邀请你加入「${await siteName()}」编辑部`);
    expect(mail.text).toContain('（角色：作者）');
    expect(mail.text).toContain('/admin/login');
    const link = linkIn(mail.text)!;
    expect(await openPasswordLink(db, link)).toMatchObject({ purpose: 'invitation', name: '新记者' });

    // Sent again: the first link stops working.
    await resendInvitation(db, actorOf(staff.admin), id);
    await sendDueMail(db);
    const second = linkIn(smtp.to('new.reporter@example.test').at(-1)!.text)!;
    expect(await openPasswordLink(db, link)).toBeNull();
    await setPasswordByLink(db, second, 'my own password', ip);
    expect(await verifyPassword((await findCredentials(db, 'new.reporter@example.test'))!.passwordHash, 'my own password')).toBe(true);
    // Now the account has a password: no more invitations (409), and nothing is queued.
    const queued = (await outbox()).length;
    await expect(resendInvitation(db, actorOf(staff.admin), id)).rejects.toMatchObject({ status: 409, reason: { code: 'invitationNotNeeded' } });
    expect((await outbox()).length).toBe(queued);
  });

  it('only an administrator invites (403), and a deleted account takes its pending mail with it', async () => {
    await expect(resendInvitation(db, actorOf(staff.editor), staff.author.id)).rejects.toMatchObject({ status: 403 });
    const { id } = await inviteUser(db, actorOf(staff.admin), inviteUserInput.parse({ email: 'gone@example.test', name: '将被删除', role: 'contributor', password: '' }));
    expect((await outbox()).map((m) => m.userId)).toEqual([id]);
    await db.delete(articles).where(eq(articles.createdById, id));
    await db.delete(users).where(eq(users.id, id));
    expect(await outbox()).toEqual([]);
  });
});

async function siteName(): Promise<string> {
  const { getSiteSettings } = await import('@/db/queries/public');
  return (await getSiteSettings(db)).name;
}
