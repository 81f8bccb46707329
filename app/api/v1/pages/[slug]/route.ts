import { pageOf } from '@/services/api/v1/map';
import * as reads from '@/services/api/v1/reads';
import { apiItemBySlug, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/pages/{slug}: one published page; a draft answers 404 like a missing one. */

export const dynamic = 'force-dynamic';

export const GET = apiItemBySlug('published page', async (slug) => {
  const page = await reads.pageBySlug(slug);
  return page && pageOf(page);
});

export const OPTIONS = apiPreflight;
