import { describe, expect, it } from 'vitest';
import { countOutcome, emptyReport, formatReport, noteFailedMedia } from '@/domain/import/report';
import { autop, wordpressContentToDoc, wordpressContentToHtml } from '@/domain/import/wordpress/content';
import { articleStatusOf, categoryPaths, gazetteSlug, mapArticleContent, oldPathsOf, pageStatusOf, parseWpDate, placeholderEmail, viewsOf } from '@/domain/import/wordpress/map';
import type { WxrCategory, WxrChannel, WxrItem } from '@/domain/import/wordpress/wxr-types';
import { htmlToRichText } from '@/domain/rich-text/from-html';
import { renderRichText } from '@/domain/rich-text/render';

const channel: WxrChannel = { wxrVersion: '1.2', title: 'Old', link: 'https://old.example.test', language: 'zh-CN', baseSiteUrl: 'https://old.example.test', baseBlogUrl: 'https://old.example.test' };

function item(fields: Partial<WxrItem>): WxrItem {
  return {
    postId: '1', guid: '', title: 'T', link: '', creator: '', content: '', excerpt: '', postDate: '2024-03-15 10:30:00', postDateGmt: '2024-03-15 02:30:00', postName: '', status: 'publish',
    postType: 'post', postParent: '0', password: '', isSticky: false, attachmentUrl: '', terms: [], meta: [], approvedComments: 0, problems: [], ...fields,
  };
}

const render = (content: string) => renderRichText(wordpressContentToDoc(content, 'https://old.example.test'));

describe('WordPress statuses and dates', () => {
  it('reads GMT dates as UTC and the zero date as "never scheduled", not year 0 or 1970', () => {
    expect(parseWpDate('2024-03-15 02:30:00')?.toISOString()).toBe('2024-03-15T02:30:00.000Z');
    expect(parseWpDate('0000-00-00 00:00:00')).toBeNull();
    expect(parseWpDate('2024-02-30 00:00:00')).toBeNull();
    expect(parseWpDate('')).toBeNull();
  });

  it('maps publish, future, draft, pending, private and trash', () => {
    expect(articleStatusOf(item({ status: 'publish' }))).toEqual({ ok: true, status: 'published', publishedAt: new Date('2024-03-15T02:30:00Z') });
    expect(articleStatusOf(item({ status: 'future', postDateGmt: '2030-01-01 02:00:00' }))).toEqual({ ok: true, status: 'scheduled', publishedAt: new Date('2030-01-01T02:00:00Z') });
    expect(articleStatusOf(item({ status: 'draft', postDateGmt: '0000-00-00 00:00:00' }))).toEqual({ ok: true, status: 'draft', publishedAt: null });
    expect(articleStatusOf(item({ status: 'pending' }))).toMatchObject({ ok: true, status: 'in_review', publishedAt: null });
    expect(articleStatusOf(item({ status: 'private' }))).toMatchObject({ ok: true, status: 'archived' });
    expect(articleStatusOf(item({ status: 'trash' }))).toEqual({ ok: false, reason: 'in the WordPress trash' });
  });

  it('never makes a password-protected post public, published or scheduled', () => {
    expect(articleStatusOf(item({ status: 'publish', password: 'x' }))).toMatchObject({ ok: true, status: 'draft', publishedAt: null, note: expect.stringMatching(/password/) });
    expect(articleStatusOf(item({ status: 'future', password: 'x', postDateGmt: '2030-01-01 00:00:00' }))).toMatchObject({ status: 'draft' });
    expect(pageStatusOf(item({ status: 'publish', password: 'x', postType: 'page' }))).toMatchObject({ status: 'draft' });
  });
});

describe('WordPress content → the editor’s document', () => {
  it('turns wpautop-style text into paragraphs and single newlines into line breaks', () => {
    expect(autop('One\nline two\n\nTwo')).toBe('<p>One<br>\nline two</p>\n<p>Two</p>');
    expect(render('First paragraph.\n\nSecond\nwith a break.')).toBe('<p>First paragraph.</p><p>Second<br />with a break.</p>');
    expect(render('<ul>\n<li>a</li>\n\n<li>b</li>\n</ul>\n\nAfter')).toBe('<ul><li><p>a</p></li><li><p>b</p></li></ul><p>After</p>');
  });

  it('turns [caption] into a figure with its caption, and drops other shortcodes and block comments', () => {
    const html = render('[caption id="a" width="640"]<a href="/x.png"><img src="/wp-content/a.png" alt="Train" width="640" height="480" /></a> A train[/caption]\n\n[gallery ids="1,2"]Text [sic] stays.');
    expect(html).toBe('<figure><img src="https://old.example.test/wp-content/a.png" alt="Train" width="640" height="480" loading="lazy" decoding="async" /><figcaption>A train</figcaption></figure><p>Text [sic] stays.</p>');
    expect(render('<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>There</p>\n<!-- /wp:paragraph -->')).toBe('<p>Hi</p><p>There</p>');
    expect(wordpressContentToHtml('a<!--more-->b')).not.toContain('more');
  });

  it('removes scripts, event handlers and javascript: links, keeping the text', () => {
    const html = render('<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">there</a> <a href="https://ok.example/">ok</a></p><img src="x.png" onerror="alert(1)"><iframe src="javascript:alert(1)"></iframe><style>p{}</style>');
    expect(html).toBe('<p>Hi there <a href="https://ok.example/" rel="noopener noreferrer nofollow">ok</a></p>');
    expect(html).not.toMatch(/script|onerror|onclick|javascript/);
  });

  it('keeps headings, lists, quotes, tables, marks and code the editor knows', () => {
    const doc = htmlToRichText('<h1>Big</h1><h5>Small</h5><blockquote>Quoted</blockquote><ol start="3"><li>x</li></ol><table><tr><th>H</th></tr><tr><td>C</td></tr></table><pre>a\n  b</pre><p><b>b</b><i>i</i><sup>2</sup></p>');
    expect(renderRichText(doc)).toBe(
      '<h2>Big</h2><h4>Small</h4><blockquote><p>Quoted</p></blockquote><ol start="3"><li><p>x</p></li></ol><div class="table-wrap"><table><tr><th><p>H</p></th></tr><tr><td><p>C</p></td></tr></table></div><pre><code>a\n  b</code></pre><p><strong>b</strong><em>i</em><sup>2</sup></p>',
    );
  });

  it('lifts an image out of its paragraph and flattens nesting deeper than the schema allows', () => {
    expect(htmlToRichText('<p>Before <img src="https://x.test/a.png" alt="A"> after</p>').content.map((n) => n.type)).toEqual(['paragraph', 'image', 'paragraph']);
    const deep = `${'<blockquote>'.repeat(500)}deep${'</blockquote>'.repeat(500)}`;
    expect(renderRichText(htmlToRichText(deep))).toContain('deep');
  });
});

describe('WordPress records → Gazette fields', () => {
  it('decodes percent-encoded Chinese slugs into pinyin slugs', () => {
    expect(gazetteSlug('%e5%9c%b0%e9%93%81%e6%96%b0%e7%ba%bf', '', 'article')).toBe('di-tie-xin-xian');
    expect(gazetteSlug('', 'City council', 'article')).toBe('city-council');
  });

  it('answers the old permalink and each _wp_old_slug, stored decoded', () => {
    const paths = oldPathsOf(item({ link: 'https://old.example.test/2024/03/%e5%9c%b0%e9%93%81/', postName: '%e5%9c%b0%e9%93%81', meta: [{ key: '_wp_old_slug', value: '%e6%97%a7' }, { key: '_wp_old_slug', value: 'older' }] }));
    expect(paths).toEqual(['/2024/03/地铁', '/2024/03/旧', '/2024/03/older']);
    expect(oldPathsOf(item({ link: 'https://old.example.test/?p=103' }))).toEqual([]);
  });

  it('answers category paths with their parents, as WordPress builds them', () => {
    const news: WxrCategory = { termId: '1', slug: 'news', parent: '', name: 'News', description: '', problems: [] };
    const world: WxrCategory = { termId: '2', slug: 'world', parent: 'news', name: 'World', description: '', problems: [] };
    expect(categoryPaths(world, new Map([['news', news], ['world', world]]))).toEqual(['/category/news/world', '/category/world']);
  });

  it('reads views, subtitle, source and gives authors without email an address that can never receive mail', () => {
    expect(viewsOf(item({ meta: [{ key: 'views', value: '1234' }] }))).toBe(1234);
    expect(viewsOf(item({ meta: [{ key: 'views', value: 'lots' }] }))).toBe(0);
    expect(placeholderEmail('John Smith')).toBe('wp-john-smith@import.invalid');
    const mapped = mapArticleContent(item({ title: 'A &amp; <em>B</em>', excerpt: '<p>Short <b>one</b></p>', meta: [{ key: 'subtitle', value: 'Sub' }, { key: 'source', value: 'Wire' }] }), channel);
    expect(mapped).toMatchObject({ ok: true, value: { title: 'A & B', excerpt: 'Short one', subtitle: 'Sub', source: 'Wire', locale: 'en' } });
  });

  it('makes a hostile excerpt plain text: no script, handler, javascript: link or markup survives', () => {
    const excerpt = '<p onmouseover="steal()">摘要<script>alert(1)</script> <a href="javascript:alert(2)">链接</a><img src=x onerror=alert(3)><iframe src="https://evil.example"></iframe></p>';
    const mapped = mapArticleContent(item({ title: '标题', excerpt }), channel);
    expect(mapped.ok).toBe(true);
    const text = mapped.ok ? mapped.value.excerpt : '';
    expect(text).toBe('摘要 链接');
    expect(text).not.toMatch(/[<>]|alert|javascript|steal/);
  });
});

describe('the import report', () => {
  it('counts what a second run finds already there, and lists every other skip with its source id', () => {
    const report = emptyReport('old.example.test', false);
    for (let i = 0; i < 5000; i++) countOutcome(report, 'post', String(i), 'skipped', 'already imported, unchanged');
    countOutcome(report, 'post', '108', 'skipped', 'in the WordPress trash');
    countOutcome(report, 'post', '7', 'imported', 'password-protected in WordPress: imported as a draft, not public');
    noteFailedMedia(report, 'https://old.example.test/a.png', 'the old site answered HTTP 404', '102');
    noteFailedMedia(report, 'https://old.example.test/a.png', 'the old site answered HTTP 404', '202');
    const text = formatReport(report);
    expect(text).toContain('Posts → stories: 1 imported, 0 updated, 5001 skipped');
    expect(text).toContain('  skipped, already imported, unchanged: 5000');
    expect(text).toContain('  skipped #108: in the WordPress trash');
    expect(text).toContain('  note #7: password-protected');
    expect(text).toContain('https://old.example.test/a.png: the old site answered HTTP 404 (kept as a link in #102, #202)');
    expect(text).not.toContain('… and');
  });
});
