import { sectionTree } from '@/services/api/v1/map';
import * as reads from '@/services/api/v1/reads';
import { apiCollection, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/sections: the section tree. */

export const dynamic = 'force-dynamic';

export const GET = apiCollection(async () => sectionTree(await reads.sections()));

export const OPTIONS = apiPreflight;
