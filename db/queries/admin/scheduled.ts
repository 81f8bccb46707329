import { withTx } from '../../tx';
import 'server-only';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleAuthors, articles, articleTags } from '../../schema';
import { scheduledIsDue } from '../visibility';
import { readerTags } from './article-current';
import { notify, storyPeople } from './notifications';
import { writeAudit } from './audit';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import { EVENT } from '../../../domain/webhooks/events';

export interface WentLiveDTO {
  id: number;
  title: string;
  publishedAt: string;
}

export interface PromotionResult {
  live: WentLiveDTO[];
  /** Cache tags of the reader views these stories now appear in. */
  invalidate: string[];
}

/** The audit action of a scheduled story reaching its time (定时发布已上线). */
export const WENT_LIVE_ACTION = 'article.went-live';

/**
 * Marks scheduled stories whose time has come as published, with one audit entry each, in one
 * transaction. Readers already see them (visibility is decided by `now()`) in whatever they read
 * fresh, and the admin already shows them as published (`effectiveStatus`); the tags returned expire
 * what was cached before their time (the story's own 404, lists that would wait for their revalidate
 * period), and the stored status and the history say what happened.
 *
 * Idempotent and safe on several servers at once: `UPDATE … WHERE status = 'scheduled' … RETURNING`
 * takes each row once (a concurrent run waits for the row lock, then no longer matches it). The
 * version and `updated_at` stay as they were, so an editor with the story open meets no conflict.
 */
export async function promoteDueScheduled(db: Database): Promise<PromotionResult> {
  return withTx(db, async (tx) => {
    const rows = await tx
      .update(articles)
      .set({ status: 'published' })
      .where(scheduledIsDue)
      .returning({ id: articles.id, title: articles.title, publishedAt: articles.publishedAt, sectionId: articles.sectionId, createdById: articles.createdById });
    const out: WentLiveDTO[] = [];
    for (const row of rows.sort((a, b) => a.id - b.id)) {
      const publishedAt = (row.publishedAt ?? new Date()).toISOString();
      await writeAudit(tx, {
        actorId: null,
        action: WENT_LIVE_ACTION,
        entityType: 'article',
        entityId: row.id,
        summary: row.title,
        data: { from: 'scheduled', to: 'published', publishAt: publishedAt },
      });
      await enqueueWebhookEvent(tx, EVENT.scheduledPublished, { id: row.id });
      await notify(tx, await storyPeople(tx, { createdById: row.createdById, authorIds: await authorIdsOf(tx, row.id) }), 'went_live', row.id, null);
      out.push({ id: row.id, title: row.title, publishedAt });
    }
    return { live: out, invalidate: await viewsOf(tx, rows) };
  });
}

/**
 * Pins (置顶) whose end has come: unpinned in one statement (of several servers ticking at once,
 * one takes each row), audited, and the home page and section lists they led expired.
 */
export async function unpinExpired(db: Database): Promise<{ unpinned: number[]; invalidate: string[] }> {
  return withTx(db, async (tx) => {
    const rows = await tx
      .update(articles)
      .set({ pinned: false, pinnedUntil: null })
      // `pinned` as written, not a parameter: the tick reads articles_pin_end_idx, never the archive.
      .where(and(sql`${articles.pinned}`, lte(articles.pinnedUntil, sql`now()`)))
      .returning({ id: articles.id, title: articles.title, sectionId: articles.sectionId });
    for (const row of rows) await writeAudit(tx, { actorId: null, action: 'article.pin-ended', entityType: 'article', entityId: row.id, summary: row.title });
    return { unpinned: rows.map((r) => r.id), invalidate: await viewsOf(tx, rows) };
  });
}

async function authorIdsOf(tx: Database, articleId: number): Promise<number[]> {
  return (await tx.select({ id: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, articleId))).map((r) => r.id);
}

async function viewsOf(tx: Database, rows: { id: number; sectionId: number }[]): Promise<string[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [authorRows, tagRows] = await Promise.all([
    tx.select({ articleId: articleAuthors.articleId, id: articleAuthors.userId }).from(articleAuthors).where(inArray(articleAuthors.articleId, ids)).orderBy(asc(articleAuthors.articleId)),
    tx.select({ articleId: articleTags.articleId, id: articleTags.tagId }).from(articleTags).where(inArray(articleTags.articleId, ids)).orderBy(asc(articleTags.articleId)),
  ]);
  const all = new Set<string>();
  for (const row of rows) {
    const state = {
      sectionId: row.sectionId,
      authorIds: authorRows.filter((a) => a.articleId === row.id).map((a) => a.id),
      tagIds: tagRows.filter((t) => t.articleId === row.id).map((t) => t.id),
    };
    for (const tag of await readerTags(tx, row.id, [state])) all.add(tag);
  }
  return [...all];
}
