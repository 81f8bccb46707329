import 'server-only';
import { and, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { ARCHIVE_REWALK_MS } from '../../domain/archive-pages.mjs';
import { SITE_WIDE_TAGS } from '../../domain/cache-tags';
import { articles, pageTagExpiry, pageWarm } from '../schema';
import { articleIsVisible } from './visibility';

/** A story whose page the walk asks for next: its id and slug make the path. */
export interface StoryToWarm {
  id: number;
  slug: string;
  /** Its publication time as PostgreSQL wrote it (microseconds kept): where the walk goes on from. */
  publishedAt: string;
}

/**
 * Takes or renews `holder`'s lease on the walk of `buildId` (ADR 0016) and returns the next
 * `limit` visible stories after the place reached, newest first; null while another server holds a
 * lease that has not run out, or once the walk is finished. The first call for a build starts it;
 * a site-wide change starts it again.
 */
export async function takeWarmStep(db: Database, buildId: string, holder: string, limit: number, leaseSeconds: number): Promise<StoryToWarm[] | null> {
  return db.transaction(async (tx) => {
    const latestSiteWide = sql`(select coalesce(max(${pageTagExpiry.expiredAt}), 0) from ${pageTagExpiry} where ${pageTagExpiry.tag} in ${SITE_WIDE_TAGS})`;
    await tx.insert(pageWarm).values({ buildId, siteExpiredAt: latestSiteWide }).onConflictDoNothing();
    // A change every story page shows (the header, the breaking-news banner) since the walk began
    // made every stored story page stale: the walk, finished or not, starts again from the newest.
    // So does a finished walk begun ARCHIVE_REWALK_MS ago, before any stored page is a week old.
    const rewalkAfter = sql`now() - make_interval(secs => ${ARCHIVE_REWALK_MS / 1000})`;
    await tx
      .update(pageWarm)
      .set({ reachedPublishedAt: null, reachedId: null, pages: 0, finishedAt: null, startedAt: sql`now()`, siteExpiredAt: latestSiteWide })
      .where(
        and(
          eq(pageWarm.buildId, buildId),
          or(sql`${latestSiteWide} > ${pageWarm.siteExpiredAt}`, and(isNotNull(pageWarm.finishedAt), lt(pageWarm.startedAt, rewalkAfter))),
        ),
      );
    const [held] = await tx
      .update(pageWarm)
      .set({ holder, heldUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
      .where(and(eq(pageWarm.buildId, buildId), isNull(pageWarm.finishedAt), or(isNull(pageWarm.holder), eq(pageWarm.holder, holder), lt(pageWarm.heldUntil, sql`now()`))))
      .returning({ reachedId: pageWarm.reachedId });
    if (!held) return null;
    // The row comparison walks the reader index (published_at desc, id desc) from the place reached,
    // compared with the timestamp as stored (microseconds), never a rounded copy.
    const after =
      held.reachedId === null
        ? undefined
        : sql`(${articles.publishedAt}, ${articles.id}) < (select ${pageWarm.reachedPublishedAt}, ${pageWarm.reachedId} from ${pageWarm} where ${pageWarm.buildId} = ${buildId})`;
    return tx
      .select({ id: articles.id, slug: articles.slug, publishedAt: sql<string>`${articles.publishedAt}::text` })
      .from(articles)
      .where(and(articleIsVisible, after))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(limit);
  });
}

/**
 * Records that `holder` asked for `pages` more pages, up to the story `reached` (as the step read
 * it: a story moved or deleted since cannot move the walk); with no story, the walk is finished.
 * Nothing changes if the lease passed to another server meanwhile.
 */
export async function recordWarmStep(db: Database, buildId: string, holder: string, reached: StoryToWarm | null, pages: number): Promise<void> {
  const mine = and(eq(pageWarm.buildId, buildId), eq(pageWarm.holder, holder));
  if (reached === null) {
    await db.update(pageWarm).set({ finishedAt: sql`now()`, holder: null, heldUntil: null }).where(mine);
    return;
  }
  await db
    .update(pageWarm)
    .set({ reachedPublishedAt: sql`${reached.publishedAt}::timestamptz`, reachedId: reached.id, pages: sql`${pageWarm.pages} + ${pages}` })
    .where(mine);
}

/** Gives up `holder`'s lease (a server stopping), so that another server goes on at once. */
export async function releaseWarm(db: Database, buildId: string, holder: string): Promise<void> {
  await db.update(pageWarm).set({ holder: null, heldUntil: null }).where(and(eq(pageWarm.buildId, buildId), eq(pageWarm.holder, holder)));
}
