import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { rowsOf } from '../../tx';
import {
  articleAttachments,
  articleAuthors,
  articleComments,
  articleNotices,
  articleRevisions,
  articles,
  articleTags,
  articleViewsDaily,
  auditLog,
  breakingNews,
  importSources,
  media,
  pages,
  redirects,
  sections,
  sensitiveWords as sensitiveWordsTable,
  siteSettings,
  tags,
  topicArticles,
  topics,
  users,
  webhooks,
} from '../../schema';
import type { RecordOf, RecordType } from '../../../domain/export/records';
import { renderRichText, richTextToPlainText } from '../../../domain/rich-text/render';
import { collectMediaIds, loadMediaRenderInfo } from '../media-render';

// The import's writes: a batch of records of one type at a time, ids as in the file. Derived
// columns (rendered HTML, plain text, search vectors, listing copies on links) are made here as the
// editor's save makes them, never taken from the file.

/** The tables a site lives in: the import goes only into a database where all are empty. */
const SITE_TABLES = ['site_settings', 'sensitive_words', 'topics', 'users', 'sections', 'tags', 'media', 'articles', 'pages', 'redirects', 'breaking_news', 'webhooks', 'audit_log'] as const;

async function countOf(db: Database, table: string): Promise<number> {
  const rows = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return Number(rows[0]?.n ?? 0);
}

/** The site tables that hold rows, with their counts; none means the database is empty. */
export async function nonEmptyTables(db: Database): Promise<{ table: string; rows: number }[]> {
  const found: { table: string; rows: number }[] = [];
  for (const table of SITE_TABLES) {
    const n = await countOf(db, table);
    if (n > 0) found.push({ table, rows: n });
  }
  return found;
}

const strip = <T extends { type: string }>(records: T[]) => records.map(({ type: _type, ...rest }) => rest);

export async function insertRecords<T extends RecordType>(tx: Database, type: T, records: RecordOf<T>[]): Promise<void> {
  if (!records.length) return;
  switch (type) {
    case 'settings':
      for (const { sensitiveWords: words, ...settings } of strip(records as RecordOf<'settings'>[])) {
        await tx.insert(siteSettings).values({ id: 1, ...settings });
        if (words.length) await tx.insert(sensitiveWordsTable).values(words.map((word) => ({ word }))).onConflictDoNothing();
      }
      return;
    case 'user':
      // No password: the account signs in after `npm run user -- reset-password`.
      await tx.insert(users).values(strip(records as RecordOf<'user'>[]).map((r) => ({ ...r, passwordHash: null })));
      return;
    case 'section':
      await tx.insert(sections).values(strip(records as RecordOf<'section'>[]));
      return;
    case 'tag':
      await tx.insert(tags).values(strip(records as RecordOf<'tag'>[]));
      return;
    case 'media':
      await tx.insert(media).values(strip(records as RecordOf<'media'>[]));
      return;
    case 'article':
      return insertArticles(tx, records as RecordOf<'article'>[]);
    case 'revision':
      await tx.insert(articleRevisions).values(strip(records as RecordOf<'revision'>[]));
      return;
    case 'views':
      await tx.insert(articleViewsDaily).values(strip(records as RecordOf<'views'>[]));
      return;
    case 'page':
      return insertPages(tx, records as RecordOf<'page'>[]);
    case 'redirect':
      await tx.insert(redirects).values(strip(records as RecordOf<'redirect'>[]));
      return;
    case 'attachment':
      await tx.insert(articleAttachments).values(strip(records as RecordOf<'attachment'>[]));
      return;
    case 'topic':
      for (const { articleIds, ...row } of strip(records as RecordOf<'topic'>[])) {
        await tx.insert(topics).values(row);
        if (articleIds.length) await tx.insert(topicArticles).values(articleIds.map((articleId, sortOrder) => ({ topicId: row.id, articleId, sortOrder })));
      }
      return;
    case 'notice':
      await tx.insert(articleNotices).values(strip(records as RecordOf<'notice'>[]));
      return;
    case 'comment':
      await tx.insert(articleComments).values(strip(records as RecordOf<'comment'>[]));
      return;
    case 'breaking':
      await tx.insert(breakingNews).values(strip(records as RecordOf<'breaking'>[]));
      return;
    case 'webhook':
      // The service gives every webhook a secret (a new one, inactive, when the file has none).
      await tx.insert(webhooks).values(strip(records as RecordOf<'webhook'>[]).map((r) => ({ ...r, secret: r.secret! })));
      return;
    case 'import_source':
      await tx.insert(importSources).values(strip(records as RecordOf<'import_source'>[]));
      return;
    case 'audit':
      await tx.insert(auditLog).values(strip(records as RecordOf<'audit'>[]));
      return;
  }
}

async function insertArticles(tx: Database, records: RecordOf<'article'>[]): Promise<void> {
  // One media lookup for the batch, not one a story: the library images of all its bodies.
  const mediaInfo = await loadMediaRenderInfo(tx, [...new Set(records.flatMap((a) => collectMediaIds(a.body)))]);
  const rows = records.map(({ type: _type, body, tags: _tags, authors: _authors, ...rest }) => ({
    ...rest,
    bodyJson: body,
    bodyHtml: renderRichText(body, { media: mediaInfo, locale: rest.locale }),
    bodyText: richTextToPlainText(body),
  }));
  await tx.insert(articles).values(rows);
  // After the articles: the links' triggers copy each article's listing state (drizzle/0005).
  const tagLinks = records.flatMap((a) => a.tags.map((tagId, sortOrder) => ({ articleId: a.id, tagId, sortOrder })));
  const authorLinks = records.flatMap((a) => a.authors.map((userId, sortOrder) => ({ articleId: a.id, userId, sortOrder })));
  if (tagLinks.length) await tx.insert(articleTags).values(tagLinks);
  if (authorLinks.length) await tx.insert(articleAuthors).values(authorLinks);
}

async function insertPages(tx: Database, records: RecordOf<'page'>[]): Promise<void> {
  // Pages speak the site's language (restored before them: settings come first).
  const [settings] = await tx.select({ locale: siteSettings.locale }).from(siteSettings);
  const rows = [];
  for (const { type: _type, body, ...rest } of records) {
    const mediaInfo = await loadMediaRenderInfo(tx, collectMediaIds(body));
    rows.push({ ...rest, bodyJson: body, bodyHtml: renderRichText(body, { media: mediaInfo, locale: settings?.locale ?? 'zh-CN' }), bodyText: richTextToPlainText(body) });
  }
  await tx.insert(pages).values(rows);
}

const SERIAL_TABLES = ['users', 'sections', 'tags', 'media', 'articles', 'article_revisions', 'article_notices', 'article_comments', 'article_attachments', 'topics', 'pages', 'redirects', 'breaking_news', 'webhooks', 'import_sources', 'audit_log'];

/** Ids came from the file: each sequence moves past the largest, so the next row gets a free id. */
export async function resetSequences(tx: Database): Promise<void> {
  for (const table of SERIAL_TABLES) {
    const name = sql.identifier(table);
    await tx.execute(sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${name}), 0) + 1, false)`);
  }
}

