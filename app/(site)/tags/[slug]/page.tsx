import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchivePage } from '@/components/site/ArchivePage';
import { t } from '@/domain/i18n/messages';
import { getArticlePage, getSettings, getTagBySlug } from '@/services/reader';
import { followRedirectOr404, pageOr404, slugOr404 } from '@/services/route-params';
import { tagPath } from '@/domain/urls';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await getTagBySlug(slugOr404((await params).slug));
  if (!tag) return {};
  const { locale } = await getSettings();
  return { title: t(locale, 'tagArchive', { name: tag.name }), description: tag.description || undefined, alternates: { canonical: tagPath(tag) } };
}

export default async function TagPage({ params, searchParams }: Props) {
  const slug = slugOr404((await params).slug);
  const tag = await getTagBySlug(slug);
  // A merged or renamed  leaves a redirect behind.
  if (!tag) return followRedirectOr404(`/tags/${slug}`);
  const page = pageOr404((await searchParams).page);
  const [settings, result] = await Promise.all([getSettings(), getArticlePage({ tagId: tag.id }, page, 20)]);
  if (page > result.pageCount) notFound();
  return (
    <ArchivePage
      settings={settings}
      heading={t(settings.locale, 'tagArchive', { name: tag.name })}
      description={tag.description}
      result={result}
      feedPath={`/feeds/tags/${tag.slug}`}
      hrefFor={(p) => tagPath(tag, p)}
    />
  );
}
