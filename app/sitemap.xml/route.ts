import { siteUrl } from '@/domain/env';
import { orUnavailable, feedResponse } from '@/services/feeds/respond';
import { renderSitemapIndex, SITEMAP_PAGE_SIZE } from '@/domain/feeds/sitemap';
import { getSitemapArticleFileCount } from '@/services/reader';
import { absoluteUrl } from '@/domain/urls';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** The sitemap index: pages and sections, the last two days for Google News, and the articles in files of 5,000. */
export async function GET() {
  return orUnavailable(async () => {
    const files = await getSitemapArticleFileCount(SITEMAP_PAGE_SIZE);
    const names = ['pages.xml', 'news.xml', ...Array.from({ length: files }, (_, i) => `articles-${i + 1}.xml`)];
    return feedResponse(renderSitemapIndex(names.map((name) => absoluteUrl(siteUrl(), `/sitemaps/${name}`))), 'application/xml');
  });
}
