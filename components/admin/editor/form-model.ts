import type { RichTextDoc } from '@/domain/rich-text/schema';
import type { SnapshotLike } from '@/domain/revision-diff';
import { isoToLocalInput, localInputToIso } from '@/domain/time-zone';

export type ArticleLocale = 'zh-CN' | 'en';

/** What the form holds: strings as typed, the publish time as the site's wall clock. */
export interface EditorValues {
  title: string;
  subtitle: string;
  excerpt: string;
  body: RichTextDoc;
  sectionId: number | null;
  tagNames: string[];
  authorIds: number[];
  byline: string;
  source: string;
  /** 责任编辑; empty: whoever publishes is credited. */
  editorName: string;
  coverImageUrl: string;
  coverImageAlt: string;
  /** A cover picked in the media library; kept as is until the library UI edits it here. */
  coverMediaId: number | null;
  coverCaption: string;
  coverCredit: string;
  slug: string;
  seoTitle: string;
  seoDescription: string;
  publishedAtLocal: string;
  featured: boolean;
  pinned: boolean;
  /** 置顶至 on the site's wall clock; empty: pinned until unpinned. */
  pinnedUntilLocal: string;
  locale: ArticleLocale;
}

/** The subset of EditableArticleDTO the form starts from (the DTO itself is server-only typed). */
export interface EditorSource {
  values: Omit<SnapshotLike, 'coverImageUrl'> & { coverImageUrl: string | null };
  publishedAt: string | null;
  featured: boolean;
  pinned: boolean;
  pinnedUntil: string | null;
  locale: ArticleLocale;
}

export const EMPTY_DOC: RichTextDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

export function emptyValues(locale: ArticleLocale, sectionId: number | null): EditorValues {
  return {
    title: '',
    subtitle: '',
    excerpt: '',
    body: EMPTY_DOC,
    sectionId,
    tagNames: [],
    authorIds: [],
    byline: '',
    source: '',
    editorName: '',
    coverImageUrl: '',
    coverImageAlt: '',
    coverMediaId: null,
    coverCaption: '',
    coverCredit: '',
    slug: '',
    seoTitle: '',
    seoDescription: '',
    publishedAtLocal: '',
    featured: false,
    pinned: false,
    pinnedUntilLocal: '',
    locale,
  };
}

export function valuesFromSource(source: EditorSource, timeZone: string): EditorValues {
  const { values } = source;
  return {
    ...values,
    body: values.body?.type === 'doc' ? values.body : EMPTY_DOC,
    coverImageUrl: values.coverImageUrl ?? '',
    coverMediaId: values.coverMediaId ?? null,
    editorName: values.editorName ?? '',
    coverCaption: values.coverCaption ?? '',
    coverCredit: values.coverCredit ?? '',
    publishedAtLocal: isoToLocalInput(source.publishedAt, timeZone),
    featured: source.featured,
    pinned: source.pinned,
    pinnedUntilLocal: isoToLocalInput(source.pinnedUntil, timeZone),
    locale: source.locale,
  };
}

/** The shape createArticleAction / saveArticleAction validate with `articleInput`. */
export function toPayload(values: EditorValues, timeZone: string) {
  const { publishedAtLocal, pinnedUntilLocal, sectionId, ...rest } = values;
  return { ...rest, sectionId: sectionId ?? 0, publishedAt: localInputToIso(publishedAtLocal, timeZone), pinnedUntil: rest.pinned ? localInputToIso(pinnedUntilLocal, timeZone) : '' };
}
export type ArticlePayload = ReturnType<typeof toPayload>;

/** A stable fingerprint of what a save would send; equal fingerprints mean nothing to save. */
export function fingerprint(values: EditorValues): string {
  return JSON.stringify(values);
}

export function asSnapshot(values: EditorValues): SnapshotLike {
  return { ...values, sectionId: values.sectionId ?? 0, coverImageUrl: values.coverImageUrl || null };
}
