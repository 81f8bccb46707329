import { z } from 'zod';
import { isSlugParam } from '../../urls';

/**
 * The Content API's contract (/api/v1, issue 12): these schemas validate the query parameters and
 * describe the responses, and they are the one source of the OpenAPI document (./openapi.ts) and
 * of the types the handlers build their responses as. docs/api.md explains them with examples.
 */

export const MAX_LIMIT = 50;
export const DEFAULT_LIMIT = 20;

/** The fields of a list item, all of them by default; `fields=` picks some (`id` always comes). */
export const ARTICLE_LIST_FIELDS = [
  'id',
  'slug',
  'title',
  'excerpt',
  'published_at',
  'section_id',
  'byline',
  'locale',
  'cover_image_url',
  'cover_image_alt',
  'view_count',
  'featured',
  'pinned',
  'url',
] as const;
export type ArticleListField = (typeof ARTICLE_LIST_FIELDS)[number];

const slugParam = (what: string) =>
  z
    .string()
    .refine(isSlugParam, { message: 'Expected a slug (lower-case letters, digits and hyphens)' })
    .meta({ description: `The slug of ${what}.` });

const instant = (description: string) =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'Expected an ISO 8601 date (2026-01-31) or date-time with offset (2026-01-31T08:00:00+08:00)' })
    .transform((value) => new Date(value))
    .meta({ description });

/** `cursor`: where the previous page ended, opaque to clients (base64url of the last row's key). */
export interface Cursor {
  at: string;
  id: number;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2}){0,2}|Z)?$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(value: string): Cursor | null {
  const [at, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (rest.length || !at || !id || !TIMESTAMP.test(at) || !/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) return null;
  return { at, id: Number(id) };
}

export const articleListQuery = z
  .object({
    section: slugParam('a section; its subsections are included').optional(),
    tag: slugParam('a tag').optional(),
    author: slugParam('an author (someone credited on a published story)').optional(),
    published_after: instant('Only stories published at or after this time (a date alone is midnight UTC).').optional(),
    published_before: instant('Only stories published before this time (a date alone is midnight UTC).').optional(),
    search: z
      .string()
      .trim()
      .min(1, 'Give at least one word')
      .max(200, 'At most 200 characters')
      .meta({ description: 'Words to find in the title, subtitle, excerpt or body, Chinese or English (English words also match their stems: `publishing` finds "published"). Results stay newest first.' })
      .optional(),
    cursor: z
      .string()
      .max(200)
      .transform((value, ctx) => decodeCursor(value) ?? (ctx.addIssue({ code: 'custom', message: 'Not a cursor this API gave out' }), z.NEVER))
      .meta({ description: 'The `next_cursor` of the previous page; absent for the first page.' })
      .optional(),
    limit: z.coerce.number<string>().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).meta({ description: `Stories per page, 1 to ${MAX_LIMIT}.` }),
    fields: z
      .string()
      .transform((value) => value.split(','))
      .pipe(z.array(z.enum(ARTICLE_LIST_FIELDS)).min(1))
      .meta({ description: `Comma-separated fields of each item, from: ${ARTICLE_LIST_FIELDS.join(', ')}. \`id\` is always included.` })
      .optional(),
  })
  .strict();

export const articleIdParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'Expected a positive integer')
    .transform(Number)
    .pipe(z.number().max(2_147_483_647))
    .meta({ description: 'The numeric id of a story.' }),
});

/** `/articles/{id}` or `/articles/{slug}`: digits are an id, anything else a slug. */
export const articleRefParams = z.object({
  id: z
    .union([articleIdParams.shape.id, slugParam('a story').refine((value) => !/^\d+$/.test(value), 'Digits alone are an id').transform((slug) => ({ slug }))])
    .meta({ description: 'The numeric id of a story, or its slug (as in its address /articles/{id}-{slug}).' }),
});

/** Listings take no parameters; any given is refused, as everywhere in this API. */
export const noQuery = z.object({}).strict();

export const apiRegistry = z.registry<{ id: string; description?: string }>();

const iso = z.string().meta({ format: 'date-time' });

export const articleSummary = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  excerpt: z.string(),
  published_at: iso,
  section_id: z.number().int(),
  byline: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  cover_image_url: z.string().nullable(),
  cover_image_alt: z.string(),
  view_count: z.number().int(),
  featured: z.boolean(),
  pinned: z.boolean(),
  url: z.string().meta({ description: 'The story\'s canonical page on the site (absolute).' }),
});
export type ArticleSummary = z.output<typeof articleSummary>;

export const articleListItem = articleSummary
  .partial()
  .required({ id: true })
  .register(apiRegistry, { id: 'ArticleListItem', description: 'A story in a list: the fields asked for with `fields=`, or all.' });

export const articleListResponse = z
  .object({
    data: z.array(articleListItem),
    next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .register(apiRegistry, { id: 'ArticleList' });

const person = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), url: z.string() });

export const tag = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), description: z.string(), url: z.string() }).register(apiRegistry, { id: 'Tag' });

export const article = articleSummary
  .extend({
    subtitle: z.string(),
    body_html: z.string().meta({ description: 'The body as HTML, sanitised when the story was saved.' }),
    body_json: z.unknown().meta({ description: 'The body as the editor stores it: a Tiptap (ProseMirror) document.' }),
    source: z.string(),
    editor: z.string().meta({ description: '责任编辑: the editor credited at the end of the story (typed, or who published it); empty for none.' }),
    seo_title: z.string().nullable(),
    seo_description: z.string().nullable(),
    updated_at: iso,
    revised_at: iso.nullable().meta({ description: 'The last correction or significant update (更新时间); minor edits leave it alone. Null when there is none.' }),
    notices: z.array(z.object({ kind: z.enum(['update', 'correction']), note: z.string(), at: iso })).meta({ description: 'Corrections and significant updates, oldest first.' }),
    cover: z.object({ src: z.string(), alt: z.string(), width: z.number().int().nullable(), height: z.number().int().nullable(), caption: z.string(), credit: z.string() }).nullable(),
    authors: z.array(person),
    tags: z.array(tag),
  })
  .register(apiRegistry, { id: 'Article', description: 'One story, published and visible to readers.' });
export type Article = z.output<typeof article>;

export const articleResponse = z.object({ data: article }).register(apiRegistry, { id: 'ArticleResponse' });

export interface Section {
  id: number;
  parent_id: number | null;
  slug: string;
  title: string;
  description: string;
  sort_order: number;
  url: string;
  children: Section[];
}

export const section: z.ZodType<Section> = z
  .object({
    id: z.number().int(),
    parent_id: z.number().int().nullable(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    sort_order: z.number().int(),
    url: z.string(),
    get children() {
      return z.array(section);
    },
  })
  .register(apiRegistry, { id: 'Section', description: 'A section with its subsections, in their order.' });

export const sectionsResponse = z.object({ data: z.array(section) }).register(apiRegistry, { id: 'SectionTree' });
export const tagsResponse = z.object({ data: z.array(tag) }).register(apiRegistry, { id: 'TagList' });

export const author = person
  .extend({ bio: z.string(), avatar_url: z.string().nullable() })
  .register(apiRegistry, { id: 'Author', description: 'A person credited on at least one published story.' });
export const authorsResponse = z.object({ data: z.array(author) }).register(apiRegistry, { id: 'AuthorList' });
export const authorResponse = z.object({ data: author }).register(apiRegistry, { id: 'AuthorResponse' });

export const page = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    body_html: z.string(),
    seo_title: z.string().nullable(),
    seo_description: z.string().nullable(),
    updated_at: iso,
    url: z.string(),
  })
  .register(apiRegistry, { id: 'Page', description: 'A published standalone page (about, contact…).' });
export const pagesResponse = z.object({ data: z.array(page) }).register(apiRegistry, { id: 'PageList' });
export const pageResponse = z.object({ data: page }).register(apiRegistry, { id: 'PageResponse' });

export const site = z
  .object({
    name: z.string(),
    tagline: z.string(),
    url: z.string(),
    locale: z.enum(['zh-CN', 'en']),
    time_zone: z.string(),
    logo_url: z.string().nullable(),
    hotline: z.string(),
    footer_text: z.string(),
    icp: z.string(),
    police_filing: z.string(),
    nav: z.array(z.object({ label: z.string(), url: z.string() })),
  })
  .register(apiRegistry, { id: 'Site', description: 'The site\'s public settings.' });
export const siteResponse = z.object({ data: site }).register(apiRegistry, { id: 'SiteResponse' });

export const slugParams = z.object({ slug: z.string().refine(isSlugParam, 'must be a slug: lower-case letters, digits and hyphens') });

export const ERROR_CODES = ['invalid_parameter', 'not_found', 'rate_limited', 'unavailable'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorResponse = z
  .object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) })
  .register(apiRegistry, { id: 'Error', description: 'Every error: a stable code and a message in English naming the bad parameters.' });
