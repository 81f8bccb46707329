import 'server-only';
import { cache } from 'react';
import { unstable_cache } from 'next/cache';
import { getReaderDb } from '@/db/client';
import * as q from '@/db/queries/public';
import { getPageBySlug as readPageBySlug } from '@/db/queries/public-pages';
import * as feeds from '@/db/queries/feeds';
import * as topicQueries from '@/db/queries/topics';
import { pageOfCorrections } from '@/db/queries/notices';
import { searchArticles, type SearchPage } from '@/db/queries/search';
import { getCurrentBreakingNews } from '@/db/queries/breaking-news';
import type { ArticleListFilter } from '@/db/queries/public';
import type { SectionDTO } from '@/db/queries/dto';
import { getMostReadSince, type MostReadDTO } from '@/db/queries/views';
import { dayInZone, periodStart, type MostReadPeriod } from '../domain/views/day';
import { ARCHIVE_REVALIDATE_SECONDS, cacheTags, LIST_REVALIDATE_SECONDS, storyRevalidateSeconds } from '../domain/cache-tags';
import { noteDatabaseFailure } from './db-health.mjs';
import { config } from '../domain/config.mjs';
import { onTagsRevalidated } from './page-cache/events.mjs';
import { SearchResultCache } from './search/result-cache';

/**
 * Cached reader data. Pages read through here, never the database directly: a cached read is
 * tagged with everything it depends on, so a publish invalidates precisely what it changed.
 */

// `next build` runs without a database: the few routes prerendered at build time get defaults.
const isBuildPhase = () => process.env.NEXT_PHASE === 'phase-production-build';

/** Reader queries (and the Content API's, services/api/v1) go to the read replicas when DATABASE_REPLICA_URLS is set (db/client.ts). */
export async function withDb<T>(run: (db: Awaited<ReturnType<typeof getReaderDb>>) => Promise<T>): Promise<T> {
  try {
    return await run(await getReaderDb());
  } catch (error) {
    noteDatabaseFailure(error);
    throw error;
  }
}

export const getSettings = cache(async () => {
  if (isBuildPhase()) return q.DEFAULT_SETTINGS;
  return unstable_cache(() => withDb(q.getSiteSettings), ['settings'], { tags: [cacheTags.settings] })();
});

export const getSections = cache(async (): Promise<SectionDTO[]> => {
  if (isBuildPhase()) return [];
  return unstable_cache(() => withDb(q.listSections), ['sections'], { tags: [cacheTags.sections] })();
});

export async function getSectionBySlug(slug: string): Promise<SectionDTO | null> {
  return (await getSections()).find((s) => s.slug === slug) ?? null;
}

/** The section and all its descendants: a parent's list rolls up its subsections. */
export function sectionFamilyIds(all: SectionDTO[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) {
    for (const s of all) if (s.parentId === ids[i] && !ids.includes(s.id)) ids.push(s.id);
  }
  return ids;
}

/** Root first: the breadcrumb trail of a section. */
export function sectionTrail(all: SectionDTO[], id: number): SectionDTO[] {
  const trail: SectionDTO[] = [];
  let current = all.find((s) => s.id === id);
  while (current && trail.length < 10) {
    trail.unshift(current);
    const parentId = current.parentId;
    current = parentId === null ? undefined : all.find((s) => s.id === parentId);
  }
  return trail;
}

function listTags(filter: ArticleListFilter): string[] {
  const tags: string[] = [cacheTags.home];
  for (const id of filter.sectionIds ?? []) tags.push(cacheTags.section(id));
  if (filter.tagId !== undefined) tags.push(cacheTags.tag(filter.tagId));
  if (filter.authorId !== undefined) tags.push(cacheTags.author(filter.authorId));
  return tags;
}

export function getArticlePage(filter: ArticleListFilter, page: number, pageSize: number) {
  return unstable_cache(() => withDb((db) => q.pageOfArticles(db, filter, page, pageSize)), ['article-page', JSON.stringify(filter), String(page), String(pageSize)], {
    tags: listTags(filter),
    revalidate: LIST_REVALIDATE_SECONDS,
  })();
}

/** A section family's pinned stories; a pin's end shows within LIST_REVALIDATE_SECONDS, the unpin tick expires the tags. */
export function getPinned(sectionIds: number[], limit: number) {
  return unstable_cache(() => withDb((db) => q.getPinnedInSections(db, sectionIds, limit)), ['pinned', JSON.stringify(sectionIds), String(limit)], {
    tags: listTags({ sectionIds }),
    revalidate: LIST_REVALIDATE_SECONDS,
  })();
}

export function getLatest(filter: ArticleListFilter, limit: number) {
  return unstable_cache(() => withDb((db) => q.listArticles(db, filter, { limit })), ['latest', JSON.stringify(filter), String(limit)], {
    tags: listTags(filter),
    revalidate: LIST_REVALIDATE_SECONDS,
  })();
}

export function getLeadStories(limit: number) {
  return unstable_cache(() => withDb((db) => q.getLeadStories(db, limit)), ['lead', String(limit)], {
    tags: [cacheTags.home],
    revalidate: LIST_REVALIDATE_SECONDS,
  })();
}

export function getMostRead(limit: number) {
  return unstable_cache(() => withDb((db) => q.getMostRead(db, limit)), ['most-read', String(limit)], {
    tags: [cacheTags.home, cacheTags.mostRead],
    revalidate: LIST_REVALIDATE_SECONDS,
  })();
}

const MOST_READ_REVALIDATE_SECONDS = 60;

/** "Most read" over today / 7 days / 30 days (days in the site's zone); recomputed at most once a minute. */
export async function getMostReadFor(period: MostReadPeriod, limit: number): Promise<MostReadDTO[]> {
  if (isBuildPhase()) return [];
  const { timeZone } = await getSettings();
  const today = dayInZone(Date.now(), timeZone);
  const from = periodStart(period, today);
  return unstable_cache(() => withDb((db) => getMostReadSince(db, from, limit, today)), ['most-read-period', period, from, String(limit)], {
    tags: [cacheTags.mostRead, cacheTags.home],
    revalidate: MOST_READ_REVALIDATE_SECONDS,
  })();
}

const sidebarMemo = new Map<string, { expires: number; value: Promise<MostReadDTO[]> }>();

/**
 * "Most read" for the sidebar of article, section and archive pages, kept in this process for a
 * minute. Deliberately outside Next's data cache: a cached read lends its tags to the page that
 * uses it, and every article page would then expire with `home` whenever any story is saved.
 */
export async function getMostReadForSidebar(period: MostReadPeriod, limit: number): Promise<MostReadDTO[]> {
  if (isBuildPhase()) return [];
  const { timeZone } = await getSettings();
  const today = dayInZone(Date.now(), timeZone);
  const from = periodStart(period, today);
  const key = `${period}:${from}:${limit}`;
  const now = Date.now();
  const hit = sidebarMemo.get(key);
  if (hit && hit.expires > now) return hit.value;
  for (const [k, entry] of sidebarMemo) if (entry.expires <= now) sidebarMemo.delete(k);
  const value = withDb((db) => getMostReadSince(db, from, limit, today));
  sidebarMemo.set(key, { expires: now + MOST_READ_REVALIDATE_SECONDS * 1000, value });
  value.catch(() => sidebarMemo.delete(key));
  return value;
}

const readArticle = (id: number, revalidate: number) =>
  unstable_cache(() => withDb((db) => q.getArticle(db, id)), ['article', String(id), String(revalidate)], {
    tags: [cacheTags.article(id)],
    revalidate,
  })();

/**
 * A story as readers see it. The revalidation of a cached read becomes its page's: an archive
 * story is read with the hour's, a recent one again with the minute's (storyRevalidateSeconds).
 */
export const getArticle = cache(async (id: number) => {
  const article = await readArticle(id, ARCHIVE_REVALIDATE_SECONDS);
  if (!article || storyRevalidateSeconds(article.publishedAt) === ARCHIVE_REVALIDATE_SECONDS) return article;
  return readArticle(id, storyRevalidateSeconds(article.publishedAt));
});

/** /corrections: tagged `corrections` (a notice added or removed) and `home` (a story's visibility changed). */
export function getCorrectionsPage(page: number, pageSize: number) {
  return unstable_cache(() => withDb((db) => pageOfCorrections(db, page, pageSize)), ['corrections', String(page), String(pageSize)], {
    tags: [cacheTags.corrections, cacheTags.home],
    revalidate: LIST_REVALIDATE_SECONDS,
  })();
}

export function getNeighbours(article: { id: number; sectionId: number; publishedAt: string }) {
  return unstable_cache(() => withDb((db) => q.getNeighbours(db, article)), ['neighbours', String(article.id), article.publishedAt, String(article.sectionId)], {
    // Not the section's tag: a publish there changes the links of the one or two stories beside it
    // only, which the write expires by name (readerTags), not every page of the section.
    tags: [cacheTags.article(article.id), cacheTags.neighbours(article.id)],
    revalidate: storyRevalidateSeconds(article.publishedAt),
  })();
}

/**
 * Stories related to one. Each tag's and the section's newest are candidates, so any publish there
 * may change the list: a recent story's list follows them (their tags), an archive story's is
 * renewed by the clock only (hourly), or every publish would expire thousands of stored pages.
 */
export function getRelated(article: { id: number; sectionId: number; tagIds: number[]; publishedAt: string }, limit: number) {
  const revalidate = storyRevalidateSeconds(article.publishedAt);
  const followed = revalidate === ARCHIVE_REVALIDATE_SECONDS ? [] : [cacheTags.section(article.sectionId), ...article.tagIds.map(cacheTags.tag)];
  return unstable_cache(() => withDb((db) => q.getRelated(db, article, limit)), ['related', String(article.id), article.tagIds.join(','), String(limit), String(revalidate)], {
    tags: [cacheTags.article(article.id), ...followed],
    revalidate,
  })();
}

export const getTagBySlug = cache((slug: string) =>
  unstable_cache(() => withDb((db) => q.getTagBySlug(db, slug)), ['tag', slug], { tags: [`tag-slug:${slug}`, 'tags'] })(),
);

// An author exists for readers once a visible story credits them: any publish may create one, and
// every article write expires `home`, so a lookup cached as "no such author" does not outlive it.
export const getAuthorBySlug = cache((slug: string) =>
  unstable_cache(() => withDb((db) => q.getAuthorBySlug(db, slug)), ['author', slug], { tags: [`author-slug:${slug}`, 'authors', cacheTags.home] })(),
);

// 专题: a topic changes with its own saves (topic:{id}, topics); its story list also with any story's
// visibility, which every article write reports as `home`.
export const getTopicBySlug = cache((slug: string) =>
  isBuildPhase() ? Promise.resolve(null) : unstable_cache(() => withDb((db) => topicQueries.getTopicBySlug(db, slug)), ['topic', slug], { tags: [cacheTags.topics] })(),
);

export const getTopicStories = cache((topicId: number) =>
  unstable_cache(() => withDb((db) => topicQueries.getTopicStories(db, topicId)), ['topic-stories', String(topicId)], {
    tags: [cacheTags.topic(topicId), cacheTags.home],
    revalidate: LIST_REVALIDATE_SECONDS,
  })(),
);

export const listPublishedTopics = cache(() =>
  isBuildPhase() ? Promise.resolve([]) : unstable_cache(() => withDb(topicQueries.listPublishedTopics), ['topics'], { tags: [cacheTags.topics] })(),
);

export const getPageBySlug = cache((slug: string) =>
  unstable_cache(() => withDb((db) => readPageBySlug(db, slug)), ['page', slug], { tags: [cacheTags.page(slug)] })(),
);

/** The breaking-news banner; expired by a change and by the tick that notices its expiry (services/scheduled.ts). */
export const getBreakingNews = cache(async () => {
  if (isBuildPhase()) return null;
  return unstable_cache(() => withDb((db) => getCurrentBreakingNews(db)), ['breaking-news'], { tags: [cacheTags.breakingNews] })();
});

export const getRedirect = cache((path: string) =>
  unstable_cache(() => withDb((db) => q.getRedirect(db, path)), ['redirect', path], { tags: [cacheTags.redirects] })(),
);

// RSS and sitemaps: tagged `feeds` (pages and tags) and `home` (which every article write expires).
const feedTags = [cacheTags.feeds, cacheTags.home];

export function getFeedItems(filter: feeds.FeedFilter, limit: number) {
  const { sectionIds, tagId, authorId, topicId } = filter;
  return unstable_cache(() => withDb((db) => feeds.listFeedItems(db, { sectionIds, tagId, authorId, topicId }, limit)), ['feed', JSON.stringify([sectionIds ?? null, tagId ?? null, authorId ?? null, topicId ?? null]), String(limit)], {
    tags: feedTags,
    revalidate: LIST_REVALIDATE_SECONDS,
  })();
}

/** How many article sitemap files there are: they split the id range up to the last visible story (none before the first). */
export async function getSitemapArticleFileCount(perFile: number): Promise<number> {
  const lastId = await unstable_cache(() => withDb(feeds.lastSitemapArticleId), ['sitemap-last-id'], { tags: feedTags, revalidate: LIST_REVALIDATE_SECONDS })();
  return Math.ceil(lastId / perFile);
}

export function getSitemapArticles(afterId: number, span: number) {
  return unstable_cache(() => withDb((db) => feeds.listSitemapArticles(db, afterId, span)), ['sitemap-articles', String(afterId), String(span)], {
    tags: feedTags,
    revalidate: LIST_REVALIDATE_SECONDS,
  })();
}

/** Stories of the last 48 hours, the window of a Google News sitemap; the key moves every hour. */
export function getNewsSitemapArticles(limit: number) {
  const hour = Math.floor(Date.now() / 3_600_000);
  const since = new Date((hour - 48) * 3_600_000);
  return unstable_cache(() => withDb((db) => feeds.listNewsSitemapArticles(db, since, limit)), ['sitemap-news', String(hour), String(limit)], {
    tags: feedTags,
    revalidate: LIST_REVALIDATE_SECONDS,
  })();
}

export function getSitemapStatic() {
  return unstable_cache(() => withDb(feeds.listSitemapStatic), ['sitemap-static'], { tags: [...feedTags, cacheTags.sections], revalidate: LIST_REVALIDATE_SECONDS })();
}

/**
 * Reader search: from the database (a GIN index answers it) through a short-lived store of its own
 * (services/search/result-cache.ts). Not in Next's data cache: every distinct query would be an entry,
 * and random queries would push rendered pages out of it.
 */
export function searchStories(query: string, page: number, pageSize: number): Promise<SearchPage> {
  // Search runs in a transaction (SET LOCAL limits), which withReplicas would send to the primary.
  const load = () => withDb((db) => searchArticles(aReplicaOf(db), query, page, pageSize));
  return searchResultCache().get(`${page}\u0000${pageSize}\u0000${query}`, load);
}

const searchCacheKey = Symbol.for('gazette.search-results');

/** One store per process (the app's bundles each load this module), emptied by any tag expiry. */
function searchResultCache(): SearchResultCache<SearchPage> {
  const holder = globalThis as { [searchCacheKey]?: SearchResultCache<SearchPage> };
  if (!holder[searchCacheKey]) {
    const { SEARCH_CACHE_SECONDS, SEARCH_CACHE_MB } = config();
    const store = new SearchResultCache<SearchPage>({ maxBytes: SEARCH_CACHE_MB * 1024 * 1024, ttlMs: SEARCH_CACHE_SECONDS * 1000 });
    onTagsRevalidated(() => store.clear());
    holder[searchCacheKey] = store;
  }
  return holder[searchCacheKey];
}

/** One replica of a withReplicas database (for read-only transactions), or the database itself. */
function aReplicaOf<D extends object>(db: D): D {
  const replicas = (db as { $replicas?: D[] }).$replicas;
  return replicas?.length ? replicas[Math.floor(Math.random() * replicas.length)]! : db;
}
