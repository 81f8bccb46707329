import 'server-only';
import type { SectionDTO } from '@/db/queries/dto';
import type { FeedItemDTO } from '@/db/queries/feeds';
import { publisherName } from '../../domain/attribution';
import { siteUrl } from '../../domain/env';
import { getFeedItems, getSections, getSettings, sectionFamilyIds } from '../reader';
import { FEED_CACHE_CONTROL } from '../../domain/cdn/cache-control.mjs';
import { absoluteUrl, articlePath, sectionPath } from '../../domain/urls';
import { absoluteLinks, renderRss } from '../../domain/feeds/rss';

const FEED_LENGTH = 30;

/** XML with the right type; feed readers and crawlers poll, so a minute in their cache (and a CDN's) is fine. */
export function xmlResponse(body: string, contentType: 'application/rss+xml' | 'application/xml'): Response {
  return new Response(body, { headers: { 'Content-Type': `${contentType}; charset=utf-8`, 'Cache-Control': FEED_CACHE_CONTROL } });
}

export function notFoundXml(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': FEED_CACHE_CONTROL } });
}

/** A feed or sitemap that cannot read the database answers 503 like the pages do, never 500. */
export async function orUnavailable(build: () => Promise<Response>): Promise<Response> {
  try {
    return await build();
  } catch (error) {
    console.error('[feeds]', error);
    return new Response('The database is not answering. Try again in a moment.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store' },
    });
  }
}

/** The RSS of the whole site, or of one section with its subsections. */
export async function rssFor(section: SectionDTO | null, feedPath: string): Promise<Response> {
  const [settings, sections] = await Promise.all([getSettings(), getSections()]);
  const items = await getFeedItems(section ? sectionFamilyIds(sections, section.id) : undefined, FEED_LENGTH);
  const base = siteUrl();
  const sectionTitle = (item: FeedItemDTO) => sections.find((s) => s.id === item.sectionId)?.title ?? '';
  const body = renderRss({
    title: section ? `${section.title} - ${settings.name}` : settings.name,
    description: section?.description || settings.tagline,
    link: absoluteUrl(base, section ? sectionPath(section) : '/'),
    feedUrl: absoluteUrl(base, feedPath),
    language: settings.locale,
    items: items.map((item) => ({
      title: item.title,
      link: absoluteUrl(base, articlePath(item)),
      description: item.excerpt,
      // Image and link URLs in the body are site-relative; a feed reader resolves them against this origin.
      contentHtml: absoluteLinks(item.bodyHtml, base),
      publishedAt: item.publishedAt,
      creator: publisherName({ byline: item.byline, authors: item.authorNames.map((name) => ({ name })) }, settings.name),
      category: sectionTitle(item),
    })),
  });
  return xmlResponse(body, 'application/rss+xml');
}
