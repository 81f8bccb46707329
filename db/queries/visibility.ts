import { and, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { articles, type ArticleStatus } from '../schema';

/**
 * The one definition of "effectively published", shared by the reader and the admin: a story
 * marked published, or scheduled, whose publish time has come. A scheduled story turns public at
 * its time with no job running, because the database's `now()` decides; the admin uses the same
 * rule for what it calls 已发布, so the two never disagree.
 */
const liveAt = (clock: SQL): SQL => and(inArray(articles.status, ['published', 'scheduled']), lte(articles.publishedAt, clock))!;
export const articleIsLive: SQL = liveAt(sql`now()`);

/** Marked published or scheduled, with the time still ahead: the admin calls it 定时 (scheduled). */
const pendingAt = (clock: SQL): SQL => and(inArray(articles.status, ['published', 'scheduled']), or(gt(articles.publishedAt, clock), isNull(articles.publishedAt)))!;
const articleIsPending: SQL = pendingAt(sql`now()`);

/** What a reader may see: live and not in the trash. */
export const articleIsVisible = and(articleIsLive, isNull(articles.deletedAt));

/** The status the admin shows and filters by: the stored one, with live stories as published and pending ones as scheduled. */
export function effectiveStatusAt(clock: SQL) {
  return sql<ArticleStatus>`(case when ${liveAt(clock)} then 'published' when ${pendingAt(clock)} then 'scheduled' else ${articles.status} end)`.mapWith(articles.status);
}

export const effectiveStatus = effectiveStatusAt(sql`now()`);

/** `effectiveStatus = status`, written so that the (status, updated_at) index can still narrow it. */
export function hasEffectiveStatus(status: ArticleStatus): SQL {
  if (status === 'published') return articleIsLive;
  // Few stories are pending, but the planner cannot know that a live story's published_at is never
  // null, guesses one in ten, and would walk a whole list for a page of them: collect them first
  // (OFFSET 0 keeps the subquery from being merged) through the (status, published_at) index.
  if (status === 'scheduled') return sql`${articles.id} in (select ${articles.id} from ${articles} where ${articleIsPending} offset 0)`;
  return eq(articles.status, status);
}

/** A scheduled row whose time has come: `promoteDueScheduled` flips it to published. */
export const scheduledIsDue: SQL = and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, sql`now()`), isNull(articles.deletedAt))!;
