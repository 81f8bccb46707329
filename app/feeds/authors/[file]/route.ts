import { feedRoute } from '@/services/feeds/respond';
import { getAuthorBySlug } from '@/services/reader';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** `/feeds/authors/{author}.xml|.atom|.json`: the stories of one author (someone credited on a visible story). */
export const GET = feedRoute(async (slug) => {
  const author = await getAuthorBySlug(slug);
  return author && { kind: 'author', author };
});
