import { feedFor, notFoundXml, orUnavailable, parseFeedFile } from '@/services/feeds/respond';
import { getSectionBySlug } from '@/services/reader';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** `/feeds/{section}.xml|.atom|.json`: one section, its subsections included. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseFeedFile((await params).file);
  if (!file) return notFoundXml();
  return orUnavailable(async () => {
    const section = await getSectionBySlug(file.slug);
    return section ? feedFor({ kind: 'section', section }, file.format) : notFoundXml();
  });
}
