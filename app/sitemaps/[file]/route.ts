import { siteUrl } from '@/domain/env';
import { notFoundXml, orUnavailable, feedResponse } from '@/services/feeds/respond';
import { NEWS_SITEMAP_LIMIT, renderUrlSet, SITEMAP_PAGE_SIZE, type SitemapUrl } from '@/domain/feeds/sitemap';
import { getNewsSitemapArticles, getSettings, getSitemapArticleFileCount, getSitemapArticles, getSitemapStatic } from '@/services/reader';
import { absoluteUrl, articlePath, authorPath, pagePath, sectionPath, tagPath } from '@/domain/urls';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** The files listed by /sitemap.xml: `pages.xml` (home, sections, pages, tags, authors), `news.xml` and `articles-N.xml`. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  const articlesPage = /^articles-([1-9]\d{0,5})\.xml$/.exec(file);
  if (file !== 'pages.xml' && file !== 'news.xml' && !articlesPage) return notFoundXml();
  return orUnavailable(async () => {
    const base = siteUrl();
    const url = (path: string) => absoluteUrl(base, path);
    let urls: SitemapUrl[];
    if (file === 'pages.xml') {
      const found = await getSitemapStatic();
      urls = [
        { loc: url('/') },
        ...found.sections.map((s) => ({ loc: url(sectionPath(s)), lastModified: s.lastModified ?? undefined })),
        ...found.pages.map((p) => ({ loc: url(pagePath(p)), lastModified: p.updatedAt })),
        ...found.tags.map((t) => ({ loc: url(tagPath(t)), lastModified: t.lastModified ?? undefined })),
        ...found.authors.map((a) => ({ loc: url(authorPath(a)), lastModified: a.lastModified ?? undefined })),
      ];
    } else if (file === 'news.xml') {
      const [settings, recent] = await Promise.all([getSettings(), getNewsSitemapArticles(NEWS_SITEMAP_LIMIT)]);
      urls = recent.map((a) => ({
        loc: url(articlePath(a)),
        lastModified: a.updatedAt,
        news: { publication: settings.name, language: a.locale, title: a.title, publishedAt: a.publishedAt },
      }));
    } else {
      const page = Number(articlesPage![1]);
      // File N holds the ids of the N-th span; one may be short (or empty) where stories were deleted.
      // None before the first story (the index lists none then either).
      if (page > (await getSitemapArticleFileCount(SITEMAP_PAGE_SIZE))) return notFoundXml();
      const found = await getSitemapArticles((page - 1) * SITEMAP_PAGE_SIZE, SITEMAP_PAGE_SIZE);
      urls = found.map((a) => ({ loc: url(articlePath(a)), lastModified: a.updatedAt }));
    }
    return feedResponse(renderUrlSet(urls), 'application/xml');
  });
}
