import { describe, expect, it } from 'vitest';
import { invitationMail, notificationMail, passwordResetMail } from '@/domain/mail/templates';

const zh = { locale: 'zh-CN' as const, siteName: '示例科技' };
const en = { locale: 'en' as const, siteName: 'Example News' };
const base = { recipientName: '小王', actorName: '林编辑', storyTitle: '年终报道', storyUrl: 'https://admin.example.com/admin/articles/7', accountUrl: 'https://admin.example.com/admin/account' };

describe('notification mail', () => {
  it('reads like the bell, with the site in the subject, the note quoted and a link to the story', () => {
    const mail = notificationMail(zh, { ...base, kind: 'returned', note: '请补充信源。\n第二段太长。' });
    expect(mail.subject).toBe('[示例科技] 林编辑 退回了你的稿件：《年终报道》');
    expect(mail.text).toContain('小王，你好：');
    expect(mail.text).toContain('> 请补充信源。\n> 第二段太长。');
    expect(mail.text).toContain('https://admin.example.com/admin/articles/7');
    expect(mail.text).toContain('https://admin.example.com/admin/account');
  });

  it('in English for a colleague who reads the admin in English; the clock’s own event names no one', () => {
    const mail = notificationMail(en, { ...base, kind: 'went_live', actorName: null });
    expect(mail.subject).toBe('[Example News] Your scheduled story went live: “年终报道”');
    expect(mail.text).toContain('Hello 小王,');
  });

  it('escapes names, titles and notes in the HTML part, and keeps a subject on one line', () => {
    const mail = notificationMail(zh, { ...base, kind: 'commented', actorName: '<img src=x onerror=alert(1)>', storyTitle: 'A "title"\r\nBcc: x@example.com', note: '<b>bold</b>' });
    expect(mail.html).not.toMatch(/<img|<b>/);
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

describe('password mail', () => {
  it('a reset says how long the link works and what to do if one did not ask', () => {
    const mail = passwordResetMail(zh, { recipientName: '小王', link: 'https://x.test/admin/password/abc', hours: 1 });
    expect(mail.subject).toBe('重设「示例科技」后台的密码');
    expect(mail.text).toContain('1 小时内有效');
    expect(mail.text).toContain('请忽略这封邮件');
  });

  it('an invitation names who invited, the role in the reader’s language, the address to sign in with and the sign-in page', () => {
    const mail = invitationMail(en, { recipientName: 'Mei', email: 'mei@example.com', role: 'editor', inviterName: 'Zhou', link: 'https://x.test/admin/password/abc', days: 7, signInUrl: 'https://x.test/admin/login' });
    expect(mail.subject).toBe('Zhou invited you to the Example News newsroom');
    expect(mail.text).toContain('(role: Editor)');
    expect(mail.text).toContain('mei@example.com');
    expect(mail.text).toContain('https://x.test/admin/login');
  });
});
