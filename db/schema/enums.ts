import { pgEnum } from 'drizzle-orm/pg-core';
import { ARTICLE_COMMENT_KINDS, ARTICLE_NOTICE_KINDS, ARTICLE_STATUSES, EMAIL_KINDS, NOTIFICATION_KINDS, PASSWORD_TOKEN_PURPOSES, PAGE_STATUSES, SITE_LOCALES, USER_ROLES } from '../../domain/enums';

export type { ArticleStatus, SiteLocale, UserRole } from '../../domain/enums';

export const userRole = pgEnum('user_role', USER_ROLES);
export const articleStatus = pgEnum('article_status', ARTICLE_STATUSES);
export const pageStatus = pgEnum('page_status', PAGE_STATUSES);
export const siteLocale = pgEnum('site_locale', SITE_LOCALES);
export const articleNoticeKind = pgEnum('article_notice_kind', ARTICLE_NOTICE_KINDS);
export const articleCommentKind = pgEnum('article_comment_kind', ARTICLE_COMMENT_KINDS);
export const notificationKind = pgEnum('notification_kind', NOTIFICATION_KINDS);
export const emailKind = pgEnum('email_kind', EMAIL_KINDS);
export const passwordTokenPurpose = pgEnum('password_token_purpose', PASSWORD_TOKEN_PURPOSES);
