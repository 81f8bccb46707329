import { describe, expect, it } from 'vitest';
import { idsToResolve, purgeUrls, type PurgeNames } from '@/domain/cdn/purge-urls';

const site = 'https://news.example.com';
const names: PurgeNames = {
  articles: new Map([
    [12, 'ji-ceng-fang-kong'],
    [5001, 'later-story'],
  ]),
  sections: new Map([
    [3, 'news'],
    [4, 'world'],
  ]),
  tags: new Map([[7, 'health']]),
  authors: new Map([[9, 'li-hua']]),
};

/** A feed's URL in each format, in the order the plan sorts them (.atom, .json, .xml). */
const allFormats = (path: string) => ['atom', 'json', 'xml'].map((format) => `${site}${path}.${format}`);

describe('purgeUrls', () => {
  it('an article publish or edit: the article, its sitemap file, home, its sections and their feeds, tags, authors, the site feed and the news sitemap', () => {
    // The tags the DAL reports for a publish (db/queries/admin): article, sections with ancestors, tags, authors, home, feeds.
    const plan = purgeUrls(['article:12', 'section:3', 'section:4', 'tag:7', 'author:9', 'home', 'feeds', 'most-read'], names, site);
    expect(plan).toEqual({
      everything: false,
      urls: [
        `${site}/`,
        `${site}/articles/12-ji-ceng-fang-kong`,
        `${site}/authors/li-hua`,
        ...allFormats('/feed'),
        ...allFormats('/feeds/authors/li-hua'),
        ...allFormats('/feeds/news'),
        ...allFormats('/feeds/tags/health'),
        ...allFormats('/feeds/world'),
        `${site}/news`,
        `${site}/sitemap.xml`,
        `${site}/sitemaps/articles-1.xml`,
        `${site}/sitemaps/news.xml`,
        `${site}/tags/health`,
        `${site}/world`,
      ],
    });
  });

  it('puts an article in the sitemap file of its id span (5,000 ids each)', () => {
    expect(purgeUrls(['article:5001'], names, site).urls).toEqual([`${site}/articles/5001-later-story`, `${site}/sitemaps/articles-2.xml`]);
    expect(purgeUrls(['article:5000'], names, site).urls).toEqual([`${site}/sitemaps/articles-1.xml`]); // slug unknown (deleted): its sitemap file still
  });

  it('static pages, renamed tags and authors by slug', () => {
    expect(purgeUrls(['page:about'], names, site).urls).toEqual([`${site}/about`, `${site}/sitemaps/pages.xml`]);
    expect(purgeUrls(['tag-slug:old-name', 'tag:7', 'tags'], names, site).urls).toEqual([
      ...allFormats('/feeds/tags/health'),
      ...allFormats('/feeds/tags/old-name'),
      `${site}/sitemaps/pages.xml`,
      `${site}/tags/health`,
      `${site}/tags/old-name`,
    ]);
    expect(purgeUrls(['author-slug:li-hua', 'author:9', 'authors'], names, site).urls).toEqual([`${site}/authors/li-hua`, ...allFormats('/feeds/authors/li-hua')]);
  });

  it('settings, the breaking-news banner and the section tree touch every page: everything, plus the known lists', () => {
    expect(purgeUrls(['settings'], names, site)).toEqual({
      everything: true,
      urls: [`${site}/`, ...allFormats('/feed'), `${site}/sitemap.xml`, `${site}/sitemaps/news.xml`],
    });
    expect(purgeUrls(['breaking-news'], names, site)).toEqual({ everything: true, urls: [`${site}/`] });
    expect(purgeUrls(['sections', 'section:3'], names, site)).toEqual({
      everything: true,
      urls: [`${site}/`, ...allFormats('/feeds/news'), `${site}/news`, `${site}/sitemaps/pages.xml`],
    });
  });

  it('tags with no public URL of their own purge nothing; unknown ids are skipped', () => {
    expect(purgeUrls(['most-read', 'redirects', 'authors', 'section:99', 'tag:98', 'author:97'], names, site)).toEqual({ everything: false, urls: [] });
    expect(purgeUrls([], names, 'http://localhost:3000/').urls).toEqual([]);
  });

  it('idsToResolve collects the ids whose slugs are needed, once each', () => {
    expect(idsToResolve(['article:12', 'article:12', 'section:3', 'tag:7', 'author:9', 'home', 'page:about', 'tag-slug:x'])).toEqual({
      articles: [12],
      sections: [3],
      tags: [7],
      authors: [9],
    });
  });
});
