import { bigint, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { articles } from './articles';
import { users } from './users';

/**
 * Files listed under a story for download (附件下载): PDF, Word, Excel, PowerPoint, ZIP, their kind
 * from their bytes. The file lives in media storage under `storageKey` (made by the server); the
 * name is the uploader's, for display and for the download only.
 */
export const articleAttachments = pgTable(
  'article_attachments',
  {
    id: serial().primaryKey(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    storageKey: text().notNull(),
    fileName: text().notNull(),
    /** domain/media/document-kind.ts */
    kind: text().notNull(),
    bytes: bigint({ mode: 'number' }).notNull(),
    sortOrder: integer().notNull().default(0),
    uploadedById: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('article_attachments_storage_key_key').on(t.storageKey), index('article_attachments_article_idx').on(t.articleId, t.sortOrder, t.id)],
);
