/**
 * Marking a reader's query in titles and snippets. Matching is done by the database
 * (drizzle/0003_search_functions.sql); this only finds where to put <mark>, so it may be simpler.
 */

const RUN = /[0-9a-z\u00df-\u024f\u0370-\u03ff\u0400-\u04ff]+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/g;

/**
 * The words and CJK runs of a query, longest first so that a longer term wins where two overlap,
 * and the English stems the database also matched on (`publish` for `publishing`, so that
 * "published" is marked). Snowball turns a final y into i (`city` gives `citi`), so such a stem is
 * marked with its y as well.
 */
export function highlightTerms(query: string, stems: readonly string[] = []): string[] {
  const runs = query.normalize('NFKC').toLowerCase().slice(0, 200).match(RUN) ?? [];
  const stemTerms = stems.filter((s) => s.length >= 3).flatMap((s) => (s.endsWith('i') ? [s, `${s.slice(0, -1)}y`] : [s]));
  const longestFirst = (terms: string[]) => [...new Set(terms)].sort((a, b) => b.length - a.length);
  return longestFirst([...longestFirst(runs).slice(0, 32), ...stemTerms]);
}

export interface Segment {
  text: string;
  match: boolean;
}

function termPattern(terms: string[]): RegExp | null {
  if (!terms.length) return null;
  return new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
}

/** `text` cut into plain and matching pieces, in order; joined, they give `text` back. */
export function highlight(text: string, terms: string[]): Segment[] {
  const pattern = termPattern(terms);
  if (!pattern || !text) return text ? [{ text, match: false }] : [];
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), match: false });
    out.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}

/** About `length` characters of `text` around the first match, with an ellipsis where it was cut. */
export function snippet(text: string, terms: string[], length = 120): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const first = termPattern(terms)?.exec(clean)?.index ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), clean.length - length));
  const cut = [...clean.slice(start, start + length + 1)];
  const body = cut.slice(0, length).join('');
  return `${start > 0 ? '…' : ''}${body}${cut.length > length ? '…' : ''}`;
}
