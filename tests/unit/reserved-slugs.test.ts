import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config.mjs';
import { isReservedSlug, ROUTE_SEGMENTS } from '@/domain/reserved-slugs.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;

/** Static first path segments the App Router answers: folders of app/ and of its route groups. */
function routeFolders(): string[] {
  const names: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (/^\(.+\)$/.test(entry.name)) visit(path.join(dir, entry.name));
      else if (SLUG.test(entry.name)) names.push(entry.name);
    }
  };
  visit(path.join(root, 'app'));
  return names;
}

describe('reserved top-level slugs', () => {
  it('every top-level route folder is reserved, so no section can be shadowed by a route', () => {
    const folders = routeFolders();
    expect(folders).toContain('media');
    for (const folder of folders) expect(ROUTE_SEGMENTS, folder).toContain(folder);
  });

  it('a section may not be called media, editions or listing (their URLs answered 404)', () => {
    for (const slug of ['media', 'editions', 'listing', 'feeds', 'sitemaps', 'feed']) expect(isReservedSlug(slug), slug).toBe(true);
    expect(isReservedSlug('company')).toBe(false);
  });

  it("the section rewrite leaves exactly the routes' own segments alone", async () => {
    const rewrites = (await nextConfig.rewrites!()) as { beforeFiles: { source: string }[] };
    const pattern = /\(\(\?!(.*?)\)/.exec(rewrites.beforeFiles[1]!.source)![1]!;
    expect(pattern.split('|').map((s) => s.replace(/\$$/, '')).sort()).toEqual([...ROUTE_SEGMENTS].sort());
  });
});
