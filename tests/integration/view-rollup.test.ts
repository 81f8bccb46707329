import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { applyViewIncrements, catchUpRecentViews, getMostReadSince } from '@/db/queries/views';
import { viewRollupState } from '@/db/schema';
import { dayInZone, periodStart, shiftDay } from '@/domain/views/day';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { seedViewsFixture, type ViewsFixture } from './views-helpers';

// "Most read" reads a rollup that each flush adds to and a new day rebuilds; whatever the order of
// batches and days, it must rank exactly as aggregating the daily rows does.
describe(`most-read rollup on ${testDatabaseKind}`, () => {
  let tdb: TestDatabase;
  let db: Database;
  let ids: ViewsFixture;
  const today = dayInZone(Date.now(), 'Asia/Shanghai');

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = tdb.db;
    ids = await seedViewsFixture(db);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  const periods = ['today', '7d', '30d'] as const;
  async function expectRollupEqualsAggregate(day: string) {
    for (const period of periods) {
      const from = periodStart(period, day);
      const fromRollup = await getMostReadSince(db, from, 10, day);
      const aggregated = await getMostReadSince(db, from, 10);
      expect(fromRollup.map((a) => [a.id, a.periodViews]), period).toEqual(aggregated.map((a) => [a.id, a.periodViews]));
    }
  }

  it('adds batches of several days to the windows they fall in, as the daily rows say', async () => {
    await applyViewIncrements(db, [{ articleId: ids.published, day: today, views: 3 }]); // first flush: rebuilds
    await applyViewIncrements(db, [
      { articleId: ids.published, day: shiftDay(today, -3), views: 5 },
      { articleId: ids.other, day: today, views: 4 },
      { articleId: ids.other, day: shiftDay(today, -10), views: 20 },
      { articleId: ids.scheduledPast, day: shiftDay(today, -40), views: 100 }, // outside every window
      { articleId: ids.draft, day: today, views: 50 }, // never visible
    ]);
    await applyViewIncrements(db, [{ articleId: ids.published, day: today, views: 2 }]);
    await expectRollupEqualsAggregate(today);
    const week = await getMostReadSince(db, periodStart('7d', today), 10, today);
    expect(week.map((a) => [a.id, a.periodViews])).toEqual([
      [ids.published, 10],
      [ids.other, 4],
    ]);
  });

  it('moves to a new day when a batch brings one, and catches up at start-up after a quiet night', async () => {
    const tomorrow = shiftDay(today, 1);
    await applyViewIncrements(db, [{ articleId: ids.other, day: tomorrow, views: 1 }]);
    await expectRollupEqualsAggregate(tomorrow);
    expect((await getMostReadSince(db, tomorrow, 10, tomorrow)).map((a) => a.id)).toEqual([ids.other]);

    // No view for two days: the rollup still ends tomorrow; start-up moves it on.
    const later = Date.parse(`${shiftDay(today, 3)}T12:00:00+08:00`);
    const laterDay = dayInZone(later, 'Asia/Shanghai');
    expect(await catchUpRecentViews(db, later)).toBe(true);
    expect((await db.select({ day: viewRollupState.day }).from(viewRollupState).where(eq(viewRollupState.id, 1)))[0]?.day).toBe(laterDay);
    await expectRollupEqualsAggregate(laterDay);
    expect(await catchUpRecentViews(db, later)).toBe(false);
  });
});
