import { describe, expect, it } from 'vitest';
import { adaptiveDuration, archiveCountArg } from '../../scripts/bench/archive';
import { pageCountOf, searchStatus, sitemapPaths, spread } from '../../scripts/bench/archive-pages';
import { pathsScript, percentile } from '../../scripts/bench/load';

describe('archive benchmark helpers', () => {
  it('reads --archive N', () => {
    expect(archiveCountArg([])).toBeNull();
    expect(archiveCountArg(['--archive', '100000'])).toBe(100000);
    expect(archiveCountArg(['--archive=1000000'])).toBe(1000000);
    expect(() => archiveCountArg(['--archive'])).toThrow(/between 1 and 1000000/);
    expect(() => archiveCountArg(['--archive', '1000001'])).toThrow();
  });

  it('takes paths from sitemaps and page counts and result lines from pages', () => {
    const xml = '<urlset><url><loc>http://localhost:3000/articles/12-synthetic-9</loc></url><url><loc>http://localhost:3000/news?page=2&amp;x=1</loc></url></urlset>';
    expect(sitemapPaths(xml)).toEqual(['/articles/12-synthetic-9', '/news?page=2&x=1']);
    expect(pageCountOf('<span>第 1 页，共 4,001 页</span>')).toBe(4001);
    expect(pageCountOf('<span>Page 1 of 37</span>')).toBe(37);
    expect(pageCountOf('<p>no pagination</p>')).toBeNull();
    expect(searchStatus('<p role="status" class="x">找到 12 篇相关文章</p>')).toBe('找到 12 篇相关文章');
  });

  it('runs slow cases long enough for a few requests per connection', () => {
    const load = { tool: { name: 'autocannon' as const, version: 'x' }, connections: 4, durationSec: 10, timeoutSec: 30 };
    expect(adaptiveDuration(load, 200).durationSec).toBe(10);
    expect(adaptiveDuration(load, 6000).durationSec).toBe(36);
    expect(adaptiveDuration(load, 60_000).durationSec).toBe(90);
  });

  it('spreads sitemap chunks from the first to the last', () => {
    expect(spread(20, 6)).toEqual([0, 4, 8, 11, 15, 19]);
    expect(spread(3, 6)).toEqual([0, 1, 2]);
    expect(spread(1, 6)).toEqual([0]);
  });

  it('computes nearest-rank percentiles and writes a wrk script that walks the paths', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([], 50)).toBeNaN();
    const script = pathsScript('GET', { tool: { name: 'wrk', version: 'wrk' }, connections: 1, durationSec: 1, timeoutSec: 1, headers: { cookie: 'a=b' }, paths: ['/a', '/b]]c'] });
    expect(script).toContain('[[/a]]');
    expect(script).toContain('[=[/b]]c]=]');
    expect(script).toContain('latency:percentile(95)');
    expect(script).toContain('GAZETTE_LATENCY_US');
    expect(script).toContain('wrk.headers[ [[cookie]] ] = [[a=b]]');
    expect(script).not.toContain('GAZETTE_LIST_DONE');
  });

  it('a run over each path once says when the last one was answered, for the runner to stop wrk', () => {
    const script = pathsScript('GET', { tool: { name: 'wrk', version: 'wrk' }, connections: 8, durationSec: 120, timeoutSec: 1, paths: ['/a', '/b', '/c'], once: true });
    expect(script).toMatch(/response = function[\s\S]*answered == #paths[\s\S]*GAZETTE_LIST_DONE\\n/);
  });
});
