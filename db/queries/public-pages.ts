import 'server-only';
import { asc, and, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { pages } from '../schema';
import type { PageDTO } from './dto';
import { toIso } from './public';

/** Standalone pages (about, contact…) as readers and the Content API see them: published only. */

const pageColumns = {
  id: pages.id,
  slug: pages.slug,
  title: pages.title,
  bodyHtml: pages.bodyHtml,
  seoTitle: pages.seoTitle,
  seoDescription: pages.seoDescription,
  updatedAt: pages.updatedAt,
};

export async function getPageBySlug(db: Database, slug: string): Promise<PageDTO | null> {
  const [row] = await db.select(pageColumns).from(pages).where(and(eq(pages.slug, slug), eq(pages.status, 'published')));
  return row ? { ...row, updatedAt: toIso(row.updatedAt) } : null;
}

/** Published pages in the editors' order (pages_status_sort_idx). */
export async function listPublishedPages(db: Database): Promise<PageDTO[]> {
  const rows = await db.select(pageColumns).from(pages).where(eq(pages.status, 'published')).orderBy(asc(pages.sortOrder), asc(pages.id));
  return rows.map((row) => ({ ...row, updatedAt: toIso(row.updatedAt) }));
}
