import { ARCHIVE_AFTER_MS, ARCHIVE_REVALIDATE_SECONDS } from './archive-pages.mjs';

/**
 * Cache tags for reader data. A write invalidates exactly the tags of what it touched:
 * the article, its sections (and their ancestors), tags, authors, home and the lists.
 */
export const cacheTags = {
  settings: 'settings',
  sections: 'sections',
  home: 'home',
  mostRead: 'most-read',
  article: (id: number) => `article:${id}`,
  /** The previous / next links on a story's page: expired by a change to a story beside it. */
  neighbours: (id: number) => `neighbours:${id}`,
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  page: (slug: string) => `page:${slug}`,
  topic: (id: number) => `topic:${id}`,
  /** The list of topics (/topics) and any lookup by slug. */
  topics: 'topics',
  redirects: 'redirects',
  /** The banner across every page. */
  breakingNews: 'breaking-news',
  /** The /corrections page (its stories' visibility also expires `home`, which it carries). */
  corrections: 'corrections',
  /** RSS and sitemaps; every article write also expires `home`, which feeds carry too. */
  feeds: 'feeds',
} as const;

/**
 * The tags every story page carries beside its own: the header (settings, sections) and the
 * breaking-news banner. Their expiry changes every stored story page at once, so the walk that
 * renders every story ahead of readers starts again (ADR 0016).
 */
export const SITE_WIDE_TAGS: readonly string[] = [cacheTags.settings, cacheTags.sections, cacheTags.breakingNews];

/** List caches also expire on a timer so that scheduled stories appear close to their time. */
export const LIST_REVALIDATE_SECONDS = 60;

export { ARCHIVE_AFTER_MS, ARCHIVE_REVALIDATE_SECONDS };

/** How often, by the clock, the page of a story published at `publishedAt` is rendered again. */
export function storyRevalidateSeconds(publishedAt: string, now = Date.now()): number {
  return now - Date.parse(publishedAt) > ARCHIVE_AFTER_MS ? ARCHIVE_REVALIDATE_SECONDS : LIST_REVALIDATE_SECONDS;
}
