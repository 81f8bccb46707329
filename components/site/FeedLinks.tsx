import { FEED_FORMATS, type FeedFormat } from '@/domain/feeds/rss';

/**
 * A page's feeds in every format, for feed readers and browsers that discover them (React hoists
 * `<link>` into `<head>`). `path` is the feed's address without its extension: `/feed`, `/feeds/news`.
 */
export function FeedLinks({ title, path }: { title: string; path: string }) {
  return (
    <>
      {(Object.keys(FEED_FORMATS) as FeedFormat[]).map((format) => (
        <link key={format} rel="alternate" type={FEED_FORMATS[format]} title={title} href={`${path}.${format}`} />
      ))}
    </>
  );
}
