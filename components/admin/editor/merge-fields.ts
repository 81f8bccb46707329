import type { EditorKey } from '@/domain/i18n/admin-editor';
import { diffText, snapshotTexts, type DiffPart, type DiffResolvers } from '@/domain/revision-diff';
import { ARTICLE_CONTENT_FIELDS } from '@/domain/article-fields';
import { asSnapshot, type EditorValues } from './form-model';

/** The form fields a person can pick between when two edits collide: the content fields and the publishing ones. */
export const MERGE_FIELDS = [...ARTICLE_CONTENT_FIELDS, 'publishedAtLocal', 'featured', 'pinned', 'pinnedUntilLocal'] as const satisfies readonly (keyof EditorValues)[];
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Dictionary keys of each field's label (the revisions page uses the content fields too). */
export const FIELD_LABELS: Record<MergeField, EditorKey> = {
  title: 'fieldTitle',
  subtitle: 'fieldSubtitle',
  excerpt: 'fieldExcerpt',
  body: 'fieldBody',
  sectionId: 'fieldSection',
  tagNames: 'fieldTags',
  authorIds: 'fieldAuthors',
  byline: 'fieldByline',
  source: 'fieldSource',
  editorName: 'fieldEditorName',
  coverImageUrl: 'fieldCoverUrl',
  coverImageAlt: 'fieldCoverAlt',
  coverMediaId: 'fieldCoverMedia',
  coverCaption: 'fieldCoverCaption',
  coverCredit: 'fieldCoverCredit',
  slug: 'fieldSlug',
  seoTitle: 'fieldSeoTitle',
  seoDescription: 'fieldSeoDescription',
  publishedAtLocal: 'fieldPublishedAt',
  featured: 'fieldFeatured',
  pinned: 'fieldPinned',
  pinnedUntilLocal: 'fieldPinnedUntil',
  locale: 'fieldLocale',
};

export interface MergeRow {
  field: MergeField;
  theirs: string;
  mine: string;
  /** Server text → mine: removed = only on the server, added = only in mine. */
  parts: DiffPart[];
  formattingOnly: boolean;
  /** Which side to keep unless the person says otherwise: the side that changed since the base. */
  preferred: 'mine' | 'theirs';
}

function texts(values: EditorValues, resolvers: DiffResolvers): Record<MergeField, string> {
  return {
    ...snapshotTexts(asSnapshot(values), resolvers),
    publishedAtLocal: values.publishedAtLocal.replace('T', ' '),
    featured: values.featured ? '✓' : '✗',
    pinned: values.pinned ? '✓' : '✗',
    pinnedUntilLocal: values.pinnedUntilLocal.replace('T', ' '),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Rows for every field where mine and the server's differ; `base` is what my edits started from. */
export function mergeRows(mine: EditorValues, theirs: EditorValues, base: EditorValues, resolvers: DiffResolvers): MergeRow[] {
  const a = texts(theirs, resolvers);
  const b = texts(mine, resolvers);
  return MERGE_FIELDS.filter((field) => !same(mine[field], theirs[field])).map((field) => ({
    field,
    theirs: a[field],
    mine: b[field],
    parts: a[field] === b[field] ? [] : diffText(a[field], b[field]),
    formattingOnly: a[field] === b[field],
    preferred: same(mine[field], base[field]) ? 'theirs' : 'mine',
  }));
}

export function applyChoices(mine: EditorValues, theirs: EditorValues, choices: Partial<Record<MergeField, 'mine' | 'theirs'>>): EditorValues {
  const merged: EditorValues = { ...mine };
  for (const field of MERGE_FIELDS) {
    if (choices[field] === 'theirs') (merged as unknown as Record<string, unknown>)[field] = theirs[field];
  }
  return merged;
}
