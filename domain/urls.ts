/** Every public URL is built here, so links and canonical tags never disagree. */

export function articlePath(article: { id: number; slug: string }): string {
  return `/articles/${article.id}-${article.slug}`;
}

/** `/articles/123-some-slug` → { id: 123, slug: 'some-slug' }; anything else → null. */
export function parseArticleParam(param: string): { id: number; slug: string } | null {
  const match = /^(\d{1,9})(?:-([a-z0-9-]{0,200}))?$/.exec(param);
  if (!match) return null;
  const id = Number(match[1]);
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return { id, slug: match[2] ?? '' };
}

export function sectionPath(section: { slug: string }, page = 1): string {
  return page > 1 ? `/${section.slug}?page=${page}` : `/${section.slug}`;
}

export function pagePath(page: { slug: string }): string {
  return `/${page.slug}`;
}

export function tagPath(tag: { slug: string }, page = 1): string {
  return page > 1 ? `/tags/${tag.slug}?page=${page}` : `/tags/${tag.slug}`;
}

export function authorPath(author: { slug: string }, page = 1): string {
  return page > 1 ? `/authors/${author.slug}?page=${page}` : `/authors/${author.slug}`;
}

export function absoluteUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

const SLUG_PARAM = /^[a-z0-9][a-z0-9-]{0,119}$/;

/** Route params are untrusted: only plain slugs reach the database. */
export function isSlugParam(value: string): boolean {
  return SLUG_PARAM.test(value);
}

/** `?page=` → a page number ≥ 1, or null when it is not a plain positive integer. */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (Array.isArray(value)) return null;
  if (!/^\d{1,6}$/.test(value)) return null;
  const page = Number(value);
  return page >= 1 ? page : null;
}

/** Where a story's file is downloaded: /attachments/{id}/{name} (the name is for the reader's eyes; the id decides). */
export const attachmentPath = (a: { id: number; fileName: string }) => `/attachments/${a.id}/${encodeURIComponent(a.fileName)}`;

/** A topic's page (专题): /topics/{slug}. */
export const topicPath = (topic: { slug: string }) => `/topics/${encodeURIComponent(topic.slug)}`;
