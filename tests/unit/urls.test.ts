import { describe, expect, it } from 'vitest';
import { slugify } from '@/domain/slug';
import {
  absoluteUrl,
  articlePath,
  authorPath,
  isSlugParam,
  pagePath,
  parseArticleParam,
  parsePageParam,
  sectionPath,
  tagPath,
} from '@/domain/urls';

const PREFIX = '/articles/';

function paramOf(path: string): string {
  expect(path.startsWith(PREFIX)).toBe(true);
  return path.slice(PREFIX.length);
}

describe('articlePath / parseArticleParam', () => {
  it('round-trips id and slug', () => {
    const cases = [
      { id: 1, slug: 'a' },
      { id: 42, slug: 'hello-world' },
      { id: 123456789, slug: 'x-1-2-3' },
      { id: 7, slug: slugify('青禾网络发布 Gazette 2.0 开源版本') },
      { id: 8, slug: slugify('x'.repeat(200)) },
    ];
    for (const article of cases) {
      expect(parseArticleParam(paramOf(articlePath(article)))).toEqual(article);
    }
  });

  it('accepts an id without a slug', () => {
    expect(parseArticleParam('12')).toEqual({ id: 12, slug: '' });
  });

  it.each(['0', '-1', 'abc', '12abc', '1e5', '1.5', '0x10', ' 12', '12 ', '１２', '', '-', '-abc'])(
    'rejects the non-id %j',
    (param) => {
      expect(parseArticleParam(param)).toBeNull();
    },
  );

  it('rejects ids longer than nine digits', () => {
    expect(parseArticleParam('999999999')).toEqual({ id: 999999999, slug: '' });
    expect(parseArticleParam('1234567890')).toBeNull();
    expect(parseArticleParam('99999999999999999999-a')).toBeNull();
  });

  it.each(['12-ABC', '12-Hello', '12-a/b', '12-../etc', '12-a.b', '12-a_b', '12-a b', '12-中文', '12-a%2Fb', '12-a\n'])(
    'rejects the unsafe slug in %j',
    (param) => {
      expect(parseArticleParam(param)).toBeNull();
    },
  );

  it('rejects slugs longer than 200 characters', () => {
    expect(parseArticleParam(`5-${'a'.repeat(200)}`)).toEqual({ id: 5, slug: 'a'.repeat(200) });
    expect(parseArticleParam(`5-${'a'.repeat(201)}`)).toBeNull();
  });
});

describe('parsePageParam', () => {
  it('defaults a missing page to 1', () => {
    expect(parsePageParam(undefined)).toBe(1);
  });

  it('accepts plain positive integers up to six digits', () => {
    expect(parsePageParam('1')).toBe(1);
    expect(parsePageParam('2')).toBe(2);
    expect(parsePageParam('999999')).toBe(999999);
  });

  it.each(['0', '000', '-1', 'abc', '1.5', '1e3', '+1', ' 1', '1 ', '', '9999999', '0x1', '１'])('rejects %j', (value) => {
    expect(parsePageParam(value)).toBeNull();
  });

  it('rejects repeated query parameters (arrays)', () => {
    expect(parsePageParam(['1'])).toBeNull();
    expect(parsePageParam(['1', '2'])).toBeNull();
    expect(parsePageParam([])).toBeNull();
  });
});

describe('isSlugParam', () => {
  it.each(['a', 'abc-123', 'ji-ceng-fang-kong', '0', 'a-', 'a'.repeat(120)])('accepts %j', (value) => {
    expect(isSlugParam(value)).toBe(true);
  });

  it.each(['', '..', '.', '%00', '\u0000', 'a/b', '/a', 'a\\b', 'ABC', 'Abc', '中文', '-a', 'a b', 'a\n', 'a.b', 'a_b', 'a'.repeat(121)])(
    'rejects %j',
    (value) => {
      expect(isSlugParam(value)).toBe(false);
    },
  );
});

describe('path builders', () => {
  it('adds ?page= only beyond the first page', () => {
    expect(sectionPath({ slug: 'news' })).toBe('/news');
    expect(sectionPath({ slug: 'news' }, 1)).toBe('/news');
    expect(sectionPath({ slug: 'news' }, 3)).toBe('/news?page=3');
    expect(tagPath({ slug: 'seo' })).toBe('/tags/seo');
    expect(tagPath({ slug: 'seo' }, 2)).toBe('/tags/seo?page=2');
    expect(authorPath({ slug: 'lin' })).toBe('/authors/lin');
    expect(authorPath({ slug: 'lin' }, 2)).toBe('/authors/lin?page=2');
    expect(pagePath({ slug: 'about' })).toBe('/about');
  });

  it('joins a base URL and a path with exactly one slash', () => {
    expect(absoluteUrl('https://example.test', '/a')).toBe('https://example.test/a');
    expect(absoluteUrl('https://example.test/', '/a')).toBe('https://example.test/a');
    expect(absoluteUrl('https://example.test///', 'a')).toBe('https://example.test/a');
  });
});
