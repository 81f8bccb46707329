import { dayInZone, daysBetween, shiftDay } from '../../domain/views/day';

/** Share of a demo article's total views that falls in the last 30 days. */
const RECENT_SHARE = 0.35;
const HISTORY_DAYS = 30;

/**
 * Per-day views for a demo article over the 30 days up to today (never before it was published),
 * more on recent days, so the "most read" lists and the views chart have something to show on a
 * fresh install. Deterministic for a given article and day; the days sum to less than the total.
 */
export function demoViewHistory(input: { totalViews: number; publishedAt: Date; now: Date; timeZone: string; seed: number }): { day: string; views: number }[] {
  const today = dayInZone(input.now, input.timeZone);
  const firstDay = dayInZone(input.publishedAt, input.timeZone);
  const span = Math.min(HISTORY_DAYS, daysBetween(firstDay, today));
  if (span < 1 || input.totalViews <= 0) return [];
  const weights = Array.from({ length: span }, (_, ago) => (1 + ((input.seed * 31 + ago * 17) % 7) / 7) * 0.9 ** ago);
  const sum = weights.reduce((a, b) => a + b, 0);
  const recent = Math.floor(input.totalViews * RECENT_SHARE);
  return weights
    .map((weight, ago) => ({ day: shiftDay(today, -ago), views: Math.floor((recent * weight) / sum) }))
    .filter((d) => d.views > 0);
}
