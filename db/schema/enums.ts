import { pgEnum } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['contributor', 'author', 'editor', 'admin']);
export const articleStatus = pgEnum('article_status', ['draft', 'in_review', 'scheduled', 'published', 'archived']);
export const pageStatus = pgEnum('page_status', ['draft', 'published']);
export const siteLocale = pgEnum('site_locale', ['zh-CN', 'en']);

export type UserRole = (typeof userRole.enumValues)[number];
export type ArticleStatus = (typeof articleStatus.enumValues)[number];
export type SiteLocale = (typeof siteLocale.enumValues)[number];
