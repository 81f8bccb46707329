import { getAuthorBySlug } from '@/db/queries/public';
import { authorOf } from '@/services/api/v1/map';
import { apiItemBySlug, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/authors/{slug}: one author; 404 for anyone not credited on a published story. */

export const dynamic = 'force-dynamic';

export const GET = apiItemBySlug('author', async (db, slug) => {
  const author = await getAuthorBySlug(db, slug);
  return author && authorOf(author);
});

export const OPTIONS = apiPreflight;
