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

/** List caches also expire on a timer so that scheduled stories appear close to their time. */
export const LIST_REVALIDATE_SECONDS = 60;
