import { feedFor, notFoundXml, orUnavailable, parseFeedFile } from '@/services/feeds/respond';
import { getAuthorBySlug } from '@/services/reader';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** `/feeds/authors/{author}.xml|.atom|.json`: the stories of one author (someone credited on a visible story). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseFeedFile((await params).file);
  if (!file) return notFoundXml();
  return orUnavailable(async () => {
    const author = await getAuthorBySlug(file.slug);
    return author ? feedFor({ kind: 'author', author }, file.format) : notFoundXml();
  });
}
