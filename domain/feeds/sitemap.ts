import { element, XML_HEADER, xmlText } from './xml';

/** The sitemaps protocol allows 50,000 URLs per file; smaller files are quicker to build and fetch. */
export const SITEMAP_PAGE_SIZE = 5000;

/** Google News reads at most 1,000 stories from a news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000;

export interface SitemapUrl {
  loc: string;
  lastModified?: string;
  /** Google News: set for stories of the last two days. */
  news?: { publication: string; language: string; title: string; publishedAt: string };
}

export function renderSitemapIndex(locations: string[]): string {
  return (
    XML_HEADER +
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    locations.map((loc) => `<sitemap><loc>${xmlText(loc)}</loc></sitemap>`).join('\n') +
    '\n</sitemapindex>\n'
  );
}

/**
 * A `<urlset>`. The schema (sitemaps.org sitemap.xsd) wants at least one `<url>`: the index lists only
 * files that have some (app/sitemap.xml/route.ts), so an empty set is only served at an address no
 * longer listed (news.xml after two quiet days), where "nothing now" is kinder to a crawler than an
 * error. (An articles file whose 5,000 ids are all deleted or unpublished is listed and empty: the
 * index cannot tell without scanning them.)
 */
export function renderUrlSet(urls: SitemapUrl[]): string {
  const withNews = urls.some((u) => u.news);
  const entries = urls.map((u) => {
    const news = u.news
      ? `<news:news><news:publication>${element('news:name', u.news.publication)}${element('news:language', newsLanguage(u.news.language))}</news:publication>` +
        `<news:publication_date>${xmlText(u.news.publishedAt)}</news:publication_date>${element('news:title', u.news.title)}</news:news>`
      : '';
    return `<url><loc>${xmlText(u.loc)}</loc>${u.lastModified ? `<lastmod>${xmlText(u.lastModified)}</lastmod>` : ''}${news}</url>`;
  });
  return (
    XML_HEADER +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${withNews ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : ''}>\n` +
    entries.join('\n') +
    '\n</urlset>\n'
  );
}

/**
 * Google News wants an ISO 639 code of two or three letters, or zh-cn / zh-tw for Chinese (its
 * schema's pattern `zh-cn|zh-tw|([a-z]{2,3})`): a BCP 47 tag such as `zh-Hant-HK` or `pt-BR` is
 * brought to that, Traditional script and the regions that write it meaning zh-tw.
 */
export function newsLanguage(locale: string): string {
  const [language = '', ...rest] = locale.toLowerCase().split(/[-_]/);
  if (language === 'zh') return rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? 'zh-tw' : 'zh-cn';
  return /^[a-z]{2,3}$/.test(language) ? language : 'und';
}
