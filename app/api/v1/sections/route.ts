import { listSections } from '@/db/queries/public';
import { sectionTree } from '@/services/api/v1/map';
import { apiCollection, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/sections: the section tree. */

export const dynamic = 'force-dynamic';

export const GET = apiCollection(async (db) => sectionTree(await listSections(db)));

export const OPTIONS = apiPreflight;
