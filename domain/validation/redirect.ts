import { z } from './zod';
import { ROUTE_SEGMENTS } from '../reserved-slugs.mjs';
import { CsvError, parseCsv } from '../csv';
import { ActionError, fieldMessagesOf } from '../errors';
import { siteHref } from './settings';

/**
 * A redirect answers where Gazette would otherwise say 404: `/{slug}`, deeper paths, `/tags/…` and
 * `/authors/…`. Other first segments are Gazette's own routes, which never fall through to a redirect.
 */
const FALLS_THROUGH = new Set(['tags', 'authors']);
const OWN_SEGMENTS = new Set<string>(ROUTE_SEGMENTS.filter((s) => !FALLS_THROUGH.has(s)));

export const REDIRECT_PATH_MAX = 512;
export const REDIRECT_TARGET_MAX = 2000;
export const REDIRECT_STATUSES = [301, 302] as const;

/**
 * The form a path is stored and looked up in: percent-decoded (pages see decoded params; old
 * WordPress links arrive encoded), NFC, without a trailing slash (Next.js removes it first).
 * Null when it is not a path a redirect can start from.
 */
export function normalizeRedirectFrom(raw: string): string | null {
  let path = raw.trim();
  if (/^https?:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return null;
    }
  }
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  if (/[?#\s\\]/.test(path) || /\p{Cc}/u.test(path)) return null;
  try {
    path = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (/\p{Cc}/u.test(path)) return null;
  path = path.normalize('NFC').replace(/\/+$/, '');
  const segments = path.split('/').slice(1);
  if (path === '' || segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  return path;
}

/** A local path (`/…`) or an absolute http(s) URL, as menus allow; whitespace inside is refused, not stripped. */
export function normalizeRedirectTarget(raw: string): string | null {
  const target = raw.trim();
  if (/\s/.test(target) || /\p{Cc}/u.test(target)) return null;
  return siteHref(target);
}

/** Whether Gazette answers this path itself, so a redirect from it would never be used. */
export function isOwnRoute(path: string): boolean {
  const first = path.split('/')[1] ?? '';
  return OWN_SEGMENTS.has(first) || /\.(xml|json|atom|txt)$/.test(first);
}

/** The local path a target points at, for loop checks; null for another site. */
export function localTargetPath(target: string): string | null {
  if (!target.startsWith('/')) return null;
  return normalizeRedirectFrom(target.split(/[?#]/)[0]!);
}

export const redirectInput = z.object({
  fromPath: z
    .string()
    .max(REDIRECT_PATH_MAX, 'atMost')
    .transform((v, ctx) => {
      const path = normalizeRedirectFrom(v);
      if (path === null) ctx.addIssue({ code: 'custom', message: 'redirectFromInvalid' });
      else if (isOwnRoute(path)) ctx.addIssue({ code: 'custom', message: 'redirectFromOwnRoute' });
      return path ?? '';
    }),
  toPath: z
    .string()
    .max(REDIRECT_TARGET_MAX, 'atMost')
    .transform((v, ctx) => {
      const target = normalizeRedirectTarget(v);
      if (target === null) ctx.addIssue({ code: 'custom', message: 'hrefInvalid' });
      return target ?? '';
    }),
  statusCode: z.coerce.number().pipe(z.union([z.literal(301), z.literal(302)], { error: 'redirectStatusInvalid' })),
});

export type RedirectInput = z.output<typeof redirectInput>;

export const REDIRECT_CSV_MAX_ROWS = 50_000;
// Under the Server Action body limit (next.config.mjs, 4 MB) with room for the form around it.
export const REDIRECT_CSV_MAX_BYTES = 3 * 1024 * 1024;

/**
 * The rows of an uploaded CSV (`from,to[,status]`, an optional header line, as the export writes
 * it), each checked like the form; the first bad line is refused with its number.
 */
export function redirectsFromCsv(text: string): (RedirectInput & { line: number })[] {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new ActionError(422, { code: 'redirectCsvQuote', params: { line: error.line } });
    throw error;
  }
  if (records[0] && !/^(\/|https?:)/i.test(records[0].fields[0]!.trim())) records.shift();
  if (!records.length) throw new ActionError(422, { code: 'redirectCsvEmpty' });
  if (records.length > REDIRECT_CSV_MAX_ROWS) throw new ActionError(413, { code: 'redirectCsvTooLarge', params: { max: REDIRECT_CSV_MAX_ROWS } });
  return records.map(({ line, fields }) => {
    const [fromPath, toPath, status, ...extra] = fields;
    if (toPath === undefined || extra.some((f) => f.trim() !== '')) throw new ActionError(422, { code: 'redirectCsvUnreadable', params: { line } });
    const parsed = redirectInput.safeParse({ fromPath, toPath, statusCode: status?.trim() || 301 });
    if (!parsed.success) {
      const reasons = Object.values(fieldMessagesOf(parsed.error)).flat();
      throw new ActionError(422, { code: 'redirectImportRefused', params: { line } }, { file: reasons });
    }
    return { ...parsed.data, line };
  });
}
