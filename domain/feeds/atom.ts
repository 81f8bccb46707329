import type { RssChannel } from './rss';
import { element, XML_HEADER, xmlText } from './xml';

/**
 * Atom 1.0 (RFC 4287) of the same channel as the RSS: an entry per story with its permalink as id,
 * published and updated times in RFC 3339, the author, the section as category, the summary as text
 * and the full story as escaped HTML (`type="html"`), which every Atom reader renders.
 */
export function renderAtom(channel: RssChannel): string {
  const updated = channel.items.reduce((latest, item) => (item.updatedAt > latest ? item.updatedAt : latest), channel.items[0]?.publishedAt ?? new Date(0).toISOString());
  const entries = channel.items
    .map(
      (item) =>
        `<entry>${element('title', item.title)}<link rel="alternate" type="text/html" href="${xmlText(item.link)}"/>${element('id', item.link)}` +
        `${element('published', iso(item.publishedAt))}${element('updated', iso(item.updatedAt))}` +
        `<author>${element('name', item.creator || channel.title)}</author>` +
        `${item.category ? `<category term="${xmlText(item.category)}"/>` : ''}` +
        `${item.enclosure ? `<link rel="enclosure" type="${xmlText(item.enclosure.type)}" length="${item.enclosure.bytes}" href="${xmlText(item.enclosure.url)}"/>` : ''}` +
        `${item.description ? `<summary type="text">${xmlText(item.description)}</summary>` : ''}` +
        `${item.contentHtml ? `<content type="html">${xmlText(item.contentHtml)}</content>` : ''}</entry>`,
    )
    .join('\n');
  return (
    XML_HEADER +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(channel.language)}">\n` +
    `${element('title', channel.title)}${element('subtitle', channel.description)}` +
    `<link rel="alternate" type="text/html" href="${xmlText(channel.link)}"/><link rel="self" type="application/atom+xml" href="${xmlText(channel.feedUrl)}"/>` +
    `${element('id', channel.feedUrl)}${element('updated', iso(updated))}<generator>Gazette</generator>\n${entries}\n</feed>\n`
  );
}

/** RFC 3339 in UTC with seconds, as Atom requires (no milliseconds needed, none harmful). */
const iso = (value: string) => new Date(value).toISOString();
