import { z } from './zod';
import { parseRichText, type RichTextDoc } from '../rich-text/schema';
import { bodyProblems } from '../publishing/checklist';
import { safeHref } from '../rich-text/render';
import { cleanDocumentText, id, line, multiline, requiredLine } from './text';

/** Every string in the document without control characters (U+0000 cannot be stored in jsonb). */
function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return cleanDocumentText(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)]));
  return value;
}

/**
 * The body checks every document meets, whoever sends it (the editor, the admin API, an import):
 * shape, depth and size, then control characters out of every string.
 */
export function cleanRichText(value: unknown): ReturnType<typeof parseRichText> {
  const result = parseRichText(value);
  if (result.ok) result.doc = cleanStrings(result.doc) as RichTextDoc;
  return result;
}

/** The document, cleaned, or null after reporting why it is not one. */
function parsedBody(value: unknown, ctx: z.RefinementCtx): RichTextDoc | null {
  const result = cleanRichText(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.error });
    return null;
  }
  return result.doc;
}

/**
 * An article's body. Alt text is not checked here: a draft always saves, and the publish
 * checklist (domain/publishing/checklist.ts) refuses what readers must not get.
 */
export const richTextBody = z.unknown().transform((value, ctx) => parsedBody(value, ctx) ?? z.NEVER);

/** A page's body: a page is live as soon as it is saved, so its images need alt text to save. */
export const pageRichTextBody = z.unknown().transform((value, ctx) => {
  const doc = parsedBody(value, ctx);
  if (!doc) return z.NEVER;
  const missingAlt = bodyProblems(doc).imagesWithoutAlt;
  if (missingAlt) {
    ctx.addIssue({ code: 'custom', message: 'imagesNeedAlt', params: { missing: missingAlt } });
    return z.NEVER;
  }
  return doc;
});

export const optionalUrl = z
  .string()
  .trim()
  .max(2000)
  .transform((value, ctx) => {
    if (value === '') return null;
    const href = safeHref(value);
    if (!href || href.startsWith('mailto:') || href.startsWith('tel:') || href.startsWith('#')) {
      ctx.addIssue({ code: 'custom', message: 'linkInvalid' });
      return z.NEVER;
    }
    return href;
  });

const isoDate = z
  .string()
  .trim()
  .max(40)
  .transform((value, ctx) => {
    if (value === '') return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime()) || date.getFullYear() < 1970 || date.getFullYear() > 9999) {
      ctx.addIssue({ code: 'custom', message: 'dateInvalid' });
      return z.NEVER;
    }
    return date;
  });

/** Everything an editor can type into an article; the same schema guards the form and the DAL. */
export const articleInput = z.object({
  title: requiredLine(300, 'titleRequired'),
  subtitle: line(300).default(''),
  excerpt: multiline(1000).default(''),
  body: richTextBody,
  sectionId: id,
  tagNames: z.array(line(60).pipe(z.string().min(1))).max(30, 'tooManyTags').default([]),
  authorIds: z.array(id).max(20).default([]),
  byline: line(200).default(''),
  source: line(200).default(''),
  editorName: line(100).default(''),
  coverImageUrl: optionalUrl.prefault(''),
  coverImageAlt: line(300).default(''),
  /** A media-library image as the cover; its variants serve readers and og:image. */
  coverMediaId: id.nullable().default(null),
  coverCaption: line(500).default(''),
  coverCredit: line(200).default(''),
  slug: line(120).default(''),
  seoTitle: line(300).default(''),
  seoDescription: line(500).default(''),
  publishedAt: isoDate.prefault(''),
  /** When the pin ends; left out (undefined), the stored one stays (API calls, restores). */
  pinnedUntil: isoDate.optional(),
  featured: z.boolean().default(false),
  pinned: z.boolean().default(false),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

export type ArticleInput = z.output<typeof articleInput>;
export type ArticleFormValues = z.input<typeof articleInput>;

/** Content fields: a change in any of them makes a new revision. */
export { ARTICLE_CONTENT_FIELDS as REVISIONED_FIELDS } from '../article-fields';
