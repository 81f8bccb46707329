import { describe, expect, it } from 'vitest';
import { newsLanguage, renderSitemapIndex, renderUrlSet } from '@/domain/feeds/sitemap';
import { schemaErrors, XSD } from '../helpers/xsd';

/**
 * What the sitemap renderers write is valid against the published schemas (sitemaps.org 0.9, Google
 * News 0.9; vendored in tests/fixtures/xsd), whatever the stories hold. The running server's files are
 * checked the same way in tests/e2e/sitemaps.test.ts.
 */

const story = (n: number, title: string, language: string) => ({
  loc: `https://news.example.com/articles/${n}-story?from=a&b=c`,
  lastModified: '2026-11-20T08:00:00.000Z',
  news: { publication: '青禾网络 & Co <Ltd>', language, title, publishedAt: '2026-11-20T07:59:59.123Z' },
});

describe('sitemaps against their XSD', () => {
  it('an index of files validates against siteindex.xsd', () => {
    const xml = renderSitemapIndex(['https://news.example.com/sitemaps/pages.xml', 'https://news.example.com/sitemaps/articles-1.xml']);
    expect(schemaErrors(xml, XSD.siteindex)).toEqual([]);
  });

  it('pages with and without lastmod validate against sitemap.xsd alone (no foreign namespace)', () => {
    const xml = renderUrlSet([{ loc: 'https://news.example.com/' }, { loc: 'https://news.example.com/tags/%E5%8C%BB%E9%99%A2', lastModified: '2026-03-01T00:00:00.000Z' }]);
    expect(schemaErrors(xml, XSD.sitemap)).toEqual([]);
  });

  it('news entries validate with markup, control characters and any language tag in their text', () => {
    const languages = ['zh-CN', 'zh-TW', 'zh-Hant-HK', 'zh', 'en', 'en-US', 'pt_BR', 'fil', 'i-klingon'];
    const xml = renderUrlSet(languages.map((language, i) => story(i + 1, `标题 <b>&</b> "引号" \u0007 ${language}`, language)));
    expect(schemaErrors(xml, XSD.sitemapWithNews)).toEqual([]);
  });

  it('Chinese tags become the two codes Google News accepts; others their ISO 639 language', () => {
    expect(['zh-CN', 'zh-Hans', 'zh-SG', 'zh'].map(newsLanguage)).toEqual(['zh-cn', 'zh-cn', 'zh-cn', 'zh-cn']);
    expect(['zh-TW', 'zh-HK', 'zh-Hant', 'zh_Hant_MO'].map(newsLanguage)).toEqual(['zh-tw', 'zh-tw', 'zh-tw', 'zh-tw']);
    expect(['en-GB', 'FIL', 'i-klingon'].map(newsLanguage)).toEqual(['en', 'fil', 'und']);
  });

  it('an empty <urlset> does not validate: why the index lists only files with URLs', () => {
    expect(schemaErrors(renderUrlSet([]), XSD.sitemap).join('\n')).toMatch(/Missing child element/);
  });
});
