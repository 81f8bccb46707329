import { siteOf } from '@/services/api/v1/map';
import * as reads from '@/services/api/v1/reads';
import { apiCollection, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/site: the site's public settings (name, language, time zone, navigation…). */

export const dynamic = 'force-dynamic';

export const GET = apiCollection(async () => siteOf(await reads.settings()));

export const OPTIONS = apiPreflight;
