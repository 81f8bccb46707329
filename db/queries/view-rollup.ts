import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { articleViewsDaily, articleViewsRecent, viewRollupState } from '../schema';
import { PERIOD_DAYS, isDay, shiftDay, type MostReadPeriod } from '../../domain/views/day';

// Not marked server-only: the seed scripts (plain Node) rebuild the rollup after writing history.

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Recomputes article_views_recent for the windows ending on `day` from the daily rows: once a day
 * (when a flush brings the first views of a new day), after a seed or an import wrote daily rows.
 * Its cost is the last 30 days' activity, not the archive.
 */
export async function rebuildRecentViews(db: Database | Tx, day: string): Promise<void> {
  if (!isDay(day)) throw new Error(`not a day: ${day}`);
  const from = (period: MostReadPeriod) => shiftDay(day, 1 - PERIOD_DAYS[period]);
  // Inside a caller's transaction this is a savepoint: the rollup is replaced whole or not at all.
  await (db as Database).transaction(async (tx) => {
    await tx.insert(viewRollupState).values({ id: 1, day }).onConflictDoUpdate({ target: viewRollupState.id, set: { day } });
    await tx.delete(articleViewsRecent);
    await tx.execute(sql`
      insert into ${articleViewsRecent} (article_id, views_today, views_week, views_month)
      select article_id,
        coalesce(sum(views) filter (where day >= ${from('today')}::date), 0),
        coalesce(sum(views) filter (where day >= ${from('7d')}::date), 0),
        sum(views)
      from ${articleViewsDaily}
      where day >= ${from('30d')}::date and day <= ${day}::date
      group by article_id`);
  });
}
