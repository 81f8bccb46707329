import { notFoundXml, orUnavailable, rssFor } from '@/services/feeds/respond';
import { getSectionBySlug } from '@/services/reader';
import { isSlugParam } from '@/domain/urls';

// Read per request from cached data: nothing is built, and no database is touched, at build time.
export const dynamic = 'force-dynamic';

/** `/feeds/{section}.xml`: RSS of one section, its subsections included. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const slug = /^(.+)\.xml$/.exec((await params).file)?.[1];
  if (!slug || !isSlugParam(slug)) return notFoundXml();
  return orUnavailable(async () => {
    const section = await getSectionBySlug(slug);
    return section ? rssFor(section, `/feeds/${slug}.xml`) : notFoundXml();
  });
}
