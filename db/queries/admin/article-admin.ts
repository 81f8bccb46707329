import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleAuthors, articlePresence, articleRevisions, articles, articleTags, auditLog, sections, users } from '../../schema';
import type { ArticleStatus } from '../../schema';
import { ActionError, notFoundError } from '../../../domain/errors';
import { can, canViewArticleInAdmin, type Actor } from '../../../domain/permissions';
import { effectiveStatus, hasEffectiveStatus } from '../visibility';
import { getOwnership, type ArticleSnapshot } from './article-current';
import { containsText } from '../like';
import { qualified } from '../qualified';

export interface AdminArticleRowDTO {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  sectionTitle: string;
  publishedAt: string | null;
  updatedAt: string;
  authorNames: string[];
  deleted: boolean;
  version: number;
}

export const ADMIN_SORTS = ['updated', 'published', 'title', 'views'] as const;
export type AdminSort = (typeof ADMIN_SORTS)[number];

export interface AdminArticleFilter {
  status?: ArticleStatus;
  sectionId?: number;
  tagId?: number;
  authorId?: number;
  q?: string;
  /** `upcoming`: soonest publish time first (scheduled stories); `waiting`: least recently changed first (the review queue). */
  sort?: AdminSort | 'upcoming' | 'waiting';
  trash?: boolean;
  page: number;
  pageSize: number;
}

/** Contributors and authors see their own stories; editors and admins see all. */
function scopeFor(actor: Actor): SQL | undefined {
  if (can(actor.role, 'article:edit-any')) return undefined;
  return or(
    eq(articles.createdById, actor.id),
    sql`${articles.id} in (select ${articleAuthors.articleId} from ${articleAuthors} where ${articleAuthors.userId} = ${actor.id})`,
  );
}


/**
 * The admin list counts up to here and pages no deeper (the count then reads "10000+"): an exact
 * count or a deep OFFSET costs what it passes over, which at a million stories is the whole table.
 * Filters and search narrow a list long before anyone pages this far.
 */
export const ADMIN_LIST_MAX_ROWS = 10_000;

/**
 * The newsroom's search: titles, subtitles, excerpts and bodies of every story the list may show
 * (drafts too), through the reader search's Chinese-aware index (search_vector, GIN; ADR 0005,
 * 0007), so 年终 finds 年终报道 in a body and `publishing` finds "published". A query with no term
 * the index knows (a single character, punctuation) falls back to a title substring.
 */
async function staffSearch(db: Database, q: string): Promise<SQL> {
  const query = sql`gazette_search_query(${q.slice(0, 200)})`;
  const [row] = await db.select({ terms: sql<number>`numnode(${query})` }).from(sql`(select 1) as one`);
  return Number(row?.terms ?? 0) > 0 ? sql`${articles.searchVector} @@ ${query}` : containsText(articles.title, q);
}

export async function listAdminArticles(db: Database, actor: Actor, filter: AdminArticleFilter) {
  const conditions: (SQL | undefined)[] = [scopeFor(actor), filter.trash ? isNotNull(articles.deletedAt) : isNull(articles.deletedAt)];
  if (filter.status) conditions.push(hasEffectiveStatus(filter.status));
  if (filter.sectionId) conditions.push(eq(articles.sectionId, filter.sectionId));
  if (filter.tagId) conditions.push(sql`${articles.id} in (select ${articleTags.articleId} from ${articleTags} where ${articleTags.tagId} = ${filter.tagId})`);
  if (filter.authorId) conditions.push(sql`${articles.id} in (select ${articleAuthors.articleId} from ${articleAuthors} where ${articleAuthors.userId} = ${filter.authorId})`);
  if (filter.q) conditions.push(await staffSearch(db, filter.q));
  const where = and(...conditions);
  const order = {
    updated: [desc(articles.updatedAt), desc(articles.id)],
    published: [sql`${articles.publishedAt} desc nulls last`, desc(articles.id)],
    upcoming: [sql`${articles.publishedAt} asc nulls last`, asc(articles.id)],
    waiting: [asc(articles.updatedAt), asc(articles.id)],
    title: [asc(articles.title), asc(articles.id)],
    views: [desc(articles.viewCount), desc(articles.id)],
  }[filter.sort ?? 'updated'];
  const maxPages = Math.ceil(ADMIN_LIST_MAX_ROWS / filter.pageSize);
  const page = Math.min(filter.page, maxPages);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(db.select({ one: sql`1` }).from(articles).where(where).limit(ADMIN_LIST_MAX_ROWS + 1).as('capped')),
    db
      .select({
        id: articles.id,
        title: articles.title,
        slug: articles.slug,
        status: effectiveStatus,
        sectionTitle: sections.title,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
        deletedAt: articles.deletedAt,
        version: articles.version,
      })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(where)
      .orderBy(...order)
      .limit(filter.pageSize)
      .offset((page - 1) * filter.pageSize),
  ]);
  const ids = rows.map((r) => r.id);
  const authorRows = ids.length
    ? await db
        .select({ articleId: articleAuthors.articleId, name: users.name })
        .from(articleAuthors)
        .innerJoin(users, eq(users.id, articleAuthors.userId))
        .where(inArray(articleAuthors.articleId, ids))
        .orderBy(asc(articleAuthors.sortOrder))
    : [];
  const items: AdminArticleRowDTO[] = rows.map(({ deletedAt, publishedAt, updatedAt, ...r }) => ({
    ...r,
    publishedAt: publishedAt?.toISOString() ?? null,
    updatedAt: updatedAt.toISOString(),
    deleted: deletedAt !== null,
    authorNames: authorRows.filter((a) => a.articleId === r.id).map((a) => a.name),
  }));
  const counted = Number(total?.n ?? 0);
  const n = Math.min(counted, ADMIN_LIST_MAX_ROWS);
  return { items, total: n, capped: counted > ADMIN_LIST_MAX_ROWS, page, pageCount: Math.max(1, Math.min(maxPages, Math.ceil(n / filter.pageSize))) };
}

/** A story waiting for review, with what its author wrote to the reviewer and since when it waits. */
export interface ReviewRowDTO extends AdminArticleRowDTO {
  reviewNote: string;
  /** The last submission (audit log); null for stories submitted before the log existed. */
  submittedAt: string | null;
}

export interface DashboardDTO {
  /** Editors and up: every draft, with its authors; others: their own. */
  drafts: AdminArticleRowDTO[];
  draftsScope: 'all' | 'mine';
  reviewQueue: ReviewRowDTO[];
  scheduled: AdminArticleRowDTO[];
  recentlyPublished: AdminArticleRowDTO[];
  counts: { drafts: number; reviewQueue: number; scheduled: number; published: number };
}

async function withReviewDetails(db: Database, rows: AdminArticleRowDTO[]): Promise<ReviewRowDTO[]> {
  if (!rows.length) return [];
  const details = await db
    .select({
      id: articles.id,
      reviewNote: articles.reviewNote,
      // One probe of audit_log_entity_idx per row; the dashboard shows five.
      submittedAt: sql<string | null>`(select max(${auditLog.createdAt}) from ${auditLog} where ${auditLog.entityType} = 'article' and ${auditLog.entityId} = ${qualified(articles, 'id')}::text and ${auditLog.action} = 'article.submit')`,
    })
    .from(articles)
    .where(inArray(articles.id, rows.map((r) => r.id)));
  return rows.map((row) => {
    const detail = details.find((d) => d.id === row.id);
    return { ...row, reviewNote: detail?.reviewNote ?? '', submittedAt: detail?.submittedAt ? new Date(detail.submittedAt).toISOString() : null };
  });
}

export async function getDashboard(db: Database, actor: Actor): Promise<DashboardDTO> {
  const mine: Actor = { ...actor, role: 'contributor' };
  const editor = can(actor.role, 'article:edit-any');
  const reviewer = can(actor.role, 'article:review');
  const [drafts, reviewQueue, scheduled, recentlyPublished] = await Promise.all([
    listAdminArticles(db, editor ? actor : mine, { status: 'draft', page: 1, pageSize: 5 }),
    // Oldest submission first: the queue is worked from the front.
    listAdminArticles(db, reviewer ? actor : mine, { status: 'in_review', sort: 'waiting', page: 1, pageSize: 5 }),
    listAdminArticles(db, actor, { status: 'scheduled', sort: 'upcoming', page: 1, pageSize: 5 }),
    listAdminArticles(db, actor, { status: 'published', sort: 'published', page: 1, pageSize: 5 }),
  ]);
  return {
    drafts: drafts.items,
    draftsScope: editor ? 'all' : 'mine',
    reviewQueue: await withReviewDetails(db, reviewQueue.items),
    scheduled: scheduled.items,
    recentlyPublished: recentlyPublished.items,
    counts: { drafts: drafts.total, reviewQueue: reviewQueue.total, scheduled: scheduled.total, published: recentlyPublished.total },
  };
}

async function assertCanView(db: Database, actor: Actor, articleId: number) {
  const current = await getOwnership(db, articleId);
  if (!current || !canViewArticleInAdmin(actor, current)) throw notFoundError('This article');
  return current;
}

export interface RevisionRowDTO {
  id: number;
  version: number;
  title: string;
  kind: string;
  changedFields: string[];
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
}

export async function listRevisions(db: Database, actor: Actor, articleId: number): Promise<RevisionRowDTO[]> {
  await assertCanView(db, actor, articleId);
  const rows = await db
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      title: articleRevisions.title,
      kind: articleRevisions.kind,
      changedFields: articleRevisions.changedFields,
      authorName: users.name,
      createdAt: articleRevisions.createdAt,
      updatedAt: articleRevisions.updatedAt,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(200);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
}

export async function getRevisionSnapshot(db: Database, actor: Actor, articleId: number, revisionId: number): Promise<ArticleSnapshot> {
  await assertCanView(db, actor, articleId);
  const [row] = await db
    .select({ snapshot: articleRevisions.snapshot })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)));
  if (!row) throw new ActionError(404, { code: 'revisionNotFound' });
  return row.snapshot as unknown as ArticleSnapshot;
}

export interface PresenceDTO {
  userId: number;
  name: string;
  seenAt: string;
}

export const PRESENCE_WINDOW_SECONDS = 60;

/** Heartbeat of an open editor; answers who else had the article open within the window. */
export async function touchPresence(db: Database, actor: Actor, articleId: number): Promise<PresenceDTO[]> {
  await assertCanView(db, actor, articleId);
  await db
    .insert(articlePresence)
    .values({ articleId, userId: actor.id, seenAt: new Date() })
    .onConflictDoUpdate({ target: [articlePresence.articleId, articlePresence.userId], set: { seenAt: new Date(), updatedAt: new Date() } });
  const since = new Date(Date.now() - PRESENCE_WINDOW_SECONDS * 1000);
  const rows = await db
    .select({ userId: articlePresence.userId, name: users.name, seenAt: articlePresence.seenAt })
    .from(articlePresence)
    .innerJoin(users, eq(users.id, articlePresence.userId))
    .where(and(eq(articlePresence.articleId, articleId), ne(articlePresence.userId, actor.id), gt(articlePresence.seenAt, since)));
  return rows.map((r) => ({ ...r, seenAt: r.seenAt.toISOString() }));
}

export async function leavePresence(db: Database, actor: Actor, articleId: number): Promise<void> {
  await db.delete(articlePresence).where(and(eq(articlePresence.articleId, articleId), eq(articlePresence.userId, actor.id)));
}
