/**
 * The sensitive-word check (敏感词): an administrator's list of words a story must not carry
 * unnoticed. Matching is by substring (Chinese has no spaces between words), after NFKC and
 * lower-casing both sides, so full-width ＡＢＣ and abc, or a capitalised English word, are the same.
 */

export interface SensitiveWordRule {
  words: readonly string[];
  /** Block submitting and publishing (true), or only warn (false). */
  block: boolean;
}

export const SENSITIVE_WORDS_MAX = 5000;
export const SENSITIVE_WORD_MAX_LENGTH = 50;

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * A list as typed or imported (one word per line; commas and 、 also separate): trimmed, folded,
 * without empties or repeats, in the order given. Blank lines and `#` comment lines are skipped.
 */
export function parseWordList(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().startsWith('#')) continue;
    for (const piece of line.split(/[,，、]/)) {
      const word = fold(piece).trim();
      if (word) seen.add(word);
    }
  }
  return [...seen];
}

/** The listed words `text` contains, in the list's order. */
export function findSensitiveWords(text: string, words: readonly string[]): string[] {
  if (!words.length || !text) return [];
  const folded = fold(text);
  return words.filter((word) => folded.includes(word));
}

/**
 * Where the words occur in `text` (as typed, not folded), for highlighting: [start, end) pairs,
 * sorted and not overlapping. Folding can change a string's length (NFKC), so positions are
 * found character by character on the folded form of each character.
 */
export function sensitiveRanges(text: string, words: readonly string[]): [number, number][] {
  if (!words.length || !text) return [];
  const chars: { folded: string; start: number; end: number }[] = [];
  let offset = 0;
  for (const ch of text) {
    chars.push({ folded: fold(ch), start: offset, end: offset + ch.length });
    offset += ch.length;
  }
  const folded = chars.map((c) => c.folded).join('');
  // Folded position → index of the character it came from.
  const owner: number[] = [];
  chars.forEach((c, i) => {
    for (let k = 0; k < c.folded.length; k++) owner.push(i);
  });
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + Math.max(1, word.length))) {
      ranges.push([chars[owner[at]!]!.start, chars[owner[at + word.length - 1]!]!.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
