import { feedRoute } from '@/services/feeds/respond';
import { getTopicBySlug } from '@/services/reader';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** `/feeds/topics/{topic}.xml|.atom|.json`: the stories of one topic (专题), newest first. */
export const GET = feedRoute(async (slug) => {
  const topic = await getTopicBySlug(slug);
  return topic && { kind: 'topic', topic };
});
