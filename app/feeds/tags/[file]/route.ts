import { feedRoute } from '@/services/feeds/respond';
import { getTagBySlug } from '@/services/reader';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** `/feeds/tags/{tag}.xml|.atom|.json`: the stories of one tag. */
export const GET = feedRoute(async (slug) => {
  const tag = await getTagBySlug(slug);
  return tag && { kind: 'tag', tag };
});
