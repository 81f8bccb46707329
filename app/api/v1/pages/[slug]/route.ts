import { getPageBySlug } from '@/db/queries/public-pages';
import { pageOf } from '@/services/api/v1/map';
import { apiItemBySlug, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/pages/{slug}: one published page; a draft answers 404 like a missing one. */

export const dynamic = 'force-dynamic';

export const GET = apiItemBySlug('published page', async (db, slug) => {
  const page = await getPageBySlug(db, slug);
  return page && pageOf(page);
});

export const OPTIONS = apiPreflight;
