import type { ApiArticleFilter } from '@/db/queries/api';
import { articleSummaryOf, pickFields } from '@/services/api/v1/map';
import * as reads from '@/services/api/v1/reads';
import { apiError, apiJson, apiPreflight, apiRead, apiRoute, parseParams } from '@/services/api/v1/respond';
import { articleListQuery, encodeCursor } from '@/domain/api/v1/schemas';
import { sectionFamilyIds } from '@/services/reader';

/** GET /api/v1/articles: published stories, newest first, by keyset (docs/api.md). */

export const dynamic = 'force-dynamic';

type Query = ReturnType<typeof articleListQuery.parse>;

/** The filter's slugs as ids; a slug that names nothing answers 404 rather than an empty list. */
async function filterOf(query: Query): Promise<ApiArticleFilter | string> {
  const filter: ApiArticleFilter = { publishedAfter: query.published_after, publishedBefore: query.published_before, search: query.search };
  if (query.section !== undefined) {
    const all = await reads.sections();
    const section = all.find((s) => s.slug === query.section);
    if (!section) return `No section "${query.section}".`;
    filter.sectionIds = sectionFamilyIds(all, section.id);
  }
  if (query.tag !== undefined) {
    const tag = await reads.tagBySlug(query.tag);
    if (!tag) return `No tag "${query.tag}".`;
    filter.tagId = tag.id;
  }
  if (query.author !== undefined) {
    // Only people credited on a visible story are authors to readers (getAuthorBySlug).
    const author = await reads.authorBySlug(query.author);
    if (!author) return `No author "${query.author}".`;
    filter.authorId = author.id;
  }
  return filter;
}

export const GET = apiRoute(async (request: Request) => {
  const query = parseParams(articleListQuery, new URL(request.url).searchParams);
  if (!query.ok) return query.response;
  const { cursor = null, limit, fields } = query.data;
  return apiRead(async () => {
    const filter = await filterOf(query.data);
    if (typeof filter === 'string') return apiError(404, 'not_found', filter);
    const page = await reads.articlePage(filter, cursor, limit);
    return apiJson(request, {
      data: page.items.map((card) => pickFields(articleSummaryOf(card), fields)),
      next_cursor: page.next && encodeCursor(page.next),
    });
  });
});

export const OPTIONS = apiPreflight;
