import { siteUrl } from '@/domain/env';
import { orUnavailable, feedResponse } from '@/services/feeds/respond';
import { NEWS_SITEMAP_LIMIT, renderSitemapIndex, SITEMAP_PAGE_SIZE } from '@/domain/feeds/sitemap';
import { getNewsSitemapArticles, getSitemapArticleFileCount } from '@/services/reader';
import { absoluteUrl } from '@/domain/urls';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/**
 * The sitemap index: pages and sections, the last two days for Google News, and the articles in files
 * of 5,000. A file is listed only when it has URLs (the schema refuses an empty `<urlset>`): news.xml
 * after two days without a story, articles-1.xml before the first one.
 */
export async function GET() {
  return orUnavailable(async () => {
    // The same cached read as news.xml's own (same key), so listing it costs no query of its own.
    const [files, news] = await Promise.all([getSitemapArticleFileCount(SITEMAP_PAGE_SIZE), getNewsSitemapArticles(NEWS_SITEMAP_LIMIT)]);
    const names = ['pages.xml', ...(news.length > 0 ? ['news.xml'] : []), ...Array.from({ length: files }, (_, i) => `articles-${i + 1}.xml`)];
    return feedResponse(renderSitemapIndex(names.map((name) => absoluteUrl(siteUrl(), `/sitemaps/${name}`))), 'application/xml');
  });
}
