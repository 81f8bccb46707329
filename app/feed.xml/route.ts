import { orUnavailable, rssFor } from '@/services/feeds/respond';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** RSS 2.0 of the latest stories of the whole site. */
export async function GET() {
  return orUnavailable(() => rssFor(null, '/feed.xml'));
}
