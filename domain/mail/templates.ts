import type { NotificationKind, UserRole } from '../enums';
import { adminT } from '../i18n/admin';
import { manageT } from '../i18n/admin-manage';
import type { Locale } from '../i18n/messages';
import { tableTranslator } from '../i18n/template';
import { mail as zh } from '../i18n/zh-CN/mail';
import { mail as en } from '../i18n/en/mail';
import { NOTIFICATION_TEXT } from '../notifications';

/**
 * What the site mails, as plain text and as simple HTML, in the recipient's admin language. Pure:
 * the data layer gives names, titles and absolute links; everything interpolated into the HTML is
 * escaped, so a story title or a colleague's name cannot add markup to a message.
 */
export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

export interface MailFrame {
  locale: Locale;
  siteName: string;
}

const tables = { 'zh-CN': zh, en } as const;
const mailT = (locale: Locale) => tableTranslator(tables[locale] as Record<keyof typeof zh, string>);

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** One line for a subject: no line breaks (a header), no runaway length. */
const oneLine = (value: string, max = 200) => {
  const flat = value.replace(/[\r\n\t]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

type Block = { kind: 'p'; text: string } | { kind: 'quote'; text: string } | { kind: 'link'; href: string };

function compose(subject: string, blocks: Block[]): MailMessage {
  const text = blocks.map((b) => (b.kind === 'quote' ? b.text.split('\n').map((l) => `> ${l}`).join('\n') : b.kind === 'link' ? b.href : b.text)).join('\n\n');
  const body = blocks
    .map((b) => {
      if (b.kind === 'p') return `<p>${escape(b.text)}</p>`;
      if (b.kind === 'quote') return `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc;white-space:pre-wrap">${escape(b.text)}</blockquote>`;
      return `<p><a href="${escape(b.href)}">${escape(b.href)}</a></p>`;
    })
    .join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;line-height:1.6;color:#222">\n${body}\n</body></html>`;
  return { subject: oneLine(subject), text: `${text}\n`, html };
}

export interface NotificationMail {
  kind: NotificationKind;
  recipientName: string;
  /** Who did it; null for the clock (a scheduled story going live) or a deleted account. */
  actorName: string | null;
  storyTitle: string | null;
  /** The note that came with it (a reason for sending back, a message in the conversation). */
  note?: string | null;
  storyUrl: string | null;
  accountUrl: string;
}

export function notificationMail(frame: MailFrame, n: NotificationMail): MailMessage {
  const mt = manageT(frame.locale);
  const m = mailT(frame.locale);
  const who = n.actorName ?? mt('formerStaff');
  const what = mt(NOTIFICATION_TEXT[n.kind], { who });
  const titled = n.storyTitle ? (frame.locale === 'zh-CN' ? `${what}：《${n.storyTitle}》` : `${what}: “${n.storyTitle}”`) : what;
  const blocks: Block[] = [{ kind: 'p', text: m('greeting', { name: n.recipientName }) }, { kind: 'p', text: titled }];
  const note = n.note?.trim();
  if (note) blocks.push({ kind: 'p', text: m('theirWords', { who }) }, { kind: 'quote', text: note.length > 2000 ? `${note.slice(0, 1999)}…` : note });
  if (n.storyUrl) blocks.push({ kind: 'p', text: m('openStory') }, { kind: 'link', href: n.storyUrl });
  blocks.push({ kind: 'p', text: m('notificationFooter', { site: frame.siteName }) }, { kind: 'link', href: n.accountUrl });
  return compose(`[${frame.siteName}] ${titled}`, blocks);
}

export function passwordResetMail(frame: MailFrame, r: { recipientName: string; link: string; hours: number }): MailMessage {
  const m = mailT(frame.locale);
  return compose(m('resetSubject', { site: frame.siteName }), [
    { kind: 'p', text: m('greeting', { name: r.recipientName }) },
    { kind: 'p', text: m('resetIntro', { site: frame.siteName, hours: r.hours }) },
    { kind: 'link', href: r.link },
    { kind: 'p', text: m('resetIgnore') },
  ]);
}

export function invitationMail(
  frame: MailFrame,
  i: { recipientName: string; email: string; role: UserRole; inviterName: string; link: string; days: number; signInUrl: string },
): MailMessage {
  const m = mailT(frame.locale);
  const role = adminT(frame.locale)(`role_${i.role}`);
  return compose(m('invitationSubject', { site: frame.siteName, inviter: i.inviterName }), [
    { kind: 'p', text: m('greeting', { name: i.recipientName }) },
    { kind: 'p', text: m('invitationIntro', { site: frame.siteName, inviter: i.inviterName, role, email: i.email, days: i.days }) },
    { kind: 'link', href: i.link },
    { kind: 'p', text: m('invitationAfter') },
    { kind: 'link', href: i.signInUrl },
  ]);
}
