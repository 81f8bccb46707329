import { diffWords } from 'diff';
import type { RichTextDoc } from './rich-text/schema';
import { ARTICLE_CONTENT_FIELDS } from './article-fields';

/**
 * Field-by-field differences between two versions of an article, for the revisions page and
 * the edit-conflict dialog. Pure: the caller supplies how to turn a body and ids into text.
 */

export const DIFF_FIELDS = ARTICLE_CONTENT_FIELDS;
export type DiffField = (typeof DIFF_FIELDS)[number];

/** The content fields of an article version (a revision snapshot or the editor's values). */
export interface SnapshotLike {
  title: string;
  subtitle: string;
  excerpt: string;
  body: RichTextDoc;
  sectionId: number;
  tagNames: string[];
  authorIds: number[];
  byline: string;
  source: string;
  coverImageUrl: string | null;
  coverImageAlt: string;
  /** Newer snapshots only: a field missing on either side is not compared. */
  coverMediaId?: number | null;
  /** Newer snapshots only, like coverMediaId. */
  editorName?: string;
  coverCaption?: string;
  coverCredit?: string;
  slug: string;
  locale?: string;
  seoTitle: string;
  seoDescription: string;
}

const OPTIONAL_FIELDS: readonly DiffField[] = ['coverMediaId', 'locale', 'editorName', 'coverCaption', 'coverCredit'];

export interface DiffResolvers {
  bodyText: (doc: RichTextDoc) => string;
  sectionName?: (id: number) => string | undefined;
  authorName?: (id: number) => string | undefined;
}

export interface DiffPart {
  value: string;
  kind: 'same' | 'added' | 'removed';
}

export interface FieldDiff {
  field: DiffField;
  before: string;
  after: string;
  changed: boolean;
  /** The body's structure or marks changed while its text did not (e.g. a word made bold). */
  formattingOnly: boolean;
  parts: DiffPart[];
}

/** Each field as the text a person would compare. */
export function snapshotTexts(snapshot: SnapshotLike, resolvers: DiffResolvers): Record<DiffField, string> {
  const name = (lookup: ((id: number) => string | undefined) | undefined, id: number) => lookup?.(id) ?? `#${id}`;
  return {
    title: snapshot.title,
    subtitle: snapshot.subtitle,
    excerpt: snapshot.excerpt,
    body: resolvers.bodyText(snapshot.body),
    sectionId: name(resolvers.sectionName, snapshot.sectionId),
    tagNames: snapshot.tagNames.join(', '),
    authorIds: snapshot.authorIds.map((id) => name(resolvers.authorName, id)).join(', '),
    byline: snapshot.byline,
    source: snapshot.source,
    editorName: snapshot.editorName ?? '',
    coverImageUrl: snapshot.coverImageUrl ?? '',
    coverImageAlt: snapshot.coverImageAlt,
    coverMediaId: snapshot.coverMediaId ? `#${snapshot.coverMediaId}` : '',
    coverCaption: snapshot.coverCaption ?? '',
    coverCredit: snapshot.coverCredit ?? '',
    slug: snapshot.slug,
    locale: snapshot.locale ?? '',
    seoTitle: snapshot.seoTitle,
    seoDescription: snapshot.seoDescription,
  };
}

/**
 * Past this many differing tokens (or this much time) a word diff costs more than it tells, and
 * a page must not stall on a rewritten 100,000-word body: show old and new whole instead.
 */
const MAX_EDIT_LENGTH = 1_000;
const DIFF_TIMEOUT_MS = 300;

/**
 * Word-level diff; `diff` splits CJK text into single characters, so Chinese edits show at
 * character precision and English ones at word precision.
 */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ value: before, kind: 'same' }] : [];
  const changes = diffWords(before, after, { maxEditLength: MAX_EDIT_LENGTH, timeout: DIFF_TIMEOUT_MS });
  if (!changes) {
    return [
      ...(before ? [{ value: before, kind: 'removed' as const }] : []),
      ...(after ? [{ value: after, kind: 'added' as const }] : []),
    ];
  }
  return changes.map((change) => ({ value: change.value, kind: change.added ? 'added' : change.removed ? 'removed' : 'same' }));
}

export function diffSnapshots(before: SnapshotLike, after: SnapshotLike, resolvers: DiffResolvers): FieldDiff[] {
  const a = snapshotTexts(before, resolvers);
  const b = snapshotTexts(after, resolvers);
  return DIFF_FIELDS.map((field) => {
    const comparable = !OPTIONAL_FIELDS.includes(field) || (before[field as keyof SnapshotLike] !== undefined && after[field as keyof SnapshotLike] !== undefined);
    const textChanged = comparable && a[field] !== b[field];
    const formattingOnly = field === 'body' && !textChanged && JSON.stringify(before.body) !== JSON.stringify(after.body);
    return {
      field,
      before: a[field],
      after: b[field],
      changed: textChanged || formattingOnly,
      formattingOnly,
      parts: textChanged ? diffText(a[field], b[field]) : [],
    };
  });
}
