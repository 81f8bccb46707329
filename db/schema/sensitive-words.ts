import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The sensitive-word list (敏感词) an administrator keeps: checked on submit and publish
 * (domain/publishing/sensitive-words.ts); whether a match blocks is `site_settings.sensitive_words_block`.
 * Words are stored folded (NFKC, lower case), as they are matched.
 */
export const sensitiveWords = pgTable('sensitive_words', {
  word: text().primaryKey(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
