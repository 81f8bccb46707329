import type { mail as zh } from '../zh-CN/mail';

/** What the site mails, in English (domain/mail/templates.ts). */
export const mail: Record<keyof typeof zh, string> = {
  greeting: 'Hello {name},',
  openStory: 'Open the story:',
  theirWords: '{who} wrote:',
  notificationFooter: 'You receive this because email notifications are on for your account at {site}. To turn them off, go to your account page:',
  resetSubject: 'Reset your password for {site}',
  resetIntro: 'Someone (we hope you) asked to reset your password for the {site} admin. Follow this link to choose a new one; it works once, within {hours} hours:',
  resetIgnore: 'If that was not you, ignore this email: your password stays as it is.',
  invitationSubject: '{inviter} invited you to the {site} newsroom',
  invitationIntro: '{inviter} opened an account for you at {site} (role: {role}), signing in with {email}. Follow this link to choose your password; it works once, within {days} days:',
  invitationAfter: 'Once it is set, sign in with this address and your new password:',
};
