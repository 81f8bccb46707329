import { listTags } from '@/db/queries/api';
import { tagOf } from '@/services/api/v1/map';
import { apiCollection, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/tags: every tag, by slug. */

export const dynamic = 'force-dynamic';

export const GET = apiCollection(async (db) => (await listTags(db)).map(tagOf));

export const OPTIONS = apiPreflight;
