import { feedFor, notFoundXml, orUnavailable, parseFeedFile } from '@/services/feeds/respond';
import { getTagBySlug } from '@/services/reader';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** `/feeds/tags/{tag}.xml|.atom|.json`: the stories of one tag. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseFeedFile((await params).file);
  if (!file) return notFoundXml();
  return orUnavailable(async () => {
    const tag = await getTagBySlug(file.slug);
    return tag ? feedFor({ kind: 'tag', tag }, file.format) : notFoundXml();
  });
}
