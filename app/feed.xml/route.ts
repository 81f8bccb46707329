import { feedFor, orUnavailable } from '@/services/feeds/respond';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** The latest stories of the whole site (`/feed.xml` RSS 2.0, `/feed.atom` Atom 1.0, `/feed.json` JSON Feed 1.1). */
export async function GET() {
  return orUnavailable(() => feedFor({ kind: 'site' }, 'xml'));
}
