import type { Locale } from './messages';

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

function parts(date: Date, timeZone: string): Record<string, string> {
  const formatter = dateTimeFormat('en-US', timeZone, 'parts', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
}

/** Publish time as readers of the locale expect it, in the site's time zone. */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  const date = new Date(iso);
  if (locale === 'zh-CN') {
    const p = parts(date, timeZone);
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
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
    const p = parts(date, timeZone);
    return `${p.year}-${p.month}-${p.day}`;
  }
  return dateTimeFormat('en-GB', timeZone, 'date', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** ISO 8601 with the site zone's offset, for `<time datetime>`. */
export function isoInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const p = parts(date, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 60000) * 60000) / 60000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${String(date.getUTCSeconds()).padStart(2, '0')}${offset}`;
}

export function formatNumber(value: number, locale: Locale): string {
  const key = `number|${locale}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale)));
  return formatter.format(value);
}
