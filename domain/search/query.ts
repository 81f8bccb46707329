/** Longest query we search for, in characters; a longer one is cut here. */
export const MAX_QUERY_LENGTH = 100;

/**
 * A reader's query as we search and show it: controls and lone surrogates removed (PostgreSQL
 * refuses NUL in text), spaces collapsed, at most MAX_QUERY_LENGTH characters.
 */
export function cleanSearchQuery(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const text = raw
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...text].slice(0, MAX_QUERY_LENGTH).join('').trim();
}
