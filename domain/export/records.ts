import { z } from '../validation/zod';
import { ARTICLE_COMMENT_KINDS, ARTICLE_NOTICE_KINDS, ARTICLE_STATUSES, PAGE_STATUSES, SITE_LOCALES, USER_ROLES } from '../enums';
import { cleanRichText } from '../validation/article';
import type { RichTextDoc } from '../rich-text/schema';
import { REDIRECT_STATUSES } from '../validation/redirect';
import { DOCUMENT_KINDS } from '../media/document-kind';

/**
 * The site export (docs/export.md): NDJSON, one header line, one line per record in the order of
 * RECORD_TYPES (each type may rely on the ones before it), one trailer line with the counts. Records
 * keep their ids, so URLs (`/articles/{id}-{slug}`) and every reference survive a restore. Every
 * schema is strict: a field this version does not know is refused rather than silently dropped,
 * which also keeps derived columns (body_html) out: they are rendered again on import.
 */
export const EXPORT_FORMAT = 'gazette-export';
export const EXPORT_VERSION = 1;

export const exportHeader = z
  .object({ format: z.literal(EXPORT_FORMAT), version: z.literal(EXPORT_VERSION), exportedAt: z.string(), schema: z.string() })
  .strict();
export type ExportHeader = z.infer<typeof exportHeader>;

const id = z.number().int().positive();
const ref = id.nullable();
const when = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const maybeWhen = when.nullable();
const text = z.string().max(1_000_000);
const stamps = { createdAt: when, updatedAt: when };

/** The editor's document, checked as every body is (shape, depth, size, control characters). */
const body = z.unknown().transform((value, ctx): RichTextDoc => {
  const result = cleanRichText(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  }
  return result.doc;
});

const settings = z
  .object({
    type: z.literal('settings'),
    name: text,
    tagline: text,
    hotline: text,
    logoUrl: text.nullable(),
    locale: z.enum(SITE_LOCALES),
    timeZone: text,
    footerText: text,
    icp: text,
    // Added after version 1 was first written: older exports have none.
    policeFiling: text.default(''),
    reprintTemplate: text,
    nav: z.array(z.object({ label: z.string(), href: z.string() }).strict()),
    feedFullText: z.boolean(),
    // Added later (issue 13): older exports have neither.
    sensitiveWordsBlock: z.boolean().default(false),
    sensitiveWords: z.array(z.string().min(1).max(200)).max(100_000).default([]),
    ...stamps,
  })
  .strict();

/** Staff without password hashes or session versions: a restored account signs in after a reset. */
const user = z
  .object({
    type: z.literal('user'),
    id,
    email: z.string().min(1).max(320),
    name: text,
    slug: z.string().min(1).max(200),
    bio: text,
    avatarUrl: text.nullable(),
    role: z.enum(USER_ROLES),
    isOwner: z.boolean(),
    disabledAt: maybeWhen,
    uiLocale: z.enum(SITE_LOCALES).nullable(),
    emailNotifications: z.boolean().default(true),
    ...stamps,
  })
  .strict();

const section = z
  .object({
    type: z.literal('section'),
    id,
    parentId: ref,
    slug: z.string().min(1).max(200),
    title: text,
    description: text,
    seoTitle: text.nullable(),
    seoDescription: text.nullable(),
    sortOrder: z.number().int(),
    ...stamps,
  })
  .strict();

const tag = z.object({ type: z.literal('tag'), id, slug: z.string().min(1).max(200), name: text, description: text, ...stamps }).strict();

const variant = z
  .object({
    width: z.number().int(),
    height: z.number().int(),
    format: z.enum(['webp', 'avif', 'jpeg', 'png', 'gif']),
    key: z.string(),
    bytes: z.number().int(),
    role: z.literal('og').optional(),
  })
  .strict();

/** Storage keys become paths (local storage, the media folder): one safe shape, nothing else. */
const storageKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9/_-]{0,200}$/).refine((k) => !k.includes('..'), 'bad storage key');

const media = z
  .object({
    type: z.literal('media'),
    id,
    storageKey,
    status: z.enum(['pending', 'ready']),
    originalName: text,
    mimeType: z.string().regex(/^image\/[a-z0-9.+-]+$/),
    bytes: z.number().int().nonnegative(),
    width: z.number().int(),
    height: z.number().int(),
    alt: text,
    caption: text,
    variants: z.array(variant),
    uploadedById: ref,
    ...stamps,
  })
  .strict()
  .refine((m) => m.variants.every((v) => v.key.startsWith(`${m.storageKey}/`) && !v.key.includes('..')), 'a variant outside its media folder');

const article = z
  .object({
    type: z.literal('article'),
    id,
    slug: z.string().min(1).max(500),
    title: text,
    subtitle: text,
    excerpt: text,
    body,
    coverImageUrl: text.nullable(),
    coverImageAlt: text,
    coverMediaId: ref,
    // The four below came after version 1 was first written: older exports have none of them.
    coverCaption: text.default(''),
    coverCredit: text.default(''),
    sectionId: id,
    byline: text,
    source: text,
    editorName: text.default(''),
    locale: z.enum(SITE_LOCALES),
    status: z.enum(ARTICLE_STATUSES),
    publishedAt: maybeWhen,
    version: z.number().int().positive(),
    seoTitle: text.nullable(),
    seoDescription: text.nullable(),
    reviewNote: text,
    featured: z.boolean(),
    pinned: z.boolean(),
    pinnedUntil: maybeWhen.default(null),
    viewCount: z.number().int().nonnegative(),
    createdById: ref,
    updatedById: ref,
    publishedById: ref.default(null),
    deletedAt: maybeWhen,
    /** Tag and author ids in their display order. */
    tags: z.array(id),
    authors: z.array(id),
    ...stamps,
  })
  .strict();

const revision = z
  .object({
    type: z.literal('revision'),
    id,
    articleId: id,
    version: z.number().int(),
    title: text,
    snapshot: z.record(z.string(), z.unknown()),
    authorId: ref,
    kind: z.string().max(40),
    changedFields: z.array(z.string()),
    note: text,
    ...stamps,
  })
  .strict()
  .superRefine((r, ctx) => {
    // A restore loads the snapshot's body into the editor: it must pass the same checks as a body.
    if ('bodyJson' in r.snapshot && !cleanRichText(r.snapshot.bodyJson).ok) ctx.addIssue({ code: 'custom', message: 'The snapshot body is not a valid editor document.' });
  });

const views = z.object({ type: z.literal('views'), articleId: id, day: z.iso.date(), views: z.number().int().nonnegative() }).strict();

const page = z
  .object({
    type: z.literal('page'),
    id,
    slug: z.string().min(1).max(200),
    title: text,
    body,
    seoTitle: text.nullable(),
    seoDescription: text.nullable(),
    status: z.enum(PAGE_STATUSES),
    publishedAt: maybeWhen,
    sortOrder: z.number().int(),
    version: z.number().int().positive(),
    ...stamps,
  })
  .strict();

const redirect = z
  .object({
    type: z.literal('redirect'),
    id,
    fromPath: z.string().min(1).max(2000),
    toPath: z.string().min(1).max(2000),
    statusCode: z.union(REDIRECT_STATUSES.map((code) => z.literal(code))),
    hits: z.number().int().nonnegative(),
    lastHitAt: maybeWhen,
    ...stamps,
  })
  .strict();

/** A correction or significant update of a story (after its article). */
const notice = z
  .object({
    type: z.literal('notice'),
    id,
    articleId: id,
    kind: z.enum(ARTICLE_NOTICE_KINDS),
    note: text,
    createdById: ref,
    createdAt: when,
  })
  .strict();

/** A file listed under a story for download (after its article); the file itself beside the export, as media. */
const attachment = z
  .object({
    type: z.literal('attachment'),
    id,
    articleId: id,
    storageKey: z.string().regex(/^attachments\/(?:[\w-]+\/)*[\w-]+\.[a-z]{3,4}$/, 'not an attachment storage key'),
    fileName: z.string().min(1).max(300),
    kind: z.enum(DOCUMENT_KINDS),
    bytes: z.number().int().nonnegative(),
    sortOrder: z.number().int(),
    uploadedById: ref,
    createdAt: when,
  })
  .strict();

/** A topic (专题) with its stories in order (after the articles). */
const topic = z
  .object({
    type: z.literal('topic'),
    id,
    slug: z.string().min(1).max(200),
    title: text,
    intro: text,
    coverImageUrl: text.nullable(),
    coverImageAlt: text,
    published: z.boolean(),
    articleIds: z.array(id).max(1000),
    ...stamps,
  })
  .strict();

/** A message of a story's review conversation (after its article and the staff). */
const comment = z
  .object({
    type: z.literal('comment'),
    id,
    articleId: id,
    kind: z.enum(ARTICLE_COMMENT_KINDS),
    body: text,
    authorId: ref,
    createdAt: when,
  })
  .strict();

const breaking = z
  .object({
    type: z.literal('breaking'),
    id,
    text,
    href: text.nullable(),
    expiresAt: when,
    endedAt: maybeWhen,
    expiryNoted: z.boolean(),
    createdById: ref,
    createdAt: when,
  })
  .strict();

/** `secret` only in an export made with --with-secrets: it signs deliveries, so it is a credential. */
const webhook = z
  .object({
    type: z.literal('webhook'),
    id,
    url: z.url().max(2000),
    events: z.array(z.string().max(100)),
    active: z.boolean(),
    secret: z.string().min(16).max(500).optional(),
    createdById: ref,
    ...stamps,
  })
  .strict();

const importSource = z
  .object({
    type: z.literal('import_source'),
    id,
    sourceSite: text,
    kind: z.string().max(40),
    sourceId: text,
    localId: z.number().int(),
    fingerprint: text,
    localVersion: z.number().int().nullable(),
    ...stamps,
  })
  .strict();

const audit = z
  .object({
    type: z.literal('audit'),
    id,
    actorId: ref,
    action: z.string().max(200),
    entityType: z.string().max(200),
    entityId: z.string().max(200).nullable(),
    summary: text,
    data: z.record(z.string(), z.unknown()).nullable(),
    ip: z.string().max(100).nullable(),
    viaToken: text.nullable(),
    createdAt: when,
  })
  .strict();

export const exportRecord = z.discriminatedUnion('type', [
  settings,
  user,
  section,
  tag,
  media,
  article,
  revision,
  notice,
  comment,
  attachment,
  topic,
  views,
  page,
  redirect,
  breaking,
  webhook,
  importSource,
  audit,
]);
export type ExportRecord = z.infer<typeof exportRecord>;
export type RecordType = ExportRecord['type'];
export type RecordOf<T extends RecordType> = Extract<ExportRecord, { type: T }>;
/** What the export writes for a record: dates as Date or ISO strings, both serialise the same. */
export type RecordInput<T extends RecordType> = z.input<typeof exportRecord> & { type: T };

/** The order records come in: each may reference only the types before it (or, for sections, earlier sections). */
export const RECORD_TYPES = [
  'settings',
  'user',
  'section',
  'tag',
  'media',
  'article',
  'revision',
  'notice',
  'comment',
  'attachment',
  'topic',
  'views',
  'page',
  'redirect',
  'breaking',
  'webhook',
  'import_source',
  'audit',
] as const satisfies readonly RecordType[];

export type Counts = Partial<Record<RecordType, number>>;

export const exportTrailer = z
  .object({ type: z.literal('end'), counts: z.partialRecord(z.enum(RECORD_TYPES), z.number().int().nonnegative()) })
  .strict();
