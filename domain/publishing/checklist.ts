import type { RichTextNode } from '../rich-text/schema';
import { safeHref } from '../rich-text/render';
import { richTextToPlainText } from '../rich-text/plain-text';
import type { RichTextDoc } from '../rich-text/schema';
import { findSensitiveWords, type SensitiveWordRule } from './sensitive-words';

/**
 * What has to be right before a story goes in front of readers. The same function runs in the
 * editor's publish panel and in the DAL (publish, schedule, submit, saving a live story), so the
 * server refuses exactly what the panel shows as failing.
 *
 * Blocking items are the ones readers or search engines would meet broken: no section to file
 * the story under, an image a screen reader cannot describe, a link that goes nowhere. A long
 * description is only truncated in search results, so it is a warning the editor may publish over.
 * Sensitive words (敏感词) block or only warn, as the site's administrators chose.
 */

/** The article's values the checklist reads; the editor's form and the stored row both have them. */
export interface ChecklistInput {
  sectionId: number | null;
  coverImageUrl: string | null;
  coverMediaId: number | null;
  coverImageAlt: string;
  body: unknown;
  excerpt: string;
  seoDescription: string | null;
  title: string;
  subtitle: string;
  coverCaption?: string;
  coverCredit?: string;
  /** The site's sensitive-word list and whether it blocks; none: no check. */
  sensitiveWords?: SensitiveWordRule | null;
}

export type ChecklistCode = 'checkSection' | 'checkCoverAlt' | 'imagesNeedAlt' | 'checkLinks' | 'checkDescriptionLength' | 'checkSensitiveWords';

export interface ChecklistItem {
  code: ChecklistCode;
  ok: boolean;
  /** A failing blocking item keeps the story from being published; a failing warning does not. */
  blocking: boolean;
  /** The form field the item is about: the server reports failures on it. */
  field: 'sectionId' | 'coverImageAlt' | 'body' | 'seoDescription';
  params?: Record<string, number | string>;
}

/** Search engines show about this many characters of a description. */
export const DESCRIPTION_MAX = 160;

export interface BodyCounts {
  imagesWithoutAlt: number;
  emptyLinks: number;
}

function isNode(value: unknown): value is RichTextNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function countBody(nodes: unknown, counts: BodyCounts): BodyCounts {
  if (!Array.isArray(nodes)) return counts;
  for (const node of nodes) {
    if (!isNode(node)) continue;
    if ((node.type === 'image' || node.type === 'figure') && !String(node.attrs?.alt ?? '').trim()) counts.imagesWithoutAlt++;
    const link = node.marks?.find((m) => m.type === 'link');
    // The renderer drops a link whose address is empty or unsafe (the words stay, unlinked), and a
    // link around blank text cannot be seen or clicked: either way the editor meant something else.
    if (link && (!safeHref(link.attrs?.href) || !(node.text ?? '').trim())) counts.emptyLinks++;
    countBody(node.content, counts);
  }
  return counts;
}

/** Images without alt text and links that go nowhere, anywhere in a document. */
export function bodyProblems(body: unknown): BodyCounts {
  return countBody(isNode(body) ? body.content : [], { imagesWithoutAlt: 0, emptyLinks: 0 });
}

/** Characters as readers count them (a Chinese character or an emoji is one). */
const length = (text: string) => [...text.trim()].length;

export function publishChecklist(input: ChecklistInput): ChecklistItem[] {
  const { imagesWithoutAlt, emptyLinks } = bodyProblems(input.body);
  const hasCover = Boolean(input.coverImageUrl?.trim()) || input.coverMediaId !== null;
  // What search engines show: the SEO description, else the excerpt (an empty one is generated
  // from the body at the right length when saved).
  const description = length(input.seoDescription || input.excerpt || '');
  return [
    { code: 'checkSection', field: 'sectionId', blocking: true, ok: Boolean(input.sectionId) },
    { code: 'checkCoverAlt', field: 'coverImageAlt', blocking: true, ok: !hasCover || Boolean(input.coverImageAlt.trim()) },
    { code: 'imagesNeedAlt', field: 'body', blocking: true, ok: imagesWithoutAlt === 0, params: { missing: imagesWithoutAlt } },
    { code: 'checkLinks', field: 'body', blocking: true, ok: emptyLinks === 0, params: { count: emptyLinks } },
    { code: 'checkDescriptionLength', field: 'seoDescription', blocking: false, ok: description <= DESCRIPTION_MAX, params: { length: description, max: DESCRIPTION_MAX } },
    ...sensitiveItem(input),
  ];
}

/** The credits of a document's images (their captions are in its plain text already). */
function imageCredits(nodes: unknown, out: string[] = []): string[] {
  if (!Array.isArray(nodes)) return out;
  for (const node of nodes) {
    if (!isNode(node)) continue;
    if ((node.type === 'image' || node.type === 'figure') && typeof node.attrs?.credit === 'string') out.push(node.attrs.credit);
    imageCredits(node.content, out);
  }
  return out;
}

/** The sensitive-word item, when the site keeps a list: the words found in anything readers see of the story. */
function sensitiveItem(input: ChecklistInput): ChecklistItem[] {
  const rule = input.sensitiveWords;
  if (!rule?.words.length) return [];
  const body = isNode(input.body) ? [richTextToPlainText(input.body as RichTextDoc), ...imageCredits(input.body.content)] : [];
  const shown = [input.title, input.subtitle, input.excerpt, input.seoDescription ?? '', input.coverCaption ?? '', input.coverCredit ?? '', ...body];
  const found = findSensitiveWords(shown.join('\n'), rule.words);
  return [{ code: 'checkSensitiveWords', field: 'body', blocking: rule.block, ok: found.length === 0, params: { count: found.length, words: found.join('、') } }];
}

/** The items that keep the story from being published. */
export const blockingFailures = (items: ChecklistItem[]) => items.filter((item) => item.blocking && !item.ok);
