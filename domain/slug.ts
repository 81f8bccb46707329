import { pinyin } from 'pinyin-pro';

const MAX_SLUG_LENGTH = 80;
const HAN = /\p{Script=Han}/u;
// Letters that do not decompose into a base letter plus marks.
const LATIN_EXTRAS: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * A readable ASCII slug: Chinese becomes toneless pinyin (基层防控 → ji-ceng-fang-kong), other
 * scripts are transliterated by NFKD + dropping marks, everything else becomes hyphens.
 */
export function slugify(input: string, fallback = 'article'): string {
  const normalized = input.normalize('NFKC');
  const romanized = HAN.test(normalized)
    ? pinyin(normalized, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ')
    : normalized;
  const ascii = romanized
    .replace(/[ßæÆœŒøØłŁđĐðþı]/g, (c) => LATIN_EXTRAS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{Mark}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const trimmed = trimAtWordBoundary(ascii, MAX_SLUG_LENGTH);
  return trimmed || fallback;
}

function trimAtWordBoundary(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-+$/, '');
}

/** Accepts what an editor typed as a slug, or null when nothing usable is left. */
export function normalizeSlugInput(input: string): string | null {
  const slug = slugify(input, '');
  return slug === '' ? null : slug;
}

/** `base`, else `base-2`, `base-3`… whichever `isTaken` reports free. */
export async function uniqueSlug(base: string, isTaken: (candidate: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free slug for "${base}"`);
}
