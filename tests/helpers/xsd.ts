import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * XML Schema validation with libxml2's xmllint (Debian: libxml2-utils, installed by .ci/run). The
 * schemas are vendored in tests/fixtures/xsd: the tests have no network.
 */

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/xsd');

export const XSD = {
  /** sitemaps.org: a sitemap index. */
  siteindex: path.join(dir, 'siteindex.xsd'),
  /** sitemaps.org: a `<urlset>` with nothing from other namespaces. */
  sitemap: path.join(dir, 'sitemap.xsd'),
  /** sitemaps.org and Google News together: a `<urlset>` that may carry `<news:news>`. */
  sitemapWithNews: path.join(dir, 'sitemap-with-news.xsd'),
} as const;

/** xmllint's verdict on `xml`: no errors when it validates, else its messages (line and element). */
export function schemaErrors(xml: string, schema: string): string[] {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${run.error.message}`);
  if (run.status === 0) return [];
  return run.stderr.split('\n').filter((line) => line.trim() && !/ validates$/.test(line));
}
