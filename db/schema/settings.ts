import { boolean, check, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { timestamps } from './columns';
import { siteLocale } from './enums';

export interface NavItem {
  label: string;
  href: string;
}

/** A single row (id = 1): the publication's identity and chrome. */
export const siteSettings = pgTable(
  'site_settings',
  {
    id: integer().primaryKey().default(1),
    name: text().notNull(),
    tagline: text().notNull().default(''),
    hotline: text().notNull().default(''),
    logoUrl: text(),
    locale: siteLocale().notNull().default('zh-CN'),
    timeZone: text().notNull().default('Asia/Shanghai'),
    footerText: text().notNull().default(''),
    icp: text().notNull().default(''),
    /** 公安备案号 (public-security filing), e.g. 京公网安备11010502000001号; the footer links it to the MPS lookup. */
    policeFiling: text().notNull().default(''),
    reprintTemplate: text().notNull().default('转载请标注：{site}——{title}'),
    nav: jsonb().$type<NavItem[]>().notNull().default([]),
    /** Feeds carry each story's full text (true) or only its summary, for sites that want readers on the page. */
    feedFullText: boolean().notNull().default(true),
    /** A sensitive word blocks submitting and publishing (true) or only warns (false). */
    sensitiveWordsBlock: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [check('site_settings_singleton', sql`${t.id} = 1`)],
);
