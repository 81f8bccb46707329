import { element, XML_HEADER, xmlText } from './xml';

export interface RssChannel {
  title: string;
  description: string;
  /** Absolute URL of the page the feed stands for. */
  link: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  language: string;
  items: RssItem[];
}

export interface RssItem {
  title: string;
  link: string;
  description: string;
  /** Sanitised HTML of the full story (rendered on the server like the article page); '' for a summary-only feed. */
  contentHtml: string;
  publishedAt: string;
  /** Last significant change (Atom's `updated`, JSON Feed's `date_modified`). */
  updatedAt: string;
  creator: string;
  category: string;
  /** The story's language when it differs from the channel's (JSON Feed carries it per item). */
  language?: string;
  /** The cover image: absolute URL, media type, size in bytes (RSS requires the length). */
  enclosure?: { url: string; type: string; bytes: number } | null;
}

/** The three formats of one feed, each with its file extension and media type. */
export const FEED_FORMATS = {
  xml: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
} as const;
export type FeedFormat = keyof typeof FEED_FORMATS;

/** RSS 2.0 with the full text in content:encoded, as Feedly, Inoreader and WordPress's readers expect. */
export function renderRss(channel: RssChannel): string {
  const newest = channel.items[0]?.publishedAt;
  const items = channel.items
    .map(
      (item) =>
        `<item>${element('title', item.title)}${element('link', item.link)}<guid isPermaLink="true">${xmlText(item.link)}</guid>` +
        `<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>${element('dc:creator', item.creator)}${element('category', item.category)}` +
        `${item.enclosure ? `<enclosure url="${xmlText(item.enclosure.url)}" length="${item.enclosure.bytes}" type="${xmlText(item.enclosure.type)}"/>` : ''}` +
        `${element('description', item.description)}${element('content:encoded', item.contentHtml)}</item>`,
    )
    .join('\n');
  return (
    XML_HEADER +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n' +
    `<channel>${element('title', channel.title)}${element('link', channel.link)}${element('description', channel.description || channel.title)}` +
    `${element('language', channel.language)}<atom:link href="${xmlText(channel.feedUrl)}" rel="self" type="application/rss+xml"/>` +
    `${newest ? `<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>` : ''}<generator>Gazette</generator>\n${items}\n</channel>\n</rss>\n`
  );
}

const isSiteRelative = (url: string) => url.startsWith('/') && !url.startsWith('//');

/**
 * A story's HTML for a feed reader, which has no page to resolve links against: site-relative
 * `src`, `href` and `srcset` URLs become absolute; protocol-relative (`//host`) and absolute ones stay.
 */
export function absoluteLinks(html: string, base: string): string {
  return html
    .replace(/\b(src|href)="([^"]*)"/g, (whole, name: string, url: string) => (isSiteRelative(url) ? `${name}="${base}${url}"` : whole))
    .replace(/\bsrcset="([^"]*)"/g, (_whole, list: string) => {
      const candidates = list.split(',').map((candidate) => {
        const trimmed = candidate.trim();
        return isSiteRelative(trimmed) ? `${base}${trimmed}` : trimmed;
      });
      return `srcset="${candidates.join(', ')}"`;
    });
}
