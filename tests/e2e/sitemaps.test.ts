import { describe, expect, inject, it } from 'vitest';
import { schemaErrors, XSD } from '../helpers/xsd';

/**
 * The production server's sitemaps validate against the published schemas (sitemaps.org 0.9 and
 * Google News 0.9, vendored in tests/fixtures/xsd): the index, and every file it lists. A news
 * sitemap with stories is validated from a live server in tests/e2e/api-admin.test.ts, right after
 * a story is published through the admin API.
 */

const baseURL = inject('baseURL');

async function get(url: string): Promise<{ status: number; type: string | null; xml: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), xml: await res.text() };
}

describe('sitemaps against their XSD', () => {
  it('the index validates against siteindex.xsd, and every file it lists against sitemap.xsd (with Google News)', async () => {
    const index = await get(`${baseURL}/sitemap.xml`);
    expect(index.status).toBe(200);
    expect(schemaErrors(index.xml, XSD.siteindex)).toEqual([]);
    const files = [...index.xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(files).toContain(`${baseURL}/sitemaps/pages.xml`);
    expect(files.some((f) => /\/sitemaps\/articles-\d+\.xml$/.test(f))).toBe(true);
    for (const file of files) {
      const answer = await get(file);
      expect(answer.status, file).toBe(200);
      expect(answer.type, file).toBe('application/xml; charset=utf-8');
      // Only the news file may carry another namespace; the others must pass the bare schema.
      expect(schemaErrors(answer.xml, file.endsWith('/news.xml') ? XSD.sitemapWithNews : XSD.sitemap), file).toEqual([]);
    }
  });

  it('lists news.xml only while it has stories; unlisted, it still answers (empty) rather than an error', async () => {
    const index = (await get(`${baseURL}/sitemap.xml`)).xml;
    const news = await get(`${baseURL}/sitemaps/news.xml`);
    expect(news.status).toBe(200);
    const hasStories = news.xml.includes('<url>');
    expect(index.includes(`${baseURL}/sitemaps/news.xml`)).toBe(hasStories);
    if (hasStories) expect(schemaErrors(news.xml, XSD.sitemapWithNews)).toEqual([]);
  });
});
