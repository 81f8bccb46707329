import type { Locale } from './messages';
import { offsetOf, offsetText, pad, wallClock } from '../time-zone';

/**
 * Building an Intl formatter with a time zone costs far more than formatting with it (it was ~5 %
 * of an uncached article render: a list calls these twice per story), so each one is made once per
 * locale, zone and style and kept; there are a handful per site.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(locale: string, timeZone: string, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${style}|${locale}|${timeZone}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return formatter;
}

/** Publish time as readers of the locale expect it, in the site's time zone. */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  const date = new Date(iso);
  if (locale === 'zh-CN') {
    const p = wallClock(date, timeZone);
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
  }
  return dateTimeFormat('en-GB', timeZone, 'date-time', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

export function formatDate(iso: string, locale: Locale, timeZone: string): string {
  const date = new Date(iso);
  if (locale === 'zh-CN') {
    const p = wallClock(date, timeZone);
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  }
  return dateTimeFormat('en-GB', timeZone, 'date', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** ISO 8601 with the site zone's offset, for `<time datetime>`. */
export function isoInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const p = wallClock(date, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetText(offsetOf(date.getTime(), p))}`;
}

export function formatNumber(value: number, locale: Locale): string {
  const key = `number|${locale}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale)));
  return formatter.format(value);
}

const UNITS = [
  { ms: 86_400_000, zh: '天', en: 'day' },
  { ms: 3_600_000, zh: '小时', en: 'hour' },
  { ms: 60_000, zh: '分钟', en: 'minute' },
] as const;

/**
 * A span as newsrooms say it, in its largest whole unit: "12 分钟", "3 hours"; under a minute is
 * "1 分钟" / "1 minute" (the dashboard's "还有 1 分钟" reads better than "0").
 */
export function formatSpan(ms: number, locale: Locale): string {
  const span = Math.max(ms, 60_000);
  const unit = UNITS.find((u) => span >= u.ms)!;
  const n = Math.floor(span / unit.ms);
  return locale === 'zh-CN' ? `${n} ${unit.zh}` : `${n} ${unit.en}${n === 1 ? '' : 's'}`;
}

/** A file's size as readers of both languages write it: 820 KB, 2.4 MB (decimal units, one decimal below 10). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(unit > 0 && value < 10 ? 1 : 0).replace(/\.0$/, '')} ${units[unit]}`;
}
