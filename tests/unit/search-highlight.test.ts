import { describe, expect, it } from 'vitest';
import { highlight, highlightTerms, snippet } from '@/domain/search/highlight';

describe('search highlighting', () => {
  it('takes the words and CJK runs of a query, folded like the index (NFKC, lower case), longest first', () => {
    expect(highlightTerms('  Next.js 新闻发布会 ＡＢＣ <script> ')).toEqual(['script', '新闻发布会', 'next', 'abc', 'js']);
    expect(highlightTerms('!!! ？？ ——')).toEqual([]);
  });

  it('adds the English stems the database matched on, with a final i also marked as y (Snowball turns city into citi)', () => {
    expect(highlightTerms('Publishing cities', ['publish', 'citi', 'go'])).toEqual(['publishing', 'publish', 'cities', 'citi', 'city']);
    const marked = highlight('The city published it', highlightTerms('cities publishing', ['citi', 'publish']));
    expect(marked.filter((s) => s.match).map((s) => s.text)).toEqual(['city', 'publish']);
  });

  it('marks every match case-insensitively and gives the text back unchanged when joined', () => {
    const text = 'Gazette 发布会：NEXT.js 与 next 的新闻发布会';
    const segments = highlight(text, highlightTerms('新闻发布会 next'));
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['NEXT', 'next', '新闻发布会']);
  });

  it('treats regular-expression characters in a query as text', () => {
    expect(highlight('a+b (c) aab', ['a+b'])).toEqual([{ text: 'a+b', match: true }, { text: ' (c) aab', match: false }]);
    expect(highlight('price $5', highlightTerms('$5'))).toEqual([{ text: 'price $', match: false }, { text: '5', match: true }]);
  });

  it('cuts a snippet around the first match with ellipses, and the start of the text when nothing matches', () => {
    const text = `${'甲'.repeat(200)}关键词${'乙'.repeat(200)}`;
    const cut = snippet(text, ['关键词'], 60);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toContain('关键词');
    expect(snippet('short text', ['zzz'])).toBe('short text');
    expect(snippet('  many   spaces\n\nhere ', [])).toBe('many spaces here');
  });
});

describe('cleaning a search query', () => {
  it('removes controls, direction marks and lone surrogates, collapses spaces and cuts at 100 characters', async () => {
    const { cleanSearchQuery, MAX_QUERY_LENGTH } = await import('@/domain/search/query');
    expect(cleanSearchQuery('  新闻\u0000发布\t\n会 \u202Eevil\u202C \uD800x ')).toBe('新闻 发布 会 evil x');
    expect(cleanSearchQuery(['a'])).toBe('');
    expect(cleanSearchQuery(undefined)).toBe('');
    expect([...cleanSearchQuery('👍'.repeat(500))]).toHaveLength(MAX_QUERY_LENGTH);
  });
});
