import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchivePage } from '@/components/site/ArchivePage';
import { t } from '@/domain/i18n/messages';
import { getArticlePage, getAuthorBySlug, getSettings } from '@/services/reader';
import { followRedirectOr404, pageOr404, slugOr404 } from '@/services/route-params';
import { authorPath } from '@/domain/urls';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await getAuthorBySlug(slugOr404((await params).slug));
  if (!author) return {};
  const { locale } = await getSettings();
  return { title: t(locale, 'authorArchive', { name: author.name }), description: author.bio || undefined, alternates: { canonical: authorPath(author) } };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const slug = slugOr404((await params).slug);
  const author = await getAuthorBySlug(slug);
  // A merged or renamed  leaves a redirect behind.
  if (!author) return followRedirectOr404(`/authors/${slug}`);
  const page = pageOr404((await searchParams).page);
  const [settings, result] = await Promise.all([getSettings(), getArticlePage({ authorId: author.id }, page, 20)]);
  if (page > result.pageCount) notFound();
  return (
    <ArchivePage
      settings={settings}
      heading={t(settings.locale, 'authorArchive', { name: author.name })}
      description={author.bio}
      result={result}
      feedPath={`/feeds/authors/${author.slug}`}
      hrefFor={(p) => authorPath(author, p)}
    />
  );
}
