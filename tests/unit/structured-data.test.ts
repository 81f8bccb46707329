import { describe, expect, it } from 'vitest';
import { breadcrumbLd, collectionPageLd, jsonLdText, newsArticleLd, organizationLd, webPageLd, webSiteLd, type ArticleForLd } from '@/domain/structured-data';

const base = 'https://news.example.com';
const site = { name: '青禾网络', logoUrl: '/media/logo.png', locale: 'zh-CN' };

const article: ArticleForLd = {
  title: '年终报道',
  excerpt: '摘要',
  seoDescription: null,
  publishedAt: '2026-12-01T02:00:00.000Z',
  revisedAt: null,
  locale: 'zh-CN',
  byline: '',
  editor: '周宁',
  authors: [{ name: '林晓雨', slug: 'lin-xiaoyu' }],
  tags: [{ name: '公司动态' }, { name: '年终' }],
  cover: { src: '/media/2026/12/a/original.jpg', og: '/media/2026/12/a/og.jpg' },
};

describe('JSON-LD builders', () => {
  it('NewsArticle: headline, dates (dateModified only moves with a correction or update), authors with their pages, editor, publisher with logo, section, keywords, the og image', () => {
    const ld = newsArticleLd(article, site, { base, url: `${base}/articles/7-nian-zhong`, section: '公司新闻' }) as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '年终报道',
      description: '摘要',
      datePublished: article.publishedAt,
      dateModified: article.publishedAt,
      inLanguage: 'zh-CN',
      url: `${base}/articles/7-nian-zhong`,
      author: [{ '@type': 'Person', name: '林晓雨', url: `${base}/authors/lin-xiaoyu` }],
      editor: { '@type': 'Person', name: '周宁' },
      publisher: { '@type': 'NewsMediaOrganization', name: '青禾网络', logo: { '@type': 'ImageObject', url: `${base}/media/logo.png` } },
      articleSection: '公司新闻',
      keywords: '公司动态, 年终',
      image: [`${base}/media/2026/12/a/og.jpg`],
    });
    const revised = newsArticleLd({ ...article, revisedAt: '2026-12-02T00:00:00.000Z', editor: '', cover: null, tags: [] }, { ...site, logoUrl: null }, { base, url: `${base}/a`, section: null }) as Record<string, unknown>;
    expect(revised.dateModified).toBe('2026-12-02T00:00:00.000Z');
    expect(Object.keys(revised)).not.toEqual(expect.arrayContaining(['editor']));
    expect(revised).not.toHaveProperty('image');
    expect(revised).not.toHaveProperty('keywords');
    expect(revised).not.toHaveProperty('articleSection');
    expect(organizationLd({ ...site, logoUrl: null }, base)).not.toHaveProperty('logo');
  });

  it('BreadcrumbList: the visible trail in order, absolute links, the page itself last', () => {
    expect(breadcrumbLd([{ label: '青禾网络', href: '/' }, { label: '新闻信息', href: '/news' }, { label: '正文' }], base, `${base}/articles/7`)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: '青禾网络', item: `${base}/` },
        { '@type': 'ListItem', position: 2, name: '新闻信息', item: `${base}/news` },
        { '@type': 'ListItem', position: 3, name: '正文', item: `${base}/articles/7` },
      ],
    });
  });

  it('WebSite with the search box; CollectionPage listing its stories; a plain page by its type', () => {
    expect(webSiteLd({ ...site, tagline: '网站建设' }, base)).toMatchObject({
      '@type': 'WebSite',
      description: '网站建设',
      potentialAction: { '@type': 'SearchAction', target: { urlTemplate: `${base}/search?q={search_term_string}` }, 'query-input': 'required name=search_term_string' },
    });
    expect(collectionPageLd({ name: '标签：年终', url: `${base}/tags/nian-zhong`, locale: 'zh-CN', items: [`${base}/articles/1`, `${base}/articles/2`] })).toMatchObject({
      '@type': 'CollectionPage',
      mainEntity: { '@type': 'ItemList', itemListElement: [{ position: 1, url: `${base}/articles/1` }, { position: 2, url: `${base}/articles/2` }] },
    });
    expect(webPageLd({ type: 'SearchResultsPage', name: '搜索', url: `${base}/search`, locale: 'zh-CN' })).toEqual({ '@context': 'https://schema.org', '@type': 'SearchResultsPage', name: '搜索', url: `${base}/search`, inLanguage: 'zh-CN' });
  });

  it('writes JSON no text inside can close its script element', () => {
    expect(jsonLdText({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
