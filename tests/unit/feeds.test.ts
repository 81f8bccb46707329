import { describe, expect, it } from 'vitest';
import { renderAtom } from '@/domain/feeds/atom';
import { renderJsonFeed } from '@/domain/feeds/json-feed';
import { absoluteLinks, renderRss } from '@/domain/feeds/rss';
import { renderSitemapIndex, renderUrlSet } from '@/domain/feeds/sitemap';
import { xmlText } from '@/domain/feeds/xml';

describe('XML text', () => {
  it('escapes the five special characters', () => {
    expect(xmlText(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  });

  it('drops characters XML 1.0 forbids (controls, lone surrogates, U+FFFE) and keeps tab, newline, CJK and emoji', () => {
    expect(xmlText('a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\uDC00g')).toBe('abcdefg');
    expect(xmlText('新闻\t标题\n👩‍💻 🇨🇳')).toBe('新闻\t标题\n👩‍💻 🇨🇳');
  });
});

const channel = {
    title: '青禾网络 & Co',
    description: '',
    link: 'https://example.com/',
    feedUrl: 'https://example.com/feed.xml',
    language: 'zh-CN',
    items: [
      {
        title: '标题 <script>',
        link: 'https://example.com/articles/1-biao-ti',
        description: '摘要\u0000',
        contentHtml: '<p>正文 &amp; <img src="https://example.com/media/a.jpg" alt=""></p>',
        publishedAt: '2026-11-20T00:00:00.000Z',
        updatedAt: '2026-11-21T08:30:00.000Z',
        creator: '张三、李四',
        enclosure: { url: 'https://example.com/media/ab/og.jpeg', type: 'image/jpeg', bytes: 48213 },
        category: '新闻信息',
      },
    ],
};

/** What each XML format must hold for the channel above: its head, its item, the escaped story. */
const XML_FORMATS = [
  {
    name: 'RSS 2.0',
    render: renderRss,
    head: '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"',
    contains: [
      '<title>青禾网络 &amp; Co</title>',
      '<description>青禾网络 &amp; Co</description>', // an empty description falls back to the title
      '<atom:link href="https://example.com/feed.xml" rel="self" type="application/rss+xml"/>',
      '<language>zh-CN</language>',
      '<lastBuildDate>Fri, 20 Nov 2026 00:00:00 GMT</lastBuildDate>',
      '<guid isPermaLink="true">https://example.com/articles/1-biao-ti</guid>',
      '<pubDate>Fri, 20 Nov 2026 00:00:00 GMT</pubDate>',
      '<dc:creator>张三、李四</dc:creator>',
      '<enclosure url="https://example.com/media/ab/og.jpeg" length="48213" type="image/jpeg"/>',
      '<title>标题 &lt;script&gt;</title>',
      '<description>摘要</description>',
      '<content:encoded>&lt;p&gt;正文 &amp;amp; &lt;img src=&quot;https://example.com/media/a.jpg&quot; alt=&quot;&quot;&gt;&lt;/p&gt;</content:encoded>',
    ],
    item: '<item>',
  },
  {
    name: 'Atom 1.0',
    render: renderAtom,
    head: '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    contains: [
      '<link rel="self" type="application/atom+xml" href="https://example.com/feed.xml"/>',
      '<link rel="alternate" type="text/html" href="https://example.com/"/>',
      '<updated>2026-11-21T08:30:00.000Z</updated>', // the newest change of any entry
      '<id>https://example.com/articles/1-biao-ti</id>',
      '<published>2026-11-20T00:00:00.000Z</published>',
      '<author><name>张三、李四</name></author>',
      '<category term="新闻信息"/>',
      '<link rel="enclosure" type="image/jpeg" length="48213" href="https://example.com/media/ab/og.jpeg"/>',
      '<title>标题 &lt;script&gt;</title>',
      '<summary type="text">摘要</summary>',
      '<content type="html">&lt;p&gt;正文 &amp;amp; &lt;img',
    ],
    item: '<entry>',
  },
];

describe.each(XML_FORMATS)('$name', ({ render, head, contains, item }) => {
  it('has the channel head, self link, language and dates, and each story with its permalink, author, section and cover', () => {
    const xml = render(channel);
    expect(xml.startsWith(head)).toBe(true);
    for (const part of contains) expect(xml).toContain(part);
  });

  it('escapes titles and carries the story HTML as escaped text, so no markup or control character breaks the feed', () => {
    expect(render(channel)).not.toMatch(/<script|\u0000/);
  });

  it('has no items for an empty publication', () => {
    expect(render({ ...channel, items: [] })).not.toContain(item);
  });
});

it('a summary-only feed leaves the story out of every format, and JSON Feed then carries the summary as text', () => {
  const summaryOnly = { ...channel, items: channel.items.map((item) => ({ ...item, contentHtml: '' })) };
  expect(renderRss(summaryOnly)).not.toContain('content:encoded>');
  expect(renderRss(summaryOnly)).toContain('<description>摘要</description>');
  expect(renderAtom(summaryOnly)).not.toContain('<content');
  expect(renderAtom(summaryOnly)).toContain('<summary type="text">摘要</summary>');
  const [item] = JSON.parse(renderJsonFeed(summaryOnly)).items;
  expect(item).not.toHaveProperty('content_html');
  expect(item.content_text).toBe('摘要\u0000');
});

it('RSS: no lastBuildDate without stories', () => {
  expect(renderRss({ ...channel, items: [] })).not.toContain('lastBuildDate');
});

describe('JSON Feed 1.1', () => {
  it('is valid JSON with the version, feed and home URLs, and items with the full HTML, dates, authors and language', () => {
    const feed = JSON.parse(renderJsonFeed(channel));
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', title: '青禾网络 & Co', home_page_url: 'https://example.com/', feed_url: 'https://example.com/feed.xml', language: 'zh-CN' });
    expect(feed).not.toHaveProperty('description'); // empty: left out rather than sent blank
    expect(feed.items).toEqual([
      {
        id: 'https://example.com/articles/1-biao-ti',
        url: 'https://example.com/articles/1-biao-ti',
        title: '标题 <script>',
        content_html: channel.items[0]!.contentHtml,
        summary: '摘要\u0000',
        date_published: '2026-11-20T00:00:00.000Z',
        date_modified: '2026-11-21T08:30:00.000Z',
        authors: [{ name: '张三、李四' }],
        tags: ['新闻信息'],
        image: 'https://example.com/media/ab/og.jpeg',
        language: 'zh-CN',
      },
    ]);
  });
});

describe('sitemaps', () => {
  it('lists the files of the index', () => {
    expect(renderSitemapIndex(['https://example.com/sitemaps/pages.xml'])).toContain('<sitemap><loc>https://example.com/sitemaps/pages.xml</loc></sitemap>');
  });

  it('writes lastmod, and the Google News block with its namespace only where a story needs it', () => {
    const plain = renderUrlSet([{ loc: 'https://example.com/a?x=1&y=2', lastModified: '2026-11-20T00:00:00.000Z' }]);
    expect(plain).toContain('<url><loc>https://example.com/a?x=1&amp;y=2</loc><lastmod>2026-11-20T00:00:00.000Z</lastmod></url>');
    expect(plain).not.toContain('xmlns:news');
    const news = renderUrlSet([{ loc: 'https://example.com/b', news: { publication: '青禾网络', language: 'zh-CN', title: '标题', publishedAt: '2026-11-20T00:00:00.000Z' } }]);
    expect(news).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(news).toContain('<news:publication><news:name>青禾网络</news:name><news:language>zh-cn</news:language></news:publication>');
    expect(news).toContain('<news:title>标题</news:title>');
  });
});

describe('links in feed HTML', () => {
  it('makes site-relative src, href and srcset URLs absolute and leaves the rest, text included, alone', () => {
    const html =
      '<p>a, /b and "/c"</p><a href="/articles/1-x">x</a><a href="//cdn.example/y">y</a><a href="https://other.example/">z</a>' +
      '<img src="/media/a/640.webp" srcset="/media/a/320.webp 320w, /media/a/640.webp 640w, https://cdn.example/a.webp 960w" alt="">';
    expect(absoluteLinks(html, 'https://site.example')).toBe(
      '<p>a, /b and "/c"</p><a href="https://site.example/articles/1-x">x</a><a href="//cdn.example/y">y</a><a href="https://other.example/">z</a>' +
        '<img src="https://site.example/media/a/640.webp" srcset="https://site.example/media/a/320.webp 320w, https://site.example/media/a/640.webp 640w, https://cdn.example/a.webp 960w" alt="">',
    );
  });
});
