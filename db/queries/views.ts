import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { articles, articleStatus, articleViewsDaily, articleViewsRecent, siteSettings, viewRollupState } from '../schema';
import { PERIOD_DAYS, dayInZone, shiftDay, type MostReadPeriod } from '../../domain/views/day';
import { rebuildRecentViews } from './view-rollup';
import type { ArticleCardDTO } from './dto';
import { articleIsVisible } from './visibility';
import { cardColumns } from './public';

/**
 * View counting's data access: the flush (two statements in one transaction), what the beacon may
 * count, fresh counts, "most read" for readers, and the series and rankings for the admin.
 * Reader-facing lists carry `articleIsVisible` in their WHERE clause.
 */

export interface ViewIncrement {
  articleId: number;
  /** YYYY-MM-DD in the site's time zone. */
  day: string;
  views: number;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function assertDay(day: string): string {
  if (!DAY_RE.test(day)) throw new Error(`not a day: ${day}`);
  return day;
}

/** A PostgreSQL array literal; only ever built from validated integers and YYYY-MM-DD days. */
function arrayLiteral(values: (number | string)[]): string {
  return `{${values.join(',')}}`;
}

/**
 * Writes one batch: one INSERT … ON CONFLICT DO UPDATE into article_views_daily and one UPDATE … FROM
 * of articles.view_count, in one transaction. The rows come in as three (two) array parameters and are
 * unnested, so the statements have the same text and parameter count whatever the batch size.
 * Views of an article deleted since the beacon are dropped (the join), so a batch never fails on the
 * foreign key. `updated_at` is not touched: a view is not an edit.
 */
export async function applyViewIncrements(db: Database, increments: ViewIncrement[]): Promise<{ statements: number }> {
  const merged = new Map<string, ViewIncrement>();
  for (const inc of increments) {
    if (!Number.isSafeInteger(inc.articleId) || inc.articleId <= 0 || !Number.isSafeInteger(inc.views) || inc.views <= 0) continue;
    const key = `${inc.articleId}|${assertDay(inc.day)}`;
    const prev = merged.get(key);
    merged.set(key, { ...inc, views: (prev?.views ?? 0) + inc.views });
  }
  if (merged.size === 0) return { statements: 0 };
  // A stable order (article, day) so that concurrent flushers take row locks in the same order.
  const rows = [...merged.values()].sort((a, b) => a.articleId - b.articleId || a.day.localeCompare(b.day));
  const totals = new Map<number, number>();
  for (const row of rows) totals.set(row.articleId, (totals.get(row.articleId) ?? 0) + row.views);

  const ids = arrayLiteral(rows.map((r) => r.articleId));
  const days = arrayLiteral(rows.map((r) => r.day));
  const views = arrayLiteral(rows.map((r) => r.views));
  const totalIds = arrayLiteral([...totals.keys()]);
  const totalViews = arrayLiteral([...totals.values()]);

  const newestDay = rows.reduce((max, r) => (r.day > max ? r.day : max), rows[0]!.day);

  await db.transaction(async (tx) => {
    // Serialises flushes (from every server) on the rollup's one row, and reads the day it ends on.
    const [state] = await tx
      .insert(viewRollupState)
      .values({ id: 1, day: '1970-01-01' })
      .onConflictDoUpdate({ target: viewRollupState.id, set: { id: sql`excluded.id` } })
      .returning({ day: viewRollupState.day });
    await tx.execute(sql`
      insert into ${articleViewsDaily} (article_id, day, views)
      select v.article_id, v.day, v.views
      from unnest(${ids}::int[], ${days}::date[], ${views}::int[]) as v(article_id, day, views)
      join ${articles} a on a.id = v.article_id
      order by v.article_id, v.day
      on conflict (article_id, day) do update set views = ${articleViewsDaily}.views + excluded.views`);
    await tx.execute(sql`
      update ${articles} set view_count = ${articles}.view_count + v.views
      from unnest(${totalIds}::int[], ${totalViews}::bigint[]) as v(id, views)
      where ${articles}.id = v.id`);
    if (!state || newestDay > state.day) {
      await rebuildRecentViews(tx, newestDay);
      return;
    }
    const window = (period: MostReadPeriod) => shiftDay(state.day, 1 - PERIOD_DAYS[period]);
    await tx.execute(sql`
      insert into ${articleViewsRecent} (article_id, views_today, views_week, views_month)
      select v.article_id,
        sum(case when v.day >= ${window('today')}::date then v.views else 0 end),
        sum(case when v.day >= ${window('7d')}::date then v.views else 0 end),
        sum(v.views)
      from unnest(${ids}::int[], ${days}::date[], ${views}::int[]) as v(article_id, day, views)
      join ${articles} a on a.id = v.article_id
      where v.day >= ${window('30d')}::date
      group by v.article_id
      order by v.article_id
      on conflict (article_id) do update set
        views_today = ${articleViewsRecent}.views_today + excluded.views_today,
        views_week = ${articleViewsRecent}.views_week + excluded.views_week,
        views_month = ${articleViewsRecent}.views_month + excluded.views_month`);
  });
  return { statements: 4 };
}

export interface CountableArticles {
  /** Article id → publish time (ms): published or scheduled, not in the trash. */
  publishedAt: Map<number, number>;
  timeZone: string;
  /** Latest `updated_at` seen (ms), where the next incremental load starts. */
  updatedUpTo: number;
}

/** Incremental loads reach back this far, for transactions that commit after a later one. */
const CHANGES_OVERLAP_MS = 60_000;

/**
 * What the beacon may count, cached by the caller for a short while. This is `articleIsVisible` with
 * its time condition kept aside: the caller compares the publish time with the clock per beacon, so a
 * scheduled story counts from its minute on without a reload.
 *
 * With `previous`, only articles updated since then are read (every write bumps `updated_at`) and
 * merged in; the caller still does a full load now and then, which also forgets hard-deleted rows.
 */
export async function loadCountableArticles(db: Database, previous?: CountableArticles): Promise<CountableArticles> {
  const since = previous ? new Date(previous.updatedUpTo - CHANGES_OVERLAP_MS) : null;
  const countable = and(inArray(articles.status, ['published', 'scheduled']), isNull(articles.deletedAt), isNotNull(articles.publishedAt));
  const [rows, settings] = await Promise.all([
    db
      .select({ id: articles.id, publishedAt: articles.publishedAt, updatedAt: articles.updatedAt, countable: sql<boolean>`${countable}` })
      .from(articles)
      // All statuses spelled out, so the (status, updated_at) index serves the incremental read.
      .where(since ? and(inArray(articles.status, articleStatus.enumValues), gte(articles.updatedAt, since)) : countable),
    db.select({ timeZone: siteSettings.timeZone }).from(siteSettings).where(eq(siteSettings.id, 1)),
  ]);
  const publishedAt = previous ? new Map(previous.publishedAt) : new Map<number, number>();
  let updatedUpTo = previous?.updatedUpTo ?? 0;
  for (const row of rows) {
    const updated = new Date(row.updatedAt).getTime();
    if (updated > updatedUpTo) updatedUpTo = updated;
    // postgres.js and PGlite both answer a boolean expression as a boolean; be lenient anyway.
    const ok = row.countable === true || (row.countable as unknown) === 't';
    if (ok && row.publishedAt) publishedAt.set(row.id, new Date(row.publishedAt).getTime());
    else publishedAt.delete(row.id);
  }
  return { publishedAt, timeZone: settings[0]?.timeZone || 'Asia/Shanghai', updatedUpTo };
}

/** Stored totals of visible articles (the buffered, not yet flushed views are added by the caller). */
export async function getViewCounts(db: Database, ids: number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (!ids.length) return result;
  const rows = await db
    .select({ id: articles.id, viewCount: articles.viewCount })
    .from(articles)
    .where(and(inArray(articles.id, ids), articleIsVisible));
  for (const row of rows) result.set(row.id, Number(row.viewCount));
  return result;
}

export interface MostReadDTO extends ArticleCardDTO {
  /** Views within the period (the card's viewCount is the all-time total). */
  periodViews: number;
}


function toIso(value: Date | string | null): string {
  if (value === null) return new Date(0).toISOString();
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function periodTotals(db: Database, from: string, to?: string) {
  const range = to ? and(gte(articleViewsDaily.day, assertDay(from)), lte(articleViewsDaily.day, assertDay(to))) : gte(articleViewsDaily.day, assertDay(from));
  return db.$with('period_totals').as(
    db
      .select({ articleId: articleViewsDaily.articleId, views: sql<string>`sum(${articleViewsDaily.views})`.as('period_views') })
      .from(articleViewsDaily)
      .where(range)
      .groupBy(articleViewsDaily.articleId),
  );
}

/**
 * At start-up: moves a rollup that ends before today (just migrated, or no view counted since
 * midnight) to today, so "most read" reads it rather than aggregating daily rows until a view comes.
 */
export async function catchUpRecentViews(db: Database, now = Date.now()): Promise<boolean> {
  const [[state], [settings]] = await Promise.all([
    db.select({ day: viewRollupState.day }).from(viewRollupState).where(eq(viewRollupState.id, 1)),
    db.select({ timeZone: siteSettings.timeZone }).from(siteSettings).where(eq(siteSettings.id, 1)),
  ]);
  const today = dayInZone(now, settings?.timeZone || undefined);
  if (state && state.day >= today) return false;
  await rebuildRecentViews(db, today);
  return true;
}

const RECENT_COLUMN = { today: articleViewsRecent.viewsToday, '7d': articleViewsRecent.viewsWeek, '30d': articleViewsRecent.viewsMonth } as const;

/**
 * Reader "most read": visible articles by views from `from` to `today` (days in the site's zone).
 * A period of the rollup (today, 7 or 30 days) reads article_views_recent through its index when
 * the rollup ends on `today`; any other range, or a rollup not yet moved to today (no view counted
 * since midnight), aggregates the daily rows.
 */
export async function getMostReadSince(db: Database, from: string, limit: number, today?: string): Promise<MostReadDTO[]> {
  const period = today ? (Object.keys(PERIOD_DAYS) as MostReadPeriod[]).find((p) => shiftDay(today, 1 - PERIOD_DAYS[p]) === from) : undefined;
  const [state] = period ? await db.select({ day: viewRollupState.day }).from(viewRollupState).where(eq(viewRollupState.id, 1)) : [];
  if (period && state?.day === today) {
    const column = RECENT_COLUMN[period];
    const rows = await db
      .select({ ...cardColumns, periodViews: column })
      .from(articleViewsRecent)
      .innerJoin(articles, eq(articles.id, articleViewsRecent.articleId))
      .where(and(articleIsVisible, sql`${column} > 0`))
      .orderBy(desc(column), desc(articles.publishedAt), desc(articles.id))
      .limit(limit);
    return rows.map(toMostRead);
  }
  const totals = periodTotals(db, from);
  const rows = await db
    .with(totals)
    .select({ ...cardColumns, periodViews: totals.views })
    .from(totals)
    .innerJoin(articles, eq(articles.id, totals.articleId))
    .where(articleIsVisible)
    .orderBy(desc(totals.views), desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map(toMostRead);
}

function toMostRead<R extends { viewCount: number | string; periodViews: number | string; publishedAt: Date | string | null }>(row: R) {
  return { ...row, viewCount: Number(row.viewCount), periodViews: Number(row.periodViews), publishedAt: toIso(row.publishedAt) };
}

export interface DailyViews {
  day: string;
  views: number;
}

const MAX_SERIES_DAYS = 731;

function seriesRange(from: string, to: string): { from: string; to: string } {
  assertDay(from);
  assertDay(to);
  if (from > to) throw new Error('from is after to');
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (span > MAX_SERIES_DAYS) throw new Error(`at most ${MAX_SERIES_DAYS} days`);
  return { from, to };
}

function fillDays(from: string, to: string, rows: { day: string; views: string | number }[]): DailyViews[] {
  const byDay = new Map(rows.map((r) => [r.day, Number(r.views)]));
  const out: DailyViews[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, views: byDay.get(day) ?? 0 });
  }
  return out;
}

/** Admin chart: views per day for the whole site, every day of the range (zeros included). */
export async function getSiteViewsPerDay(db: Database, from: string, to: string): Promise<DailyViews[]> {
  const range = seriesRange(from, to);
  const rows = await db
    .select({ day: articleViewsDaily.day, views: sql<string>`sum(${articleViewsDaily.views})` })
    .from(articleViewsDaily)
    .where(and(gte(articleViewsDaily.day, range.from), lte(articleViewsDaily.day, range.to)))
    .groupBy(articleViewsDaily.day)
    .orderBy(asc(articleViewsDaily.day));
  return fillDays(range.from, range.to, rows);
}

/** Admin chart: views per day of one article, every day of the range (zeros included). */
export async function getArticleViewsPerDay(db: Database, articleId: number, from: string, to: string): Promise<DailyViews[]> {
  const range = seriesRange(from, to);
  const rows = await db
    .select({ day: articleViewsDaily.day, views: articleViewsDaily.views })
    .from(articleViewsDaily)
    .where(and(eq(articleViewsDaily.articleId, articleId), gte(articleViewsDaily.day, range.from), lte(articleViewsDaily.day, range.to)))
    .orderBy(asc(articleViewsDaily.day));
  return fillDays(range.from, range.to, rows);
}

export interface TopArticleDTO {
  id: number;
  slug: string;
  title: string;
  status: string;
  publishedAt: string | null;
  deleted: boolean;
  views: number;
  totalViews: number;
}

/**
 * Admin ranking for a period (both days included). Every article that was read counts, including
 * ones unpublished or trashed since (flagged), unless `visibleOnly`.
 */
export async function getTopArticles(
  db: Database,
  options: { from: string; to: string; limit: number; offset?: number; visibleOnly?: boolean },
): Promise<TopArticleDTO[]> {
  const range = seriesRange(options.from, options.to);
  const totals = periodTotals(db, range.from, range.to);
  const rows = await db
    .with(totals)
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      publishedAt: articles.publishedAt,
      deletedAt: articles.deletedAt,
      views: totals.views,
      totalViews: articles.viewCount,
    })
    .from(totals)
    .innerJoin(articles, eq(articles.id, totals.articleId))
    .where(options.visibleOnly ? articleIsVisible : undefined)
    .orderBy(desc(totals.views), desc(articles.id))
    .limit(Math.min(Math.max(options.limit, 1), 500))
    .offset(options.offset ?? 0);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    publishedAt: row.publishedAt ? toIso(row.publishedAt) : null,
    deleted: row.deletedAt !== null,
    views: Number(row.views),
    totalViews: Number(row.totalViews),
  }));
}

/** The title of one article for the admin's per-article chart, whether or not it made the top list; null when there is no such article. */
export async function getArticleTitle(db: Database, articleId: number): Promise<string | null> {
  const [row] = await db.select({ title: articles.title }).from(articles).where(eq(articles.id, articleId)).limit(1);
  return row?.title ?? null;
}

/** Site total for a period (admin summary). */
export async function getSiteViewsTotal(db: Database, from: string, to: string): Promise<number> {
  const range = seriesRange(from, to);
  const [row] = await db
    .select({ views: sql<string>`coalesce(sum(${articleViewsDaily.views}), 0)` })
    .from(articleViewsDaily)
    .where(and(gte(articleViewsDaily.day, range.from), lte(articleViewsDaily.day, range.to)));
  return Number(row?.views ?? 0);
}
