import { tagOf } from '@/services/api/v1/map';
import * as reads from '@/services/api/v1/reads';
import { apiCollection, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/tags: every tag, by slug. */

export const dynamic = 'force-dynamic';

export const GET = apiCollection(async () => (await reads.tags()).map(tagOf));

export const OPTIONS = apiPreflight;
