import { element, XML_HEADER, xmlText } from './xml';

/** The sitemaps protocol allows 50,000 URLs per file; smaller files are quicker to build and fetch. */
export const SITEMAP_PAGE_SIZE = 5000;

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

/** Google News wants ISO 639 codes, with zh-cn / zh-tw for Chinese. */
function newsLanguage(locale: string): string {
  return locale.toLowerCase().startsWith('zh') ? locale.toLowerCase() : locale.slice(0, 2).toLowerCase();
}
