import type { Metadata } from 'next';
import { ArchivePage } from '@/components/site/ArchivePage';
import { t } from '@/domain/i18n/messages';
import { topicPath } from '@/domain/urls';
import { getSettings, getTopicBySlug, getTopicStories } from '@/services/reader';
import { followRedirectOr404, slugOr404 } from '@/services/route-params';
import { siteOpenGraph } from '@/services/site-metadata';

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await getTopicBySlug(slugOr404((await params).slug));
  if (!topic) return {};
  const [{ locale }, site] = await Promise.all([getSettings(), siteOpenGraph()]);
  return {
    title: t(locale, 'topicTitle', { name: topic.title }),
    description: topic.intro.slice(0, 160) || undefined,
    alternates: { canonical: topicPath(topic) },
    // A page's openGraph replaces the layout's whole: the site's name and language are given again.
    openGraph: topic.coverImageUrl ? { ...site, images: [{ url: topic.coverImageUrl, alt: topic.coverImageAlt }] } : undefined,
  };
}

/** 专题: its cover, introduction and stories in the editors' order, all on one page, with its feed. */
export default async function TopicPage({ params }: Props) {
  const slug = slugOr404((await params).slug);
  const topic = await getTopicBySlug(slug);
  // A renamed topic leaves a redirect behind; an unpublished one is not there for readers.
  if (!topic) return followRedirectOr404(`/topics/${slug}`);
  const [settings, stories] = await Promise.all([getSettings(), getTopicStories(topic.id)]);
  return (
    <ArchivePage
      settings={settings}
      heading={t(settings.locale, 'topicTitle', { name: topic.title })}
      description={topic.intro}
      cover={topic.coverImageUrl ? { src: topic.coverImageUrl, alt: topic.coverImageAlt } : null}
      result={{ items: stories, total: stories.length, capped: false, page: 1, pageCount: 1, pageSize: stories.length }}
      feedPath={`/feeds/topics/${topic.slug}`}
      hrefFor={() => topicPath(topic)}
    />
  );
}
