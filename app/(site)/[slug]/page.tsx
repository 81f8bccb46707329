import { followRedirectOr404 } from '@/services/route-params';

/**
 * Section and static pages are served by app/(site)/listing (next.config.mjs rewrites `/{slug}` and
 * `/{slug}?page=N` there). What still arrives here is an address no section can have (`/about.html`,
 * `/关于我们`, an old site's URL), which may be a recorded redirect, or a `?page=` that is not a
 * page number; the rest is a 404.
 */
export default async function NotAListingAddress({ params }: { params: Promise<{ slug: string }> }) {
  return followRedirectOr404(`/${(await params).slug}`);
}
