import 'server-only';
import type { Database } from '../../client';
import { articles } from '../../schema';
import { scheduledIsDue } from '../visibility';
import { writeAudit } from './audit';

export interface WentLiveDTO {
  id: number;
  title: string;
  publishedAt: string;
}

/** The audit action of a scheduled story reaching its time (定时发布已上线). */
export const WENT_LIVE_ACTION = 'article.went-live';

/**
 * Marks scheduled stories whose time has come as published, with one audit entry each, in one
 * transaction. Readers already see them (visibility is decided by `now()`), and the admin already
 * shows them as published (`effectiveStatus`), so nothing cached changes and no tag is expired;
 * this makes the stored status and the history say what happened.
 *
 * Idempotent and safe on several servers at once: `UPDATE … WHERE status = 'scheduled' … RETURNING`
 * takes each row once (a concurrent run waits for the row lock, then no longer matches it). The
 * version and `updated_at` stay as they were, so an editor with the story open meets no conflict.
 */
export async function promoteDueScheduled(db: Database): Promise<WentLiveDTO[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(articles)
      .set({ status: 'published' })
      .where(scheduledIsDue)
      .returning({ id: articles.id, title: articles.title, publishedAt: articles.publishedAt });
    const out: WentLiveDTO[] = [];
    for (const row of rows.sort((a, b) => a.id - b.id)) {
      const publishedAt = (row.publishedAt ?? new Date()).toISOString();
      await writeAudit(tx as unknown as Database, {
        actorId: null,
        action: WENT_LIVE_ACTION,
        entityType: 'article',
        entityId: row.id,
        summary: row.title,
        data: { from: 'scheduled', to: 'published', publishAt: publishedAt },
      });
      out.push({ id: row.id, title: row.title, publishedAt });
    }
    return out;
  });
}
