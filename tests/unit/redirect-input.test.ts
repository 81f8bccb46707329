import { describe, expect, it } from 'vitest';
import { ActionError } from '@/domain/errors';
import { isOwnRoute, localTargetPath, normalizeRedirectFrom, normalizeRedirectTarget, redirectInput, redirectsFromCsv } from '@/domain/validation/redirect';

function refusal(run: () => unknown): ActionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ActionError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('where a redirect may start', () => {
  it('stores paths decoded, NFC, without a trailing slash; a full URL gives its path', () => {
    expect(normalizeRedirectFrom('/2019/05/old-story.html')).toBe('/2019/05/old-story.html');
    expect(normalizeRedirectFrom('/%E5%85%B3%E4%BA%8E%E6%88%91%E4%BB%AC/')).toBe('/关于我们');
    expect(normalizeRedirectFrom('https://old.example.com/category/news/')).toBe('/category/news');
    expect(normalizeRedirectFrom('/cafe\u0301')).toBe('/caf\u00e9');
  });

  it('refuses what no request path can be', () => {
    for (const bad of ['', '/', 'relative', '//evil.example', '/a?p=1', '/a#top', '/a b', '/a/../b', '/a//b', '/%ZZ', '/a\\b', '/a%00b']) {
      expect(normalizeRedirectFrom(bad), bad).toBeNull();
    }
  });

  it('knows the addresses Gazette answers itself, and those that fall through to a redirect', () => {
    for (const own of ['/admin/x', '/api/v1/articles', '/articles/12', '/search', '/feed.xml', '/sitemap.xml', '/robots.txt']) expect(isOwnRoute(own), own).toBe(true);
    for (const free of ['/tags/old', '/authors/someone', '/old-section', '/2019/05/x.html', '/category/news']) expect(isOwnRoute(free), free).toBe(false);
  });
});

describe('where a redirect may lead', () => {
  it('takes a local path or an http(s) URL, nothing else', () => {
    expect(normalizeRedirectTarget('/articles/12-new?x=1#top')).toBe('/articles/12-new?x=1#top');
    expect(normalizeRedirectTarget('https://example.com/a b')).toBeNull();
    expect(normalizeRedirectTarget('https://example.com/新')).toBe('https://example.com/%E6%96%B0');
    for (const bad of ['javascript:alert(1)', '//evil.example', '/\\evil.example', 'ftp://x', 'data:text/html,x', 'old-page']) expect(normalizeRedirectTarget(bad), bad).toBeNull();
  });

  it('gives the local path a target stands for, for the loop check', () => {
    expect(localTargetPath('/Old/?a=1')).toBe('/Old');
    expect(localTargetPath('https://example.com/x')).toBeNull();
  });

  it('validates a whole form with field messages', () => {
    expect(redirectInput.parse({ fromPath: '/a.html', toPath: '/b', statusCode: '302' })).toEqual({ fromPath: '/a.html', toPath: '/b', statusCode: 302 });
    const result = redirectInput.safeParse({ fromPath: '/admin', toPath: 'javascript:x', statusCode: '307' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(messages).toEqual(expect.arrayContaining(['fromPath:redirectFromOwnRoute', 'toPath:hrefInvalid', 'statusCode:redirectStatusInvalid']));
  });
});

describe('a CSV of redirects', () => {
  it('reads from,to[,status] with or without a header; the status defaults to 301', () => {
    expect(redirectsFromCsv('from,to,status\n/a,/b,302\n/c,https://x.example/\n')).toEqual([
      { line: 2, fromPath: '/a', toPath: '/b', statusCode: 302 },
      { line: 3, fromPath: '/c', toPath: 'https://x.example/', statusCode: 301 },
    ]);
    expect(redirectsFromCsv('/a,/b')).toHaveLength(1);
  });

  it('refuses the whole file at its first bad line, naming the line and the reason', () => {
    const bad = refusal(() => redirectsFromCsv('/a,/b\n/c,/d\n/admin,/e\n'));
    expect(bad.status).toBe(422);
    expect(bad.reason).toEqual({ code: 'redirectImportRefused', params: { line: 3 } });
    expect(bad.fieldMessages?.file?.[0]?.code).toBe('redirectFromOwnRoute');
    expect(refusal(() => redirectsFromCsv('/a\n')).reason).toEqual({ code: 'redirectCsvUnreadable', params: { line: 1 } });
    expect(refusal(() => redirectsFromCsv('/a,/b,301,extra\n')).reason.code).toBe('redirectCsvUnreadable');
    expect(refusal(() => redirectsFromCsv('"/a,/b\n')).reason).toEqual({ code: 'redirectCsvQuote', params: { line: 1 } });
    expect(refusal(() => redirectsFromCsv('from,to\n\n')).reason.code).toBe('redirectCsvEmpty');
  });
});
