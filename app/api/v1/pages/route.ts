import { pageOf } from '@/services/api/v1/map';
import * as reads from '@/services/api/v1/reads';
import { apiCollection, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/pages: the published standalone pages, in the editors' order. */

export const dynamic = 'force-dynamic';

export const GET = apiCollection(async () => (await reads.pages()).map(pageOf));

export const OPTIONS = apiPreflight;
