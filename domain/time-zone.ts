/**
 * Wall-clock time in a named time zone, and back. The admin types and reads times on the site's
 * clock (not the browser's or the server's), so both sides convert explicitly with these; pure, for
 * the server's formatting (domain/i18n/format.ts) and the editor's date fields alike.
 */

/** Building an Intl formatter with a time zone costs far more than using it: one per zone, kept. */
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The date and time a clock in `timeZone` shows at that instant. */
export function wallClock(date: Date, timeZone: string): WallClock {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    partsFormatters.set(timeZone, formatter);
  }
  const p = Object.fromEntries(formatter.formatToParts(date).filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** Minutes the zone is ahead of UTC at that instant, from the wall clock it shows then. */
export function offsetOf(instant: number, clock: WallClock): number {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

export function offsetMinutes(instant: number, timeZone: string): number {
  return offsetOf(instant, wallClock(new Date(instant), timeZone));
}

export const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "+08:00" for 480 minutes. */
export function offsetText(minutes: number): string {
  return `${minutes >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** ISO instant → "YYYY-MM-DDTHH:mm" as the site's clock shows it (for <input type="datetime-local">); '' for none. */
export function isoToLocalInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = wallClock(date, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** "YYYY-MM-DDTHH:mm" on the site's clock → ISO 8601 with that zone's offset; '' for none or invalid. */
export function localInputToIso(value: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return '';
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
  // The offset depends on the instant, which depends on the offset: two rounds settle DST edges.
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60000, timeZone);
  return `${pad(y!, 4)}-${pad(mo!)}-${pad(d!)}T${pad(h!)}:${pad(mi!)}:${pad(s || 0)}${offsetText(offset)}`;
}
