import { describe, expect, it } from 'vitest';
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

describe('RSS 2.0', () => {
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
        creator: '张三、李四',
        category: '新闻信息',
      },
    ],
  };

  it('builds a channel with a self link, the language and an RFC 822 date, and items with a permalink guid', () => {
    const xml = renderRss(channel);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    expect(xml).toContain('<title>青禾网络 &amp; Co</title>');
    expect(xml).toContain('<description>青禾网络 &amp; Co</description>'); // an empty description falls back to the title
    expect(xml).toContain('<atom:link href="https://example.com/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain('<language>zh-CN</language>');
    expect(xml).toContain('<lastBuildDate>Fri, 20 Nov 2026 00:00:00 GMT</lastBuildDate>');
    expect(xml).toContain('<guid isPermaLink="true">https://example.com/articles/1-biao-ti</guid>');
    expect(xml).toContain('<pubDate>Fri, 20 Nov 2026 00:00:00 GMT</pubDate>');
    expect(xml).toContain('<dc:creator>张三、李四</dc:creator>');
  });

  it('escapes titles and carries the story HTML as escaped text, so no markup or control character breaks the feed', () => {
    const xml = renderRss(channel);
    expect(xml).toContain('<title>标题 &lt;script&gt;</title>');
    expect(xml).toContain('<description>摘要</description>');
    expect(xml).toContain('<content:encoded>&lt;p&gt;正文 &amp;amp; &lt;img src=&quot;https://example.com/media/a.jpg&quot; alt=&quot;&quot;&gt;&lt;/p&gt;</content:encoded>');
    expect(xml).not.toMatch(/<script|\u0000/);
  });

  it('has no lastBuildDate and no items for an empty publication', () => {
    const xml = renderRss({ ...channel, items: [] });
    expect(xml).not.toContain('<item>');
    expect(xml).not.toContain('lastBuildDate');
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
