import { listAuthors } from '@/db/queries/api';
import { authorOf } from '@/services/api/v1/map';
import { apiCollection, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/authors: everyone credited on a published story, by slug. */

export const dynamic = 'force-dynamic';

export const GET = apiCollection(async (db) => (await listAuthors(db)).map(authorOf));

export const OPTIONS = apiPreflight;
