import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/site/ArticleView';
import { WithMostRead } from '@/components/site/MostRead';
import { JsonLd } from '@/components/site/JsonLd';
import { articleCrumbs } from '@/components/site/ArticleView';
import { breadcrumbLd, newsArticleLd } from '@/domain/structured-data';
import { siteUrl } from '@/domain/env';
import { siteOpenGraph } from '@/services/site-metadata';
import { getArticle, getNeighbours, getRelated, getSections, getSettings, sectionTrail } from '@/services/reader';
import { absoluteUrl, articlePath, parseArticleParam } from '@/domain/urls';

// Rendered on first visit, then served from the cache until a save invalidates its tags. By the
// clock at most hourly (ARCHIVE_REVALIDATE_SECONDS, a literal here for Next's static analysis): a
// recent story's reads lower it to a minute (storyRevalidateSeconds), for its lists and counts.
export const revalidate = 3600;
export const dynamicParams = true;

export function generateStaticParams(): { id: string }[] {
  return []; // nothing at build time: `next build` needs no database
}

interface Props {
  params: Promise<{ id: string }>;
}

async function load(param: string) {
  const parsed = parseArticleParam(param);
  if (!parsed) return null;
  const article = await getArticle(parsed.id);
  return article ? { article, requestedSlug: parsed.slug } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load((await params).id);
  if (!found) return {};
  const { article } = found;
  const canonical = articlePath(article);
  const description = article.seoDescription || article.excerpt || undefined;
  return {
    title: article.seoTitle || article.title,
    description,
    alternates: { canonical },
    authors: article.authors.map((a) => ({ name: a.name })),
    openGraph: {
      ...(await siteOpenGraph()),
      type: 'article',
      title: article.seoTitle || article.title,
      description,
      url: canonical,
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      tags: article.tags.map((tag) => tag.name),
      images: article.cover
        ? [article.cover.og ? { url: article.cover.og, width: 1200, height: 630, alt: article.cover.alt } : { url: article.cover.src, alt: article.cover.alt }]
        : undefined,
    },
    twitter: { card: article.cover ? 'summary_large_image' : 'summary' },
  };
}

export default async function ArticlePage({ params }: Props) {
  const found = await load((await params).id);
  if (!found) notFound();
  const { article, requestedSlug } = found;
  // The id decides the article; any other slug (an old one, none, a typo) moves to the canonical URL.
  if (requestedSlug !== article.slug) permanentRedirect(articlePath(article));

  const [settings, sections, neighbours, related] = await Promise.all([
    getSettings(),
    getSections(),
    getNeighbours(article),
    getRelated({ id: article.id, sectionId: article.sectionId, tagIds: article.tags.map((tag) => tag.id), publishedAt: article.publishedAt }, 6),
  ]);
  const base = siteUrl();
  const canonicalUrl = absoluteUrl(base, articlePath(article));
  const trail = sectionTrail(sections, article.sectionId);
  return (
    <>
      <JsonLd data={newsArticleLd(article, settings, { base, url: canonicalUrl, section: trail.at(-1)?.title ?? null })} />
      <JsonLd data={breadcrumbLd(articleCrumbs(settings, trail), base, canonicalUrl)} />
      <WithMostRead locale={settings.locale}>
        <ArticleView
          settings={settings}
          article={article}
          trail={trail}
          neighbours={neighbours}
          related={related}
          canonicalUrl={canonicalUrl}
        />
      </WithMostRead>
    </>
  );
}
