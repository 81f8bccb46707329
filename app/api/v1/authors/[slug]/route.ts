import { authorOf } from '@/services/api/v1/map';
import * as reads from '@/services/api/v1/reads';
import { apiItemBySlug, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/authors/{slug}: one author; 404 for anyone not credited on a published story. */

export const dynamic = 'force-dynamic';

export const GET = apiItemBySlug('author', async (slug) => {
  const author = await reads.authorBySlug(slug);
  return author && authorOf(author);
});

export const OPTIONS = apiPreflight;
