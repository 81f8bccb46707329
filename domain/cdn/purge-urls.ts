import { FEED_FORMATS, type FeedFormat } from '../feeds/rss';
import { absoluteUrl, articlePath, authorPath, pagePath, sectionPath, tagPath } from '../urls';

/**
 * Which public URLs a change makes stale, from the cache tags the DAL reported for it. Pure: the
 * slugs behind the ids come in `names` (looked up by services/cdn/purge.ts), so this is the whole rule and
 * docs/scaling.md lists it per change. Only first pages are named (`/news`, not `/news?page=2`): a CDN
 * purges exact URLs, and deeper pages age out by their s-maxage (60 s).
 */

/** Article sitemap files each hold 5,000 consecutive ids (domain/feeds/sitemap.ts SITEMAP_PAGE_SIZE). */
const SITEMAP_SPAN = 5000;

export interface PurgeNames {
  articles: Map<number, string>;
  sections: Map<number, string>;
  tags: Map<number, string>;
  authors: Map<number, string>;
}

export interface PurgePlan {
  /** Absolute URLs to purge, sorted, no duplicates. */
  urls: string[];
  /**
   * Something every page shows changed (site settings, the section navigation): exact URLs cannot
   * cover it, the CDN should drop everything (or wait out s-maxage).
   */
  everything: boolean;
}

/** The ids a set of tags needs slugs for. */
export function idsToResolve(tags: Iterable<string>): Record<keyof PurgeNames, number[]> {
  const out: Record<keyof PurgeNames, number[]> = { articles: [], sections: [], tags: [], authors: [] };
  const kinds: Record<string, keyof PurgeNames> = { article: 'articles', section: 'sections', tag: 'tags', author: 'authors' };
  for (const tag of new Set(tags)) {
    const m = /^(article|section|tag|author):(\d+)$/.exec(tag);
    const kind = m ? kinds[m[1]!] : undefined;
    if (kind) out[kind].push(Number(m![2]));
  }
  return out;
}

export function purgeUrls(tags: Iterable<string>, names: PurgeNames, siteUrl: string): PurgePlan {
  const paths = new Set<string>();
  let everything = false;
  // A feed lives at one path in every format (domain/feeds/rss.ts FEED_FORMATS).
  const feed = (path: string) => (Object.keys(FEED_FORMATS) as FeedFormat[]).forEach((format) => paths.add(`${path}.${format}`));
  const feedsAndSitemaps = () => {
    feed('/feed');
    paths.add('/sitemap.xml');
    paths.add('/sitemaps/news.xml');
  };
  for (const tag of new Set(tags)) {
    const [kind, rest] = splitTag(tag);
    const id = Number(rest);
    switch (kind) {
      case 'home':
        paths.add('/');
        feedsAndSitemaps();
        break;
      case 'feeds':
        feedsAndSitemaps();
        break;
      case 'article': {
        const slug = names.articles.get(id);
        if (slug !== undefined) paths.add(articlePath({ id, slug }));
        if (Number.isSafeInteger(id) && id > 0) paths.add(`/sitemaps/articles-${Math.ceil(id / SITEMAP_SPAN)}.xml`);
        break;
      }
      case 'section': {
        const slug = names.sections.get(id);
        if (slug !== undefined) {
          paths.add(sectionPath({ slug }));
          feed(`/feeds/${slug}`);
        }
        break;
      }
      case 'tag': {
        const slug = names.tags.get(id);
        if (slug !== undefined) {
          paths.add(tagPath({ slug }));
          feed(`/feeds/tags/${slug}`);
        }
        break;
      }
      case 'tag-slug':
        paths.add(tagPath({ slug: rest }));
        feed(`/feeds/tags/${rest}`);
        break;
      case 'author': {
        const slug = names.authors.get(id);
        if (slug !== undefined) {
          paths.add(authorPath({ slug }));
          feed(`/feeds/authors/${slug}`);
        }
        break;
      }
      case 'author-slug':
        paths.add(authorPath({ slug: rest }));
        feed(`/feeds/authors/${rest}`);
        break;
      case 'page':
        paths.add(pagePath({ slug: rest }));
        paths.add('/sitemaps/pages.xml');
        break;
      case 'sections':
        // Every page's header carries the section navigation.
        everything = true;
        paths.add('/');
        paths.add('/sitemaps/pages.xml');
        break;
      case 'settings':
        // The site's name, language and footer are on every page and in every feed.
        everything = true;
        paths.add('/');
        feedsAndSitemaps();
        break;
      case 'tags':
        paths.add('/sitemaps/pages.xml');
        break;
      case 'breaking-news':
        // The banner is on every page (not in feeds or sitemaps).
        everything = true;
        paths.add('/');
        break;
      default:
        // most-read (the sidebars: they age out with s-maxage), redirects (old URLs answer 301s that
        // were never cached as pages), authors (only the tag above matters): no URL of their own.
        break;
    }
  }
  return { urls: [...paths].map((p) => absoluteUrl(siteUrl, p)).sort(), everything };
}

function splitTag(tag: string): [string, string] {
  const i = tag.indexOf(':');
  return i < 0 ? [tag, ''] : [tag.slice(0, i), tag.slice(i + 1)];
}
