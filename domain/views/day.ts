/** Calendar days (YYYY-MM-DD) in the site's time zone: the unit of article_views_daily. */

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      // en-CA formats dates as YYYY-MM-DD.
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = formatter(DEFAULT_TIME_ZONE); // an invalid zone in the settings must not break counting
    }
    formatters.set(timeZone, f);
  }
  return f;
}

export function dayInZone(at: number | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatter(timeZone).format(at);
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY_RE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The day `delta` days after `day` (negative: before). */
export function shiftDay(day: string, delta: number): string {
  const ms = Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export type MostReadPeriod = 'today' | '7d' | '30d';

export const PERIOD_DAYS: Record<MostReadPeriod, number> = { today: 1, '7d': 7, '30d': 30 };

/** First day of a period ending today (today included). */
export function periodStart(period: MostReadPeriod, today: string): string {
  return shiftDay(today, 1 - PERIOD_DAYS[period]);
}
