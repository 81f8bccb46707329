import 'server-only';
import { unstable_cache } from 'next/cache';
import * as api from '@/db/queries/api';
import * as q from '@/db/queries/public';
import { getPageBySlug, listPublishedPages } from '@/db/queries/public-pages';
import { withDb } from '../../reader';
import { cacheTags, LIST_REVALIDATE_SECONDS } from '../../../domain/cache-tags';

/**
 * The Content API's reads, through Next's data cache tagged as the reader's are (services/reader.ts):
 * a write expires the tags of what it touched (the DAL's `invalidate`, expired by defineAction), so a
 * publish through the screens or /api/v1/admin is in the next API answer, and an unrelated one keeps
 * these entries. Lists also expire on the reader's timer, for scheduled stories coming due.
 */

const NO_INCREMENTAL_CACHE = 'Invariant: incrementalCache missing';

/**
 * `load` through unstable_cache under `key` and `tags`. Outside a Next server (route handlers called
 * by integration tests, scripts) there is no incremental cache and unstable_cache refuses: the read
 * then goes straight to the database, which is what a cache miss would do anyway.
 */
async function tagged<T>(load: () => Promise<T>, key: string[], options: { tags: string[]; revalidate?: number }): Promise<T> {
  try {
    return await unstable_cache(load, ['api-v1', ...key], options)();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(NO_INCREMENTAL_CACHE)) return load();
    throw error;
  }
}

const lists = (tags: string[]) => ({ tags, revalidate: LIST_REVALIDATE_SECONDS });

/**
 * One keyset page of stories. Every article write expires `home`, and the section, tag and author
 * tags name the lists a story is in. Pages bounded by a time range are read from the database each
 * time: their bounds are free text, and every distinct one would be an entry pushing pages out.
 */
export function articlePage(filter: api.ApiArticleFilter, cursor: api.KeysetCursor | null, limit: number): Promise<api.KeysetPage> {
  const load = () => withDb((db) => api.keysetPageOfArticles(db, filter, cursor, limit));
  if (filter.publishedAfter || filter.publishedBefore || filter.search) return load();
  const tags: string[] = [cacheTags.home];
  for (const id of filter.sectionIds ?? []) tags.push(cacheTags.section(id));
  if (filter.tagId !== undefined) tags.push(cacheTags.tag(filter.tagId));
  if (filter.authorId !== undefined) tags.push(cacheTags.author(filter.authorId));
  const key = ['articles', JSON.stringify([filter.sectionIds ?? null, filter.tagId ?? null, filter.authorId ?? null]), cursor ? `${cursor.at}|${cursor.id}` : '', String(limit)];
  return tagged(load, key, lists(tags));
}

/** One visible story and its editor JSON, or null: expired by any write to it (publish, edit, unpublish). */
export function article(id: number): Promise<{ article: NonNullable<Awaited<ReturnType<typeof q.getArticle>>>; bodyJson: unknown } | null> {
  const load = () =>
    withDb(async (db) => {
      const [found, body] = await Promise.all([q.getArticle(db, id), api.getVisibleBodyJson(db, id)]);
      return found && body ? { article: found, bodyJson: body.bodyJson } : null;
    });
  return tagged(load, ['article', String(id)], lists([cacheTags.article(id)]));
}

/** The id of a visible story by its slug: a lookup any article write may change (home). */
export const articleIdBySlug = (slug: string) => tagged(() => withDb((db) => api.getVisibleArticleIdBySlug(db, slug)), ['article-slug', slug], lists([cacheTags.home]));

export const sections = () => tagged(() => withDb(q.listSections), ['sections'], { tags: [cacheTags.sections] });

/** A new tag can come from a story's save (which expires `home`, not `tags`). */
export const tags = () => tagged(() => withDb(api.listTags), ['tags'], lists(['tags', cacheTags.home]));

/** A tag by slug for the list filter; `tag-slug:` is what renaming or merging it expires. */
export const tagBySlug = (slug: string) => tagged(() => withDb((db) => q.getTagBySlug(db, slug)), ['tag', slug], lists([`tag-slug:${slug}`, 'tags']));

/** Authors are the people credited on a visible story: a publish (`home`) can add one. */
export const authors = () => tagged(() => withDb(api.listAuthors), ['authors'], lists(['authors', cacheTags.home]));

export const authorBySlug = (slug: string) => tagged(() => withDb((db) => q.getAuthorBySlug(db, slug)), ['author', slug], lists([`author-slug:${slug}`, 'authors', cacheTags.home]));

/** Every page write expires `feeds` (and its own `page:` tags). */
export const pages = () => tagged(() => withDb(listPublishedPages), ['pages'], { tags: [cacheTags.feeds] });

export const pageBySlug = (slug: string) => tagged(() => withDb((db) => getPageBySlug(db, slug)), ['page', slug], { tags: [cacheTags.page(slug)] });

export const settings = () => tagged(() => withDb(q.getSiteSettings), ['settings'], { tags: [cacheTags.settings] });
