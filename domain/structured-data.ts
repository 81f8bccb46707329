import { publisherOf } from './attribution';
import { absoluteUrl, authorPath } from './urls';

/**
 * schema.org JSON-LD for reader pages, built from DTO fields only (pure). Search engines read
 * `NewsArticle` (Top stories, Discover), `BreadcrumbList` (the trail shown in results), `WebSite`
 * with a `SearchAction` (the sitelinks search box) and `CollectionPage` for lists.
 */

interface Site {
  name: string;
  logoUrl: string | null;
  locale: string;
}

/** The publication as an Organization, with its logo when one is set. */
export function organizationLd(site: Site, base: string): object {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: absoluteUrl(base, '/'),
    ...(site.logoUrl ? { logo: { '@type': 'ImageObject', url: absolute(base, site.logoUrl) } } : {}),
  };
}

/**
 * `author`: the byline or the publication as one entity, or each staff author as a Person with
 * their page. A byline credits people writing for the paper when the story has staff authors
 * ("本报记者 王小明"); on its own it usually names a desk or the publication ("青禾网络 客户成功部").
 */
export function authorLd(story: { byline: string; authors: readonly { name: string; slug?: string }[] }, siteName: string, base?: string): object {
  const publisher = publisherOf(story, siteName);
  if (publisher.kind === 'authors') {
    return publisher.authors.map((a) => ({ '@type': 'Person', name: a.name, ...(base && a.slug ? { url: absoluteUrl(base, authorPath({ slug: a.slug })) } : {}) }));
  }
  return { '@type': publisher.kind === 'byline' && story.authors.length ? 'Person' : 'Organization', name: publisher.name };
}

export interface ArticleForLd {
  title: string;
  excerpt: string;
  seoDescription: string | null;
  publishedAt: string;
  /** The last significant update or correction; minor edits leave dateModified alone. */
  revisedAt: string | null;
  locale: string;
  byline: string;
  /** 责任编辑, resolved; '' for none. */
  editor: string;
  authors: readonly { name: string; slug: string }[];
  tags: readonly { name: string }[];
  cover: { src: string; og: string | null } | null;
}

export function newsArticleLd(article: ArticleForLd, site: Site, options: { base: string; url: string; section: string | null }): object {
  const { base, url, section } = options;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.seoDescription || article.excerpt || undefined,
    datePublished: article.publishedAt,
    dateModified: article.revisedAt ?? article.publishedAt,
    inLanguage: article.locale,
    mainEntityOfPage: url,
    url,
    author: authorLd(article, site.name, base),
    ...(article.editor ? { editor: { '@type': 'Person', name: article.editor } } : {}),
    publisher: organizationLd(site, base),
    ...(section ? { articleSection: section } : {}),
    ...(article.tags.length ? { keywords: article.tags.map((tag) => tag.name).join(', ') } : {}),
    ...(article.cover ? { image: [absolute(base, article.cover.og ?? article.cover.src)] } : {}),
  };
}

/** The trail readers see (当前位置: 站点 > 栏目 > 正文); the last crumb, the page itself, has no link. */
export function breadcrumbLd(crumbs: readonly { label: string; href?: string }[], base: string, pageUrl: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      item: crumb.href ? absolute(base, crumb.href) : pageUrl,
    })),
  };
}

/** The home page: the site, and how to search it. */
export function webSiteLd(site: Site & { tagline: string }, base: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    ...(site.tagline ? { description: site.tagline } : {}),
    url: absoluteUrl(base, '/'),
    inLanguage: site.locale,
    publisher: organizationLd(site, base),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(base, '/search')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** A section, tag or author archive: a CollectionPage listing the stories shown. */
export function collectionPageLd(page: { name: string; description?: string; url: string; locale: string; items: readonly string[] }): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: page.name,
    ...(page.description ? { description: page.description } : {}),
    url: page.url,
    inLanguage: page.locale,
    mainEntity: { '@type': 'ItemList', itemListElement: page.items.map((url, i) => ({ '@type': 'ListItem', position: i + 1, url })) },
  };
}

/** Any other reader page (a static page, search results): its type, name and language, for its trail's sake. */
export function webPageLd(page: { type: 'WebPage' | 'AboutPage' | 'ContactPage' | 'SearchResultsPage'; name: string; description?: string; url: string; locale: string }): object {
  return {
    '@context': 'https://schema.org',
    '@type': page.type,
    name: page.name,
    ...(page.description ? { description: page.description } : {}),
    url: page.url,
    inLanguage: page.locale,
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

const absolute = (base: string, url: string) => (/^https?:\/\//.test(url) ? url : absoluteUrl(base, url));
