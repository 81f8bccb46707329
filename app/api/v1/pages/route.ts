import { listPublishedPages } from '@/db/queries/public-pages';
import { pageOf } from '@/services/api/v1/map';
import { apiCollection, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/pages: the published standalone pages, in the editors' order. */

export const dynamic = 'force-dynamic';

export const GET = apiCollection(async (db) => (await listPublishedPages(db)).map(pageOf));

export const OPTIONS = apiPreflight;
