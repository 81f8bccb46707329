import { getSiteSettings } from '@/db/queries/public';
import { siteOf } from '@/services/api/v1/map';
import { apiCollection, apiPreflight } from '@/services/api/v1/respond';

/** GET /api/v1/site: the site's public settings (name, language, time zone, navigation…). */

export const dynamic = 'force-dynamic';

export const GET = apiCollection(async (db) => siteOf(await getSiteSettings(db)));

export const OPTIONS = apiPreflight;
