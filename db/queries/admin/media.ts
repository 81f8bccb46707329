import { withTx } from '../../tx';
import 'server-only';
import { and, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleAuthors, articles, media, pages } from '../../schema';
import { ActionError, notFoundError } from '../../../domain/errors';
import { toMediaDTO, type MediaDTO } from '../media-dto';
import { cacheTags } from '../../../domain/cache-tags';
import { can, type Actor } from '../../../domain/permissions';
import { writeAudit } from './audit';
import { escapeLike } from '../like';

export interface MediaUsageDTO {
  kind: 'article-cover' | 'article-body' | 'page-body';
  id: number;
  title: string;
}

/** Where an image is used, as one staff member may see it. */
export interface MediaUsageView {
  /** The places this user may open: stories they may see in the admin, pages if they manage pages. */
  items: MediaUsageDTO[];
  /** How many other places use the image (other people's stories, drafts and trash; pages): a count, no titles. */
  others: number;
}


export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const;
export const MEDIA_USAGE_FILTERS = ['used', 'unused', 'no-alt'] as const;

export interface MediaListFilter {
  q?: string;
  type?: (typeof MEDIA_TYPES)[number];
  usage?: (typeof MEDIA_USAGE_FILTERS)[number];
  page: number;
  pageSize: number;
}

/**
 * Ids of the media used anywhere: as a cover, or inside an article or page body (the same three
 * places getMediaUsage lists). One pass over the bodies, which PostgreSQL hashes for the whole list,
 * rather than a walk over every body for every image.
 */
function usedMediaIds() {
  const idsIn = (column: typeof articles.bodyJson | typeof pages.bodyJson) =>
    sql`jsonb_path_query(${column}, '$.**.mediaId ? (@.type() == "number")')::numeric`;
  return sql`(select ${articles.coverMediaId}::numeric from ${articles} where ${articles.coverMediaId} is not null
    union select ${idsIn(articles.bodyJson)} from ${articles}
    union select ${idsIn(pages.bodyJson)} from ${pages})`;
}

export async function listMedia(db: Database, filter: MediaListFilter) {
  const conditions = [eq(media.status, 'ready')];
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(media.originalName, like), ilike(media.alt, like), ilike(media.caption, like))!);
  }
  if (filter.type) conditions.push(eq(media.mimeType, filter.type));
  if (filter.usage === 'used') conditions.push(sql`${media.id}::numeric in ${usedMediaIds()}`);
  if (filter.usage === 'unused') conditions.push(sql`${media.id}::numeric not in ${usedMediaIds()}`);
  if (filter.usage === 'no-alt') conditions.push(sql`btrim(${media.alt}) = ''`);
  const where = and(...conditions);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(media).where(where),
    db.select().from(media).where(where).orderBy(desc(media.createdAt), desc(media.id)).limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  return { items: rows.map(toMediaDTO), total: n, page: filter.page, pageCount: Math.max(1, Math.ceil(n / filter.pageSize)) };
}

export async function getMedia(db: Database, id: number): Promise<MediaDTO | null> {
  const [row] = await db.select().from(media).where(and(eq(media.id, id), eq(media.status, 'ready')));
  return row ? toMediaDTO(row) : null;
}

/**
 * Where an image is used: as a cover, inside an article body, inside a static page. Every place,
 * titles included, whoever may see them: only for checks made for editors (deleting the image).
 */
async function allMediaUsage(db: Database, id: number): Promise<MediaUsageDTO[]> {
  const inBody = (column: typeof articles.bodyJson | typeof pages.bodyJson) =>
    sql`jsonb_path_exists(${column}, '$.** ? (@.mediaId == $id)', jsonb_build_object('id', ${id}::int))`;
  const [covers, bodies, pageBodies] = await Promise.all([
    db.select({ id: articles.id, title: articles.title }).from(articles).where(eq(articles.coverMediaId, id)),
    db.select({ id: articles.id, title: articles.title }).from(articles).where(inBody(articles.bodyJson)),
    db.select({ id: pages.id, title: pages.title }).from(pages).where(inBody(pages.bodyJson)),
  ]);
  return [
    ...covers.map((r) => ({ kind: 'article-cover' as const, ...r })),
    ...bodies.map((r) => ({ kind: 'article-body' as const, ...r })),
    ...pageBodies.map((r) => ({ kind: 'page-body' as const, ...r })),
  ];
}

/**
 * Where an image is used, scoped like the article list (issue 10, item 12): editors and admins see
 * every story (drafts and trash included); contributors and authors only the stories they created
 * or are credited on, as in the admin's article list; pages only whoever manages pages. Every
 * other place is counted, never named.
 */
export async function getMediaUsage(db: Database, actor: Actor, id: number): Promise<MediaUsageView> {
  const all = await allMediaUsage(db, id);
  const articleIds = [...new Set(all.filter((u) => u.kind !== 'page-body').map((u) => u.id))];
  let visibleArticles: Set<number>;
  if (can(actor.role, 'article:edit-any')) visibleArticles = new Set(articleIds);
  else if (articleIds.length === 0) visibleArticles = new Set();
  else {
    const own = await db
      .select({ id: articles.id })
      .from(articles)
      .where(
        and(
          inArray(articles.id, articleIds),
          or(eq(articles.createdById, actor.id), sql`${articles.id} in (select ${articleAuthors.articleId} from ${articleAuthors} where ${articleAuthors.userId} = ${actor.id})`),
        ),
      );
    visibleArticles = new Set(own.map((r) => r.id));
  }
  const pagesVisible = can(actor.role, 'page:manage');
  const items = all.filter((u) => (u.kind === 'page-body' ? pagesVisible : visibleArticles.has(u.id)));
  return { items, others: all.length - items.length };
}

/** Alt text and caption; stories using the image keep theirs until applyMediaAltToArticles (media-alt.ts) runs. */
export async function updateMediaMeta(db: Database, actorId: number, id: number, meta: { alt: string; caption: string }): Promise<MediaDTO> {
  return withTx(db, async (t) => {
    const [row] = await t
      .update(media)
      .set({ alt: meta.alt, caption: meta.caption, updatedAt: new Date() })
      .where(and(eq(media.id, id), eq(media.status, 'ready')))
      .returning();
    if (!row) throw notFoundError('This image');
    await writeAudit(t, { actorId, action: 'media.update', entityType: 'media', entityId: id, summary: row.originalName });
    return toMediaDTO(row);
  });
}

/** Refuses while anything uses the image, so no published page loses a picture silently. */
/**
 * Deletes the row; the files under the returned `storageKey` are the caller's to remove (after the
 * commit: a failed delete must not leave a row without its files).
 */
export async function deleteMedia(db: Database, actorId: number, id: number): Promise<{ invalidate: string[]; storageKey: string }> {
  const item = await getMedia(db, id);
  if (!item) throw notFoundError('This image');
  const usage = await allMediaUsage(db, id);
  if (usage.length) {
    const titles = usage.map((u) => u.title).slice(0, 3).join(', ');
    throw new ActionError(409, { code: 'imageInUse', params: { count: usage.length, titles } }, undefined, { usage });
  }
  const [row] = await db.select({ storageKey: media.storageKey }).from(media).where(eq(media.id, id));
  await withTx(db, async (t) => {
    await t.delete(media).where(eq(media.id, id));
    await writeAudit(t, { actorId, action: 'media.delete', entityType: 'media', entityId: id, summary: item.originalName });
  });
  return { invalidate: [cacheTags.home], storageKey: row!.storageKey };
}
