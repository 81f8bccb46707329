/**
 * The closed sets of values the domain speaks of. The database enums (db/schema/enums.ts) are made
 * from these lists, so a new role or status is added here once.
 */
export const USER_ROLES = ['contributor', 'author', 'editor', 'admin'] as const;
export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const;
export const PAGE_STATUSES = ['draft', 'published'] as const;
export const SITE_LOCALES = ['zh-CN', 'en'] as const;
/** What an editor adds to a published story after the fact: a significant update (更新) or a correction (更正). */
export const ARTICLE_NOTICE_KINDS = ['update', 'correction'] as const;
/** A message in a story's review conversation: a note, the author's word on submitting, a reviewer's reason for sending it back. */
export const ARTICLE_COMMENT_KINDS = ['note', 'submit', 'return'] as const;
/** What the bell tells a staff member. */
export const NOTIFICATION_KINDS = ['submitted', 'returned', 'published', 'went_live', 'commented', 'mentioned'] as const;
/** What the site mails: a notification, a password reset its owner asked for, an invitation to set one. */
export const EMAIL_KINDS = ['notification', 'password_reset', 'invitation'] as const;
/** What a one-time password link is for. */
export const PASSWORD_TOKEN_PURPOSES = ['reset', 'invitation'] as const;

export type UserRole = (typeof USER_ROLES)[number];
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export type SiteLocale = (typeof SITE_LOCALES)[number];
export type ArticleNoticeKind = (typeof ARTICLE_NOTICE_KINDS)[number];
export type ArticleCommentKind = (typeof ARTICLE_COMMENT_KINDS)[number];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type EmailKind = (typeof EMAIL_KINDS)[number];
export type PasswordTokenPurpose = (typeof PASSWORD_TOKEN_PURPOSES)[number];
