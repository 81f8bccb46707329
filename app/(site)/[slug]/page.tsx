import { notFound } from 'next/navigation';

/**
 * Section and static pages are served by app/(site)/listing (next.config.mjs rewrites `/{slug}` and
 * `/{slug}?page=N` there). What still arrives here is a `?page=` that is not a page number.
 */
export default function InvalidListingPage(): never {
  notFound();
}
