import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { siteLocale, userRole } from './enums';

/** Staff accounts; authors shown on the site are users too (like Ghost). */
export const users = pgTable(
  'users',
  {
    id: serial().primaryKey(),
    email: text().notNull(),
    name: text().notNull(),
    slug: text().notNull(),
    bio: text().notNull().default(''),
    avatarUrl: text(),
    passwordHash: text(),
    role: userRole().notNull().default('contributor'),
    isOwner: boolean().notNull().default(false),
    disabledAt: timestamp({ withTimezone: true }),
    /** Bumped on password change, role change or disable: invalidates issued sessions. */
    sessionVersion: integer().notNull().default(1),
    uiLocale: siteLocale(),
    /** Whether what rings the bell is also mailed (when the site has SMTP_URL). */
    emailNotifications: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), uniqueIndex('users_slug_key').on(t.slug), index('users_role_idx').on(t.role)],
);
