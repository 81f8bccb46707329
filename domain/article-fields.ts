/**
 * The content fields of an article: a change in any of them makes a new revision, and the
 * revision and conflict views compare them. Dependency-free so client code can import it.
 */
export const ARTICLE_CONTENT_FIELDS = [
  'title',
  'subtitle',
  'excerpt',
  'body',
  'sectionId',
  'tagNames',
  'authorIds',
  'byline',
  'source',
  'editorName',
  'coverImageUrl',
  'coverImageAlt',
  'coverMediaId',
  'coverCaption',
  'coverCredit',
  'slug',
  'locale',
  'seoTitle',
  'seoDescription',
] as const;
