import type { ArticleStatus } from '../../enums';
import { richTextToPlainText } from '../../rich-text/plain-text';
import { htmlToRichText } from '../../rich-text/from-html';
import type { RichTextDoc } from '../../rich-text/schema';
import { slugify } from '../../slug';
import { cleanRichText } from '../../validation/article';
import { cleanLine, cleanMultiline } from '../../validation/text';
import { normalizeRedirectFrom } from '../../validation/redirect';
import { wordpressContentToDoc } from './content';
import type { WxrCategory, WxrChannel, WxrItem } from './wxr-types';

/** WordPress's records → what Gazette stores, decided without the database. */

/** `YYYY-MM-DD HH:MM:SS` in UTC → a Date; WordPress's zero date (never scheduled) and nonsense → null. */
export function parseWpDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 1970 || year > 9999) return null; // 0000-00-00 00:00:00 is "no date", not year 0
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export type ItemKind = 'post' | 'page' | 'attachment';

export function itemKind(item: WxrItem): ItemKind | null {
  return item.postType === 'post' || item.postType === 'page' || item.postType === 'attachment' ? item.postType : null;
}

export type StatusDecision =
  | { ok: true; status: ArticleStatus; publishedAt: Date | null; note?: string }
  | { ok: false; reason: string };

/**
 * publish → published, future → scheduled at the same instant, draft → draft, pending → in review,
 * private → archived (kept, never public), trash → not imported. A password-protected post never
 * becomes public: it comes in as a draft.
 */
export function articleStatusOf(item: WxrItem): StatusDecision {
  const gmt = parseWpDate(item.postDateGmt);
  // A published post always has a GMT date; an old export may not, and its local date is then the best there is.
  const when = gmt ?? parseWpDate(item.postDate);
  const guarded = (status: ArticleStatus, publishedAt: Date | null, note?: string): StatusDecision =>
    item.password && (status === 'published' || status === 'scheduled')
      ? { ok: true, status: 'draft', publishedAt: null, note: 'password-protected in WordPress: imported as a draft, not public' }
      : { ok: true, status, publishedAt, ...(note ? { note } : {}) };
  switch (item.status) {
    case 'publish':
      return when ? guarded('published', when, gmt ? undefined : 'no GMT date: the site-local date was taken as UTC') : { ok: false, reason: 'published without a valid date' };
    case 'future':
      return gmt ? guarded('scheduled', gmt) : { ok: true, status: 'draft', publishedAt: null, note: 'scheduled without a GMT date: imported as a draft' };
    case 'draft':
      return { ok: true, status: 'draft', publishedAt: null };
    case 'pending':
      return { ok: true, status: 'in_review', publishedAt: null };
    case 'private':
      return { ok: true, status: 'archived', publishedAt: when, note: 'private in WordPress: imported as archived, not public' };
    case 'trash':
      return { ok: false, reason: 'in the WordPress trash' };
    case 'auto-draft':
      return { ok: false, reason: 'an auto-draft WordPress never saved' };
    default:
      return { ok: false, reason: `unknown status "${item.status}"` };
  }
}

/** Pages are draft or published in Gazette; anything not plainly public stays a draft. */
export function pageStatusOf(item: WxrItem): StatusDecision {
  const decision = articleStatusOf(item);
  if (!decision.ok) return decision;
  if (decision.status === 'published') return decision;
  return { ok: true, status: 'draft', publishedAt: null, note: decision.note ?? (item.status === 'draft' ? undefined : `${item.status} in WordPress: imported as a draft page`) };
}

const safeDecode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** A WordPress slug (percent-encoded for non-ASCII) → a Gazette slug (ASCII, pinyin for Chinese). */
export function gazetteSlug(wpSlug: string, fallbackText: string, fallback: string): string {
  const decoded = safeDecode(wpSlug).trim();
  return slugify(decoded || fallbackText, fallback);
}

/** The path of an old URL, decoded and normalised as redirects store it; null for `/` or `?p=1`. */
export function oldPath(link: string): string | null {
  if (!link) return null;
  return normalizeRedirectFrom(link.split(/[?#]/)[0]!);
}

/** Old paths that must answer with the new article: its permalink and one per `_wp_old_slug`. */
export function oldPathsOf(item: WxrItem): string[] {
  const current = oldPath(item.link);
  if (!current) return [];
  const paths = [current];
  const segments = current.split('/');
  const last = segments.at(-1)!;
  // Only a permalink that ends in the slug tells where an old slug went (not /archives/123).
  if (item.postName && last === safeDecode(item.postName).normalize('NFC')) {
    for (const { key, value } of item.meta) {
      if (key !== '_wp_old_slug' || !value.trim()) continue;
      const path = normalizeRedirectFrom([...segments.slice(0, -1), encodeURIComponent(safeDecode(value.trim()))].join('/'));
      if (path && !paths.includes(path)) paths.push(path);
    }
  }
  return paths;
}

/** `/category/parent/child` (WordPress's own) and `/category/child` (which it also answers). */
export function categoryPaths(category: WxrCategory, bySlug: Map<string, WxrCategory>): string[] {
  const chain = [category.slug];
  for (let parent = bySlug.get(category.parent), n = 0; parent && n < 20; parent = bySlug.get(parent.parent), n++) chain.unshift(parent.slug);
  const paths = [`/category/${chain.join('/')}`, `/category/${category.slug}`].map((p) => normalizeRedirectFrom(p)).filter((p): p is string => Boolean(p));
  return [...new Set(paths)];
}

export const tagOldPath = (slug: string) => normalizeRedirectFrom(`/tag/${slug}`);

export function metaValues(item: WxrItem, key: string): string[] {
  return item.meta.filter((m) => m.key === key).map((m) => m.value);
}

const firstMeta = (item: WxrItem, keys: string[]) => keys.map((k) => metaValues(item, k)[0]?.trim()).find(Boolean) ?? '';

/** The `views` custom field (WP-PostViews and similar), as a whole number. */
export function viewsOf(item: WxrItem): number {
  const raw = firstMeta(item, ['views', 'post_views_count']);
  const n = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  return Number.isSafeInteger(n) ? n : 0;
}

export const featuredAttachmentOf = (item: WxrItem) => firstMeta(item, ['_thumbnail_id']);

export function localeOf(text: string, channel: Pick<WxrChannel, 'language'>): 'zh-CN' | 'en' {
  if (/\p{Script=Han}/u.test(text)) return 'zh-CN';
  return /^zh/i.test(channel.language) && !/[a-z]{3}/i.test(text) ? 'zh-CN' : 'en';
}

/** The old site as one key for idempotency: scheme-less host and path, lower case, no trailing slash. */
export function sourceSiteOf(channel: WxrChannel): string {
  const raw = channel.baseBlogUrl || channel.link || channel.baseSiteUrl;
  try {
    const url = new URL(raw);
    return `${url.host}${url.pathname}`.toLowerCase().replace(/\/+$/, '');
  } catch {
    return raw.toLowerCase().slice(0, 200) || 'unknown';
  }
}

/** A login → an address that is unique and can never receive mail (RFC 2606's .invalid). */
export const placeholderEmail = (login: string) => `wp-${slugify(login, 'author')}@import.invalid`;


export type MappedArticle = {
  title: string;
  subtitle: string;
  excerpt: string;
  source: string;
  doc: RichTextDoc;
  locale: 'zh-CN' | 'en';
  notes: string[];
};

const titleLimit = 300;

/** Title, subtitle, excerpt and body, by the editor's rules (cleaned lines, the document's checks). */
export function mapArticleContent(item: WxrItem, channel: WxrChannel): { ok: true; value: MappedArticle } | { ok: false; reason: string } {
  const notes: string[] = [];
  const baseUrl = channel.baseBlogUrl || channel.link || undefined;
  const checked = cleanRichText(wordpressContentToDoc(item.content, baseUrl));
  if (!checked.ok) return { ok: false, reason: `content refused: ${checked.error}` };
  let title = cleanLine(richTextToPlainText(htmlToRichText(item.title)) || item.title.replace(/<[^>]*>/g, ''));
  if (!title) {
    title = `(untitled ${item.postId})`;
    notes.push('no title in WordPress');
  }
  if ([...title].length > titleLimit) {
    title = `${[...title].slice(0, titleLimit - 1).join('')}…`;
    notes.push(`title cut to ${titleLimit} characters`);
  }
  const excerptText = cleanMultiline(richTextToPlainText(htmlToRichText(item.excerpt)));
  const excerpt = [...excerptText].length > 1000 ? `${[...excerptText].slice(0, 999).join('')}…` : excerptText;
  const subtitle = cleanLine(firstMeta(item, ['subtitle', 'wps_subtitle', '_subtitle'])).slice(0, 300);
  const source = cleanLine(firstMeta(item, ['source', '_source', 'source_name'])).slice(0, 200);
  return { ok: true, value: { title, subtitle, excerpt, source, doc: checked.doc, locale: localeOf(`${title}${excerpt}`, channel), notes } };
}
