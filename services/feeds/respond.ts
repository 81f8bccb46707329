import 'server-only';
import type { SectionDTO } from '@/db/queries/dto';
import type { FeedItemDTO } from '@/db/queries/feeds';
import { publisherName } from '../../domain/attribution';
import { siteUrl } from '../../domain/env';
import { getFeedItems, getSections, getSettings, sectionFamilyIds } from '../reader';
import { FEED_CACHE_CONTROL } from '../../domain/cdn/cache-control.mjs';
import { absoluteUrl, articlePath, authorPath, isSlugParam, sectionPath, tagPath, topicPath } from '../../domain/urls';
import { absoluteLinks, FEED_FORMATS, renderRss, type FeedFormat, type RssChannel } from '../../domain/feeds/rss';
import { renderAtom } from '../../domain/feeds/atom';
import { renderJsonFeed } from '../../domain/feeds/json-feed';
import { formatDateTime } from '../../domain/i18n/format';
import { t, type Locale } from '../../domain/i18n/messages';
import { escapeHtml } from '../../domain/rich-text/render';

const FEED_LENGTH = 30;

/** A feed or sitemap with its type; feed readers and crawlers poll, so a minute in their cache (and a CDN's) is fine. */
export function feedResponse(body: string, contentType: (typeof FEED_FORMATS)[FeedFormat] | 'application/xml'): Response {
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

/** What a feed is of: the whole site, a section (with its subsections), a tag or an author. */
export type FeedScope =
  | { kind: 'site' }
  | { kind: 'section'; section: SectionDTO }
  | { kind: 'tag'; tag: { id: number; slug: string; name: string; description: string } }
  | { kind: 'author'; author: { id: number; slug: string; name: string; bio: string } }
  | { kind: 'topic'; topic: { id: number; slug: string; title: string; intro: string } };

/** Where a scope's feed lives, per format: `/feed.xml`, `/feeds/news.atom`, `/feeds/tags/ai.json`… */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  switch (scope.kind) {
    case 'site':
      return `/feed.${format}`;
    case 'section':
      return `/feeds/${scope.section.slug}.${format}`;
    case 'tag':
      return `/feeds/tags/${scope.tag.slug}.${format}`;
    case 'author':
      return `/feeds/authors/${scope.author.slug}.${format}`;
    case 'topic':
      return `/feeds/topics/${scope.topic.slug}.${format}`;
  }
}

/** `{slug}.{format}` of a feed file name, or null for anything else. */
export function parseFeedFile(file: string): { slug: string; format: FeedFormat } | null {
  const match = /^(.+)\.(xml|atom|json)$/.exec(file);
  return match && isSlugParam(match[1]!) ? { slug: match[1]!, format: match[2] as FeedFormat } : null;
}

/** The full text ends as the page does: its 责任编辑 line, then its corrections and updates with their times. */
function storyEnd(item: FeedItemDTO, timeZone: string): string {
  const locale: Locale = item.locale === 'en' ? 'en' : 'zh-CN';
  const credit = item.editor ? `<p>${escapeHtml(t(locale, 'editorCredit', { name: item.editor }))}</p>` : '';
  const notes = item.notices
    .filter((n) => n.note)
    .map((n) => `<p><strong>${t(locale, n.kind)}</strong> (${escapeHtml(formatDateTime(n.at, locale, timeZone))})${t(locale, 'colon')}${escapeHtml(n.note)}</p>`);
  return credit + notes.join('');
}

/** The latest stories of a scope in one format: RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
export async function feedFor(scope: FeedScope, format: FeedFormat): Promise<Response> {
  const [settings, sections] = await Promise.all([getSettings(), getSections()]);
  const filter =
    scope.kind === 'section'
      ? { sectionIds: sectionFamilyIds(sections, scope.section.id) }
      : scope.kind === 'tag'
        ? { tagId: scope.tag.id }
        : scope.kind === 'author'
          ? { authorId: scope.author.id }
          : scope.kind === 'topic'
            ? { topicId: scope.topic.id }
            : {};
  const items = await getFeedItems(filter, FEED_LENGTH);
  const base = siteUrl();
  const sectionTitle = (item: FeedItemDTO) => sections.find((s) => s.id === item.sectionId)?.title ?? '';
  const [name, description, pagePath] =
    scope.kind === 'section'
      ? [scope.section.title, scope.section.description, sectionPath(scope.section)]
      : scope.kind === 'tag'
        ? [scope.tag.name, scope.tag.description, tagPath(scope.tag)]
        : scope.kind === 'author'
          ? [scope.author.name, scope.author.bio, authorPath(scope.author)]
          : scope.kind === 'topic'
            ? [scope.topic.title, scope.topic.intro, topicPath(scope.topic)]
            : [null, '', '/'];
  const channel: RssChannel = {
    title: name ? `${name} - ${settings.name}` : settings.name,
    description: description || settings.tagline,
    link: absoluteUrl(base, pagePath),
    feedUrl: absoluteUrl(base, feedPath(scope, format)),
    language: settings.locale,
    items: items.map((item) => ({
      title: item.title,
      link: absoluteUrl(base, articlePath(item)),
      description: item.excerpt,
      // Image and link URLs in the body are site-relative; a feed reader resolves them against this origin.
      contentHtml: settings.feedFullText ? absoluteLinks(item.bodyHtml, base) + storyEnd(item, settings.timeZone) : '',
      publishedAt: item.publishedAt,
      updatedAt: item.updatedAt,
      creator: publisherName({ byline: item.byline, authors: item.authorNames.map((n) => ({ name: n })) }, settings.name),
      category: sectionTitle(item),
      language: item.locale,
      enclosure: item.cover && { ...item.cover, url: absoluteUrl(base, item.cover.url) },
    })),
  };
  const body = format === 'atom' ? renderAtom(channel) : format === 'json' ? renderJsonFeed(channel) : renderRss(channel);
  return feedResponse(body, FEED_FORMATS[format]);
}

/**
 * GET of `/feeds/…/{slug}.{xml|atom|json}`: the slug's scope (null: 404) in the format asked for.
 * Sections, tags and authors differ only in how a slug becomes their scope.
 */
export function feedRoute(scopeOf: (slug: string) => Promise<FeedScope | null>) {
  return async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
    const file = parseFeedFile((await params).file);
    if (!file) return notFoundXml();
    return orUnavailable(async () => {
      const scope = await scopeOf(file.slug);
      return scope ? feedFor(scope, file.format) : notFoundXml();
    });
  };
}
