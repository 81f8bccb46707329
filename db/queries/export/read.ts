import 'server-only';
import { asc, eq, getTableColumns, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../client';
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
  sensitiveWords,
  siteSettings,
  tags,
  topicArticles,
  topics,
  users,
  webhooks,
} from '../../schema';
import type { RecordType } from '../../../domain/export/records';
import type { DocumentKind } from '../../../domain/media/document-kind';

// The export's reads: every table in id order, a batch at a time (keyset, never OFFSET), so that
// memory stays flat whatever the archive's size. Columns are listed, not `select *`: what is left
// out (password hashes, session versions, rendered HTML, search vectors) is left out on purpose.

const BATCH = 500;

/** A record as read: the file's reader (domain/export/records.ts) is where its shape is checked. */
export type Out = { type: RecordType } & Record<string, unknown>;

async function* keyset<T extends { id: number }>(read: (after: number) => Promise<T[]>): AsyncGenerator<T> {
  let after = 0;
  for (;;) {
    const batch = await read(after);
    yield* batch;
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1]!.id;
  }
}

export async function* settingsRecords(db: Database): AsyncGenerator<Out> {
  const [row] = await db.select().from(siteSettings);
  if (!row) return;
  const { id: _id, ...rest } = row;
  const words = (await db.select({ word: sensitiveWords.word }).from(sensitiveWords).orderBy(asc(sensitiveWords.word))).map((w) => w.word);
  yield { type: 'settings', ...rest, sensitiveWords: words };
}

export async function* userRecords(db: Database): AsyncGenerator<Out> {
  const { id, email, name, slug, bio, avatarUrl, role, isOwner, disabledAt, uiLocale, emailNotifications, createdAt, updatedAt } = users;
  const cols = { id, email, name, slug, bio, avatarUrl, role, isOwner, disabledAt, uiLocale, emailNotifications, createdAt, updatedAt };
  for await (const row of keyset((after) => db.select(cols).from(users).where(gt(users.id, after)).orderBy(asc(users.id)).limit(BATCH))) yield { type: 'user', ...row };
}

/** Parents before their children, whatever their ids (a section can be moved under a newer one). */
export async function* sectionRecords(db: Database): AsyncGenerator<Out> {
  const all = await db.select().from(sections).orderBy(asc(sections.id));
  const done = new Set<number>();
  let pending = all;
  while (pending.length) {
    const ready = pending.filter((s) => s.parentId === null || done.has(s.parentId));
    if (!ready.length) throw new Error('The sections form a cycle.');
    for (const s of ready) {
      done.add(s.id);
      yield { type: 'section', ...s };
    }
    pending = pending.filter((s) => !done.has(s.id));
  }
}

export async function* tagRecords(db: Database): AsyncGenerator<Out> {
  for await (const row of keyset((after) => db.select().from(tags).where(gt(tags.id, after)).orderBy(asc(tags.id)).limit(BATCH))) yield { type: 'tag', ...row };
}

/** Only stored items: a 'pending' row is an upload in progress or one that crashed. */
export async function* mediaRecords(db: Database): AsyncGenerator<Out & { storageKey: string; mimeType: string; variants: { key: string }[] }> {
  for await (const row of keyset((after) => db.select().from(media).where(gt(media.id, after)).orderBy(asc(media.id)).limit(BATCH))) {
    if (row.status === 'ready') yield { type: 'media', ...row, status: 'ready' };
  }
}

export async function* articleRecords(db: Database): AsyncGenerator<Out> {
  const { bodyHtml: _html, bodyText: _text, searchVector: _vector, searchHead: _head, bodyJson, ...columns } = getTableColumns(articles);
  let after = 0;
  for (;;) {
    const batch = await db
      .select({ ...columns, body: bodyJson })
      .from(articles)
      .where(gt(articles.id, after))
      .orderBy(asc(articles.id))
      .limit(BATCH);
    if (!batch.length) return;
    const ids = batch.map((a) => a.id);
    const tagLinks = await db.select().from(articleTags).where(inArray(articleTags.articleId, ids)).orderBy(asc(articleTags.sortOrder), asc(articleTags.tagId));
    const authorLinks = await db.select().from(articleAuthors).where(inArray(articleAuthors.articleId, ids)).orderBy(asc(articleAuthors.sortOrder), asc(articleAuthors.userId));
    for (const a of batch) {
      yield {
        type: 'article',
        ...a,
        tags: tagLinks.filter((l) => l.articleId === a.id).map((l) => l.tagId),
        authors: authorLinks.filter((l) => l.articleId === a.id).map((l) => l.userId),
      };
    }
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1]!.id;
  }
}

export async function* revisionRecords(db: Database): AsyncGenerator<Out> {
  const read = (after: number) => db.select().from(articleRevisions).where(gt(articleRevisions.id, after)).orderBy(asc(articleRevisions.id)).limit(BATCH);
  for await (const row of keyset(read)) yield { type: 'revision', ...row };
}

/** Daily view counts (the "most read" lists are rebuilt from them on import). */
export async function* viewRecords(db: Database): AsyncGenerator<Out> {
  let after = { articleId: 0, day: '' };
  for (;;) {
    const batch = await db
      .select()
      .from(articleViewsDaily)
      .where(sqlAfter(after))
      .orderBy(asc(articleViewsDaily.articleId), asc(articleViewsDaily.day))
      .limit(BATCH * 4);
    for (const row of batch) yield { type: 'views', ...row };
    if (batch.length < BATCH * 4) return;
    const last = batch[batch.length - 1]!;
    after = { articleId: last.articleId, day: last.day };
  }
}

const sqlAfter = ({ articleId, day }: { articleId: number; day: string }) =>
  day === '' ? gt(articleViewsDaily.articleId, 0) : sql`(${articleViewsDaily.articleId}, ${articleViewsDaily.day}) > (${articleId}, ${day}::date)`;

export async function* pageRecords(db: Database): AsyncGenerator<Out> {
  const { bodyHtml: _html, bodyText: _text, bodyJson, ...columns } = getTableColumns(pages);
  const read = (after: number) => db.select({ ...columns, body: bodyJson }).from(pages).where(gt(pages.id, after)).orderBy(asc(pages.id)).limit(BATCH);
  for await (const row of keyset(read)) yield { type: 'page', ...row };
}

export async function* redirectRecords(db: Database): AsyncGenerator<Out> {
  const read = (after: number) => db.select().from(redirects).where(gt(redirects.id, after)).orderBy(asc(redirects.id)).limit(BATCH);
  for await (const row of keyset(read)) yield { type: 'redirect', ...row };
}

export async function* noticeRecords(db: Database): AsyncGenerator<Out> {
  const read = (after: number) => db.select().from(articleNotices).where(gt(articleNotices.id, after)).orderBy(asc(articleNotices.id)).limit(BATCH);
  for await (const row of keyset(read)) yield { type: 'notice', ...row };
}

export async function* attachmentRecords(db: Database): AsyncGenerator<Out & { storageKey: string; kind: DocumentKind }> {
  const read = (after: number) => db.select().from(articleAttachments).where(gt(articleAttachments.id, after)).orderBy(asc(articleAttachments.id)).limit(BATCH);
  for await (const row of keyset(read)) yield { type: 'attachment', ...row, kind: row.kind as DocumentKind };
}

export async function* topicRecords(db: Database): AsyncGenerator<Out> {
  const read = (after: number) => db.select().from(topics).where(gt(topics.id, after)).orderBy(asc(topics.id)).limit(BATCH);
  for await (const row of keyset(read)) {
    const links = await db.select({ id: topicArticles.articleId }).from(topicArticles).where(eq(topicArticles.topicId, row.id)).orderBy(asc(topicArticles.sortOrder));
    yield { type: 'topic', ...row, articleIds: links.map((l) => l.id) };
  }
}

export async function* commentRecords(db: Database): AsyncGenerator<Out> {
  const read = (after: number) => db.select().from(articleComments).where(gt(articleComments.id, after)).orderBy(asc(articleComments.id)).limit(BATCH);
  for await (const row of keyset(read)) yield { type: 'comment', ...row };
}

export async function* breakingRecords(db: Database): AsyncGenerator<Out> {
  for (const row of await db.select().from(breakingNews).orderBy(asc(breakingNews.id))) yield { type: 'breaking', ...row };
}

/** Secrets sign deliveries: they leave only when asked for (`--with-secrets`). */
export async function* webhookRecords(db: Database, withSecrets: boolean): AsyncGenerator<Out> {
  for (const { secret, ...row } of await db.select().from(webhooks).orderBy(asc(webhooks.id))) {
    yield { type: 'webhook', ...row, ...(withSecrets ? { secret } : {}) };
  }
}

export async function* importSourceRecords(db: Database): AsyncGenerator<Out> {
  const read = (after: number) => db.select().from(importSources).where(gt(importSources.id, after)).orderBy(asc(importSources.id)).limit(BATCH);
  for await (const row of keyset(read)) yield { type: 'import_source', ...row };
}

export async function* auditRecords(db: Database): AsyncGenerator<Out> {
  const read = (after: number) => db.select().from(auditLog).where(gt(auditLog.id, after)).orderBy(asc(auditLog.id)).limit(BATCH);
  for await (const row of keyset(read)) yield { type: 'audit', ...row };
}
