import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoArticles, demoSite } from '@/services/seed/demo-content';
import { demoArticleIsVisible } from '../integration/helpers';
import { axeViolations, launchBrowser } from '../helpers/browser';

const baseURL = inject('baseURL');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

async function firstArticleHref(path: string): Promise<string> {
  const html = await (await fetch(`${baseURL}${path}`)).text();
  const match = /href="(\/articles\/\d+-[a-z0-9-]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`no article link on ${path}`);
  return match[1];
}

describe('reader journey in zh-CN', () => {
  it('goes home → section → article and shows every element of the reference page', async () => {
    await page.goto(baseURL);
    const header = page.locator('body > header');
    await expect(header.textContent()).resolves.toContain(demoSite.name);
    await expect(header.textContent()).resolves.toContain(`服务热线：${demoSite.hotline}`);
    expect(await header.locator(`a[href="tel:${demoSite.hotline.replace(/[^\d+]/g, '')}"]`).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The footer's two filing numbers, each a link to where a reader checks it.
    const footer = page.locator('body > footer');
    expect(await footer.getByTestId('icp').textContent()).toBe(demoSite.icp);
    expect(await footer.getByTestId('icp').getAttribute('href')).toBe('https://beian.miit.gov.cn/');
    expect(await footer.getByTestId('police-filing').textContent()).toBe(demoSite.policeFiling);
    expect(await footer.getByTestId('police-filing').getAttribute('href')).toBe(`https://beian.mps.gov.cn/#/query/webSearch?code=${demoSite.policeFiling.replace(/\D/g, '')}`);

    await header.getByRole('link', { name: '新闻信息' }).click();
    await page.waitForURL(`${baseURL}/news`);
    await expect(page.locator('main h1').textContent()).resolves.toBe('新闻信息');

    const firstStory = page.locator('main ul li a[href^="/articles/"]').first();
    const title = (await firstStory.textContent())!.trim();
    await firstStory.click();
    await page.waitForURL(/\/articles\/\d+-/);

    const crumbs = page.locator('nav[aria-label="面包屑导航"]');
    const crumbText = (await crumbs.textContent())!.replace(/\s+/g, ' ');
    expect(crumbText).toMatch(new RegExp(`当前位置：${demoSite.name} > 新闻信息( > [^>]+)? > 正文`));
    expect(await crumbs.locator('a').first().getAttribute('href')).toBe('/');

    const article = page.locator('main article');
    await expect(article.locator('h1').textContent()).resolves.toBe(title);
    const meta = (await article.getByTestId('article-meta').textContent())!;
    expect(meta).toMatch(/发布时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2} \| 发布者：.+ \| 浏览次数：[\d,]+/);
    expect(await article.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(await article.locator('.article-body p').count()).toBeGreaterThan(1);
    // 责任编辑 closes the story, as on Chinese news sites; the demo desk's editor signs the demo stories.
    expect(await article.getByTestId('editor-credit').textContent()).toMatch(/^（责任编辑：\S.*）$/);
    const reprint = (await article.getByTestId('reprint').textContent())!;
    expect(reprint).toContain(`转载请标注：${demoSite.name}——${title}`);
    expect(reprint).toContain(`${baseURL}/articles/`);
    await expect(page.locator('main').textContent()).resolves.toMatch(/上一篇：[\s\S]*下一篇：/);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe(`${baseURL}${new URL(page.url()).pathname}`);
  });

  it('prints a cover\'s caption and its credit (图片来源) under it', async () => {
    const list = await (await fetch(`${baseURL}/news`)).text();
    const paths = [...new Set([...list.matchAll(/href="(\/articles\/\d+-[a-z0-9-]+)"/g)].map((m) => m[1]!))];
    let caption: string | undefined;
    for (const path of paths) {
      caption = /<figure class="mt-6">[\s\S]*?<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(await (await fetch(`${baseURL}${path}`)).text())?.[1];
      if (caption) break;
    }
    expect(caption?.replace(/<[^>]+>/g, '')).toBe('示意图：为演示站点绘制。 图片来源：青禾网络设计部');
  });

  it('lists the demo\'s correction on /corrections (linked from the footer), and the corrected story prints it with its 更新时间', async () => {
    const corrected = demoArticles.find((a) => a.notices?.some((n) => n.kind === 'correction'))!;
    const correction = corrected.notices!.find((n) => n.kind === 'correction')!;
    await page.goto(baseURL);
    await page.locator('body > footer').getByRole('link', { name: '更正', exact: true }).click();
    await page.waitForURL(`${baseURL}/corrections`);
    expect(await page.locator('main h1').textContent()).toBe('更正');
    const item = page.getByTestId('corrections').locator('li', { hasText: correction.note });
    await item.getByRole('link', { name: corrected.title }).click();
    await page.waitForURL(/\/articles\/\d+-/);
    expect(await page.getByTestId('revised-at').textContent()).toMatch(/^更新时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page.getByTestId('article-notices').textContent()).toContain(correction.note);
  });

  it('uses Chinese typography for the body: first-line indent and a generous line height', async () => {
    await page.goto(`${baseURL}${await firstArticleHref('/news')}`);
    const style = await page.locator('.article-body p').first().evaluate((el) => {
      const s = getComputedStyle(el);
      return { indent: parseFloat(s.textIndent), fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) };
    });
    expect(style.indent).toBeCloseTo(style.fontSize * 2, 0);
    expect(style.lineHeight / style.fontSize).toBeGreaterThanOrEqual(1.7);
  });

  it('moves any non-canonical slug of an article permanently to its canonical URL', async () => {
    const href = await firstArticleHref('/');
    const id = /\/articles\/(\d+)-/.exec(href)![1];
    for (const variant of [`/articles/${id}`, `/articles/${id}-old-slug`, `/articles/${id}-old-slug`]) {
      const res = await fetch(`${baseURL}${variant}`, { redirect: 'manual' });
      expect(res.status).toBe(301);
      // One Location header: Next.js 16.4 sends it twice when an ISR page redirects on a cache miss.
      const location = res.headers.get('location')!;
      expect(new URL(location, baseURL).pathname).toBe(href);
    }
  });

  it('rolls subsections up into their parent section', async () => {
    const parent = await (await fetch(`${baseURL}/news`)).text();
    const child = await (await fetch(`${baseURL}/company`)).text();
    const childLinks = [...child.matchAll(/href="(\/articles\/[^"]+)"/g)].map((m) => m[1]);
    expect(childLinks.length).toBeGreaterThan(0);
    for (const link of childLinks.slice(0, 3)) expect(parent).toContain(link!);
  });
});

describe('most read', () => {
  it('lists the most read stories of today, 7 and 30 days on the home page and beside articles, sections and tags', async () => {
    const article = await firstArticleHref('/news');
    for (const path of ['/', '/news', article, '/tags/kaiyuan']) {
      const res = await page.goto(`${baseURL}${path}`);
      expect(res?.status(), path).toBe(200);
      const aside = page.locator('aside[data-testid="most-read"]');
      await expect(aside.locator('h2').textContent()).resolves.toBe('热门文章');
      expect(await aside.locator('section[data-period]').evaluateAll((els) => els.map((el) => el.getAttribute('data-period')))).toEqual(
        path === '/' ? ['today', '7d', '30d', 'all'] : ['today', '7d', '30d'],
      );
      // The demo seed leaves a month of view history, so today's list is never empty on a fresh site.
      const today = await aside.locator('[data-period="today"] ol a').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
      expect(today.length, path).toBeGreaterThan(0);
      for (const href of today) expect(href).toMatch(/^\/articles\/\d+-[a-z0-9-]+$/);
    }
  });
});

describe('feeds and sitemaps', () => {
  /** Parses XML in Chromium: a feed that one reader cannot parse is broken for all of them. */
  async function parseXml(xml: string): Promise<{ error: string | null; root: string }> {
    return page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName };
    }, xml);
  }

  it('serves RSS 2.0 of the latest stories with canonical absolute links, announced in every page head', async () => {
    const res = await fetch(`${baseURL}/feed.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await res.text();
    expect(await parseXml(xml)).toEqual({ error: null, root: 'rss' });
    const links = [...xml.matchAll(/<item><title>[^<]*<\/title><link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link).toMatch(new RegExp(`^${baseURL}/articles/\\d+-[a-z0-9-]+$`));
    const home = await (await fetch(baseURL)).text();
    expect(home).toContain(`<link rel="alternate" type="application/rss+xml" title="${demoSite.name}" href="/feed.xml"/>`);
    expect(links[0]).toBe(`${baseURL}${/href="(\/articles\/[^"]+)"/.exec(home.slice(home.indexOf('id="latest-heading"')))![1]}`);
  });

  it('serves a feed per section with its subsections, and 404 for an unknown section', async () => {
    const res = await fetch(`${baseURL}/feeds/news.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(await parseXml(xml)).toEqual({ error: null, root: 'rss' });
    expect(xml).toContain('<category>');
    const section = await (await fetch(`${baseURL}/news`)).text();
    expect(section).toContain('href="/feeds/news.xml"');
    for (const path of ['/feeds/no-such-section.xml', '/feeds/news', '/feeds/%E6%96%B0.xml', '/sitemaps/other.xml', '/sitemaps/articles-0.xml', '/sitemaps/articles-99.xml']) {
      expect((await fetch(`${baseURL}${path}`)).status, path).toBe(404);
    }
  });

  it('serves the same feed as Atom 1.0 and JSON Feed 1.1, each announced beside the RSS in the page head', async () => {
    const rss = await (await fetch(`${baseURL}/feed.xml`)).text();
    const rssLinks = [...rss.matchAll(/<item><title>[^<]*<\/title><link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    const atomRes = await fetch(`${baseURL}/feed.atom`);
    expect(atomRes.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const atom = await atomRes.text();
    expect(await parseXml(atom)).toEqual({ error: null, root: 'feed' });
    expect([...atom.matchAll(/<entry><title>[^<]*<\/title><link rel="alternate" type="text\/html" href="([^"]+)"/g)].map((m) => m[1]!)).toEqual(rssLinks);
    const jsonRes = await fetch(`${baseURL}/feed.json`);
    expect(jsonRes.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const json = (await jsonRes.json()) as { version: string; feed_url: string; items: { url: string; content_html: string }[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`${baseURL}/feed.json`);
    expect(json.items.map((item) => item.url)).toEqual(rssLinks);
    expect(json.items[0]!.content_html.length).toBeGreaterThan(100);
    const home = await (await fetch(baseURL)).text();
    expect(home).toContain(`<link rel="alternate" type="application/atom+xml" title="${demoSite.name}" href="/feed.atom"/>`);
    expect(home).toContain(`<link rel="alternate" type="application/feed+json" title="${demoSite.name}" href="/feed.json"/>`);
  });

  it('serves a feed per tag and per author in every format, linked from their pages; an unknown one is 404', async () => {
    const home = await (await fetch(baseURL)).text();
    const tagPath = /href="(\/tags\/[a-z0-9-]+)"/.exec(home)?.[1] ?? /href="(\/tags\/[a-z0-9-]+)"/.exec(await (await fetch(`${baseURL}${/href="(\/articles\/[^"]+)"/.exec(home)![1]}`)).text())![1]!;
    const tagSlug = tagPath.split('/').pop()!;
    const tagPage = await (await fetch(`${baseURL}${tagPath}`)).text();
    for (const [format, type] of [['xml', 'application/rss+xml'], ['atom', 'application/atom+xml'], ['json', 'application/feed+json']] as const) {
      expect(tagPage).toContain(`type="${type}"`);
      expect(tagPage).toContain(`href="/feeds/tags/${tagSlug}.${format}"`);
      const res = await fetch(`${baseURL}/feeds/tags/${tagSlug}.${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
    }
    const tagFeed = (await (await fetch(`${baseURL}/feeds/tags/${tagSlug}.json`)).json()) as { items: { url: string }[] };
    expect(tagFeed.items.length).toBeGreaterThan(0);
    // Every story in the tag's feed carries the tag on its page.
    for (const item of tagFeed.items.slice(0, 3)) expect(await (await fetch(item.url)).text()).toContain(`href="${tagPath}"`);
    const article = await (await fetch(tagFeed.items[0]!.url)).text();
    const authorPath = /href="(\/authors\/[a-z0-9-]+)"/.exec(article)?.[1];
    if (authorPath) {
      const authorSlug = authorPath.split('/').pop()!;
      const res = await fetch(`${baseURL}/feeds/authors/${authorSlug}.atom`);
      expect(res.status).toBe(200);
      expect(await parseXml(await res.text())).toEqual({ error: null, root: 'feed' });
      expect(await (await fetch(`${baseURL}${authorPath}`)).text()).toContain(`href="/feeds/authors/${authorSlug}.json"`);
    }
    for (const path of ['/feeds/tags/no-such-tag.json', '/feeds/authors/nobody.atom', '/feeds/news.rss', '/feeds/tags/Bad_Slug.xml']) {
      expect((await fetch(`${baseURL}${path}`)).status, path).toBe(404);
    }
  });

  it('lists every visible page in a sitemap index that robots.txt points to', async () => {
    const robots = await (await fetch(`${baseURL}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    const index = await (await fetch(`${baseURL}/sitemap.xml`)).text();
    expect(await parseXml(index)).toEqual({ error: null, root: 'sitemapindex' });
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    // news.xml is listed only while a story is under two days old (the demo's are older).
    expect(files.filter((f) => !f.endsWith('/news.xml'))).toEqual([`${baseURL}/sitemaps/pages.xml`, `${baseURL}/sitemaps/articles-1.xml`]);
    const urls: string[] = [];
    for (const file of files) {
      const res = await fetch(file);
      expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      const xml = await res.text();
      expect(await parseXml(xml), file).toEqual({ error: null, root: 'urlset' });
      urls.push(...[...xml.matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    expect(urls).toContain(`${baseURL}/`);
    expect(urls).toContain(`${baseURL}/news`);
    expect(urls).toContain(`${baseURL}${await firstArticleHref('/news')}`);
    for (const url of urls.slice(0, 40)) expect((await fetch(url, { redirect: 'manual' })).status, url).toBe(200);
  });
});

describe('structured data and social cards', () => {
  type Ld = Record<string, unknown> & { '@type': string };
  const blocks = (html: string): Ld[] =>
    [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Ld);
  const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key.replace(/[.]/g, '\\.')}" content="([^"]*)"`).exec(html)?.[1];

  it('an article carries a NewsArticle (publisher, section, dates, authors with their pages) and the breadcrumb readers see', async () => {
    const home = await (await fetch(baseURL)).text();
    const articlePath = /href="(\/articles\/[^"]+)"/.exec(home.slice(home.indexOf('id="latest-heading"')))![1]!;
    const html = await (await fetch(`${baseURL}${articlePath}`)).text();
    const ld = blocks(html);
    const article = ld.find((b) => b['@type'] === 'NewsArticle')!;
    expect(article).toMatchObject({ '@context': 'https://schema.org', mainEntityOfPage: `${baseURL}${articlePath}`, publisher: { '@type': 'NewsMediaOrganization', name: demoSite.name } });
    expect(typeof article.headline).toBe('string');
    expect(typeof article.articleSection).toBe('string');
    expect(Date.parse(article.dateModified as string)).toBeGreaterThanOrEqual(Date.parse(article.datePublished as string));
    for (const author of [article.author].flat() as { '@type': string; url?: string }[]) {
      expect(['Person', 'Organization']).toContain(author['@type']);
      if (author.url) expect(author.url).toMatch(new RegExp(`^${baseURL}/authors/[a-z0-9-]+$`));
    }
    const trail = ld.find((b) => b['@type'] === 'BreadcrumbList')!.itemListElement as { position: number; name: string; item: string }[];
    expect(trail.map((c) => c.position)).toEqual(trail.map((_c, i) => i + 1));
    expect(trail[0]).toMatchObject({ name: demoSite.name, item: `${baseURL}/` });
    expect(trail.at(-1)).toMatchObject({ name: '正文', item: `${baseURL}${articlePath}` });
    expect(html.replace(/<[^>]+>/g, '').replaceAll('&gt;', '>')).toContain(`当前位置：${trail.map((c) => c.name).join(' > ')}`); // the visible trail, crumb for crumb
    expect(article.editor).toMatchObject({ '@type': 'Person', name: expect.any(String) });
    expect(html).toContain(`（责任编辑：${(article.editor as { name: string }).name}）`);
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:site_name')).toBe(demoSite.name);
    expect(meta(html, 'twitter:card')).toMatch(/^summary/);
  });

  it('the home page names the site with a SearchAction; a section is a CollectionPage of the stories it shows', async () => {
    const home = await (await fetch(baseURL)).text();
    const site = blocks(home).find((b) => b['@type'] === 'WebSite')!;
    expect(site).toMatchObject({ name: demoSite.name, url: `${baseURL}/` });
    expect((site.potentialAction as { target: { urlTemplate: string } }).target.urlTemplate).toBe(`${baseURL}/search?q={search_term_string}`);
    expect(meta(home, 'og:site_name')).toBe(demoSite.name);
    const section = await (await fetch(`${baseURL}/news`)).text();
    const page = blocks(section).find((b) => b['@type'] === 'CollectionPage')!;
    expect(page).toMatchObject({ name: '新闻信息', url: `${baseURL}/news` });
    const listed = (page.mainEntity as { itemListElement: { url: string }[] }).itemListElement.map((i) => i.url);
    expect(listed.length).toBeGreaterThan(0);
    for (const url of listed) expect(section).toContain(`href="${url.slice(baseURL.length)}"`);
    expect(blocks(section).find((b) => b['@type'] === 'BreadcrumbList')).toBeTruthy();
  });
});

describe('search', () => {
  it('finds a story by a Chinese phrase from the header search box, with the phrase marked', async () => {
    const story = demoArticles.find((a) => demoArticleIsVisible(a) && /^[\u4e00-\u9fff]{4}/.test(a.title))!;
    const phrase = story.title.slice(0, 4);
    await page.goto(`${baseURL}/news`);
    await page.locator('header input[type="search"]').fill(phrase);
    await page.locator('header input[type="search"]').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(phrase);
    await expect(page.locator('main h1').textContent()).resolves.toBe(`搜索：${phrase}`);
    const results = page.locator('[data-testid="search-results"] > li');
    expect(await results.count()).toBeGreaterThan(0);
    const titles = await results.locator('> a').evaluateAll((els) => els.map((el) => el.textContent));
    expect(titles).toContain(story.title);
    expect(await page.locator('[data-testid="search-results"] mark').first().textContent()).toBe(phrase);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, follow');
  });

  it('matches English words by prefix and case, and tells the reader when nothing matches', async () => {
    const english = demoArticles.find((a) => demoArticleIsVisible(a) && a.locale === 'en')!;
    const word = english.title.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w))!;
    await page.goto(`${baseURL}/search?q=${encodeURIComponent(word.slice(0, 4).toUpperCase())}`);
    const titles = await page.locator('[data-testid="search-results"] > li > a').evaluateAll((els) => els.map((el) => el.textContent));
    expect(titles).toContain(english.title);
    const none = await fetch(`${baseURL}/search?q=${encodeURIComponent('不存在的关键词组合甲乙丙')}`);
    expect(none.status).toBe(200);
    expect(await none.text()).toContain('没有找到与“不存在的关键词组合甲乙丙”相关的文章');
  });

  it('answers odd queries with a page, never an error, and never echoes markup', async () => {
    for (const q of ['', '%00', encodeURIComponent('<script>alert(1)</script>'), encodeURIComponent("' OR 1=1 --"), 'a'.repeat(3000), encodeURIComponent('&|!:*()')]) {
      const res = await fetch(`${baseURL}/search?q=${q}`);
      expect(res.status, q.slice(0, 30)).toBe(200);
      expect(await res.text()).not.toContain('<script>alert(1)</script>');
    }
    for (const q of ['q=abc&page=abc', 'q=abc&page=0', 'q=%E9%9D%92%E7%A6%BE&page=999']) {
      expect((await fetch(`${baseURL}/search?${q}`)).status, q).toBe(404);
    }
  });
});

describe('micro-cache in front of Next.js', () => {
  it('answers a hot cached page from memory, byte for byte, per encoding, but never an RSC request, a 404 or the admin', async () => {
    const href = await firstArticleHref('/news');
    // Earlier tests may have rendered this page more than s-maxage ago: Next then answers STALE once
    // (not stored here) and renders it again in the background.
    await (await fetch(`${baseURL}${href}`)).arrayBuffer();
    const first = await fetch(`${baseURL}${href}`);
    const body = await first.text();
    const second = await fetch(`${baseURL}${href}`);
    expect(second.headers.get('x-gazette-cache')).toBe('HIT');
    expect(await second.text()).toBe(body);
    // Read the whole first response: the micro-cache stores it when Next ends it, which for a
    // compressed stream can come after the next request has arrived.
    await (await fetch(`${baseURL}${href}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
    const gzipped = await fetch(`${baseURL}${href}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('x-gazette-cache')).toBe('HIT');
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(await gzipped.text()).toBe(body); // fetch decompresses: the stored bytes were the gzip of the same page
    const rsc = await fetch(`${baseURL}${href}`, { headers: { rsc: '1' } });
    expect(rsc.headers.get('x-gazette-cache')).toBeNull();
    for (const path of ['/no-such-section', '/no-such-section', '/admin', '/admin']) {
      expect((await fetch(`${baseURL}${path}`, { redirect: 'manual' })).headers.get('x-gazette-cache'), path).toBeNull();
    }
  });
});

describe('bad input answers 404, never 500', () => {
  const notFound = [
    '/no-such-section',
    '/articles/999999-nothing',
    '/articles/abc',
    '/articles/0',
    '/tags/no-such-tag',
    '/authors/no-such-author',
    '/news?page=0',
    '/news?page=-1',
    '/news?page=abc',
    '/news?page=999999',
    '/%E4%B8%AD%E6%96%87%E6%A0%8F%E7%9B%AE',
    '/articles/%00',
    '/news/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    `/${'a'.repeat(3000)}`,
    '/news/deeper/path',
    // Malformed percent-escapes (issue 10): Next's router cannot decode them and answered 500.
    '/%ff%fe',
    '/tags/%ff%fe',
    '/articles/%ff%fe',
    '/authors/%ff',
    '/news/%e4%b8',
  ];
  for (const path of notFound) {
    it(`GET ${path.length > 60 ? `${path.slice(0, 40)}…` : path} → 404 page`, async () => {
      const res = await fetch(`${baseURL}${path}`, { redirect: 'manual' });
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('页面未找到');
      expect(html).toContain(demoSite.name);
    });
  }

  it('serves the first page for ?page=1', async () => {
    expect((await fetch(`${baseURL}/news?page=1`)).status).toBe(200);
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  for (const [name, path] of [
    ['home', '/'],
    ['section', '/news'],
    ['article', 'ARTICLE'],
    ['404', '/no-such-page'],
    ['search results', '/search?q=%E5%8F%91%E5%B8%83'],
    ['corrections', '/corrections'],
    ['corrected article (its notes at the end)', 'CORRECTED'],
  ] as const) {
    it(`finds no violation on the ${name} page`, async () => {
      const target = path === 'ARTICLE' ? await firstArticleHref('/') : path === 'CORRECTED' ? await firstArticleHref('/corrections') : path;
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${baseURL}${target}`);
        const violations = await axeViolations(page);
        expect(violations, `${scheme}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });
  }
});

describe('article page weight', () => {
  it('renders the body on the server and ships no client component of ours for it', async () => {
    const href = await firstArticleHref('/');
    const html = await (await fetch(`${baseURL}${href}`)).text();
    expect(html).toMatch(/<div class="article-body[^"]*"[^>]*><p>/);

    // The build's client-reference manifest lists every client module the article route can load.
    const manifestPath = path.join(process.cwd(), '.next/server/app/(site)/articles/[id]/page_client-reference-manifest.js');
    const manifest = fs.readFileSync(manifestPath, 'utf8');
    const clientModules = [...manifest.matchAll(/"\[project\]\/([^"]+)":\{"id"/g)].map((m) => m[1]!);
    expect(clientModules.length).toBeGreaterThan(0);
    const ours = clientModules.filter((m) => !m.startsWith('node_modules/next/'));
    // Only the error boundaries (client components by definition) may be ours.
    expect(ours.filter((m) => !/^app\/(\(site\)\/error|global-error)\.tsx$/.test(m))).toEqual([]);
  });
});
