import { authorOf } from '@/services/api/v1/map';
import * as reads from '@/services/api/v1/reads';
import { apiCollection, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/authors: everyone credited on a published story, by slug. */

export const dynamic = 'force-dynamic';

export const GET = apiCollection(async () => (await reads.authors()).map(authorOf));

export const OPTIONS = apiPreflight;
