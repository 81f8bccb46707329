import { feedRoute } from '@/services/feeds/respond';
import { getSectionBySlug } from '@/services/reader';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** `/feeds/{section}.xml|.atom|.json`: one section, its subsections included. */
export const GET = feedRoute(async (slug) => {
  const section = await getSectionBySlug(slug);
  return section && { kind: 'section', section };
});
