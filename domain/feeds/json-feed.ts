import type { RssChannel } from './rss';

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the same channel: `content_html` carries the
 * full story, `summary` the excerpt, `authors` the byline, `tags` the section, `image` the cover;
 * ids are permalinks.
 */
export function renderJsonFeed(channel: RssChannel): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: channel.title,
      home_page_url: channel.link,
      feed_url: channel.feedUrl,
      ...(channel.description ? { description: channel.description } : {}),
      language: channel.language,
      items: channel.items.map((item) => ({
        id: item.link,
        url: item.link,
        title: item.title,
        // One of the two is required: the story, or (summary-only feeds) its summary as text.
        ...(item.contentHtml ? { content_html: item.contentHtml } : { content_text: item.description || item.title }),
        ...(item.description ? { summary: item.description } : {}),
        date_published: new Date(item.publishedAt).toISOString(),
        date_modified: new Date(item.updatedAt).toISOString(),
        authors: [{ name: item.creator || channel.title }],
        ...(item.category ? { tags: [item.category] } : {}),
        ...(item.enclosure ? { image: item.enclosure.url } : {}),
        language: item.language ?? channel.language,
      })),
    },
    null,
    2,
  )}\n`;
}
