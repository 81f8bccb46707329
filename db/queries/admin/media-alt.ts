import 'server-only';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles, media } from '../../schema';
import { withTx } from '../../tx';
import { ActionError, notFoundError } from '../../../domain/errors';
import { withMediaAlt } from '../../../domain/media/alt';
import type { Actor } from '../../../domain/permissions';
import { articleInput } from '../../../domain/validation/article';
import { getArticleForEdit } from './article-for-edit';
import { saveInTransaction } from './article-write';
import { writeAudit } from './audit';

export interface ApplyAltResult {
  /** Stories whose body or cover now carries the library's alt (each saved with a revision). */
  updated: number[];
  /** Stories using the image that were left as they were (not editable, or invalid as stored). */
  skipped: number[];
  invalidate: string[];
}

/**
 * Puts the library item's alt text on every story using the image, in its body and as its cover,
 * all in one transaction. Each story goes through the ordinary save (a revision, the article's
 * audit row, the webhook of a live story, the reader cache tags), on the version it has now; a
 * concurrent save of one of them fails the whole apply with 409, to be tried again. Trashed
 * stories are left alone: restoring one brings its own text back.
 */
export async function applyMediaAltToArticles(db: Database, actor: Actor, mediaId: number): Promise<ApplyAltResult> {
  return withTx(db, async (t) => {
    const [item] = await t.select({ alt: media.alt, name: media.originalName }).from(media).where(and(eq(media.id, mediaId), eq(media.status, 'ready')));
    if (!item) throw notFoundError('This image');
    const alt = item.alt.trim();
    if (!alt) throw new ActionError(422, { code: 'mediaAltEmpty' });
    const inBody = sql`jsonb_path_exists(${articles.bodyJson}, '$.** ? (@.mediaId == $id)', jsonb_build_object('id', ${mediaId}::int))`;
    const using = await t
      .select({ id: articles.id })
      .from(articles)
      .where(and(isNull(articles.deletedAt), or(eq(articles.coverMediaId, mediaId), inBody)))
      .orderBy(asc(articles.id));
    const result: ApplyAltResult = { updated: [], skipped: [], invalidate: [] };
    for (const { id } of using) {
      const current = await getArticleForEdit(t, actor, id);
      if (!current?.permissions.edit) {
        result.skipped.push(id);
        continue;
      }
      const { values } = current;
      const body = withMediaAlt(values.body, mediaId, alt);
      const coverImageAlt = values.coverMediaId === mediaId ? alt : values.coverImageAlt;
      if (body === values.body && coverImageAlt === values.coverImageAlt) continue;
      // As restoring a revision does: the stored values re-read as the form would send them.
      const parsed = articleInput.safeParse({ featured: current.featured, pinned: current.pinned, locale: current.locale, ...values, body, coverImageAlt, coverImageUrl: values.coverImageUrl ?? '', publishedAt: '' });
      if (!parsed.success) {
        result.skipped.push(id);
        continue;
      }
      const saved = await saveInTransaction(t, actor, id, current.version, { ...parsed.data, publishedAt: null }, { kind: 'save' });
      result.updated.push(id);
      result.invalidate.push(...saved.invalidate);
    }
    await writeAudit(t, { actorId: actor.id, action: 'media.apply-alt', entityType: 'media', entityId: mediaId, summary: item.name, data: { alt, updated: result.updated, skipped: result.skipped } });
    return { ...result, invalidate: [...new Set(result.invalidate)] };
  });
}
