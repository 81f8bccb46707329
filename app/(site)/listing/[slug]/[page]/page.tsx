import { FeedLinks } from '@/components/site/FeedLinks';
import { ListingLd } from '@/components/site/ListingLd';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumb } from '@/components/site/Breadcrumb';
import { PageLd } from '@/components/site/PageLd';
import { ArticleList } from '@/components/site/ArticleList';
import { WithMostRead } from '@/components/site/MostRead';
import { Pagination } from '@/components/site/Pagination';
import { t } from '@/domain/i18n/messages';
import { getArticlePage, getPageBySlug, getPinned, getSectionBySlug, getSections, getSettings, sectionFamilyIds, sectionTrail } from '@/services/reader';
import { followRedirectOr404, pageOr404, slugOr404 } from '@/services/route-params';
import { isSlugParam, pagePath, sectionPath } from '@/domain/urls';
import { notFound } from 'next/navigation';

const PAGE_SIZE = 20;
/** At most this many pinned stories lead a section: a pin is an exception, not a second list. */
const PINNED_MAX = 5;

// `/{slug}` and `/{slug}?page=N` are rewritten here (next.config.mjs), so section pages and static
// pages are rendered on first visit and then served from the cache until a publish expires them.
export const revalidate = 60;
export const dynamicParams = true;

export function generateStaticParams(): { slug: string; page: string }[] {
  return [];
}

interface Props {
  params: Promise<{ slug: string; page: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug: rawSlug, page: rawPage } = await params;
  const slug = decodeSafe(rawSlug);
  if (!slug || !isSlugParam(slug)) return {};
  const section = await getSectionBySlug(slug);
  if (section) {
    const page = Number(rawPage);
    return {
      title: section.seoTitle || section.title,
      description: section.seoDescription || section.description || undefined,
      alternates: { canonical: sectionPath(section, Number.isInteger(page) && page > 1 ? page : 1) },
    };
  }
  const staticPage = await getPageBySlug(slug);
  if (staticPage) {
    return {
      title: staticPage.seoTitle || staticPage.title,
      description: staticPage.seoDescription || undefined,
      alternates: { canonical: pagePath(staticPage) },
    };
  }
  return {};
}

function decodeSafe(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export default async function SectionOrPage({ params }: Props) {
  const { slug: rawSlug, page: rawPage } = await params;
  const slug = slugOr404(rawSlug);
  const page = pageOr404(rawPage);
  const [settings, sections] = await Promise.all([getSettings(), getSections()]);
  const { locale, timeZone } = settings;
  const section = sections.find((s) => s.slug === slug);

  if (!section) {
    const staticPage = page === 1 ? await getPageBySlug(slug) : null;
    if (!staticPage) return followRedirectOr404(`/${slug}`);
    const crumbs = [{ label: settings.name, href: '/' }, { label: staticPage.title }];
    return (
      <article className="mx-auto max-w-3xl">
        <PageLd settings={settings} name={staticPage.title} description={staticPage.seoDescription || undefined} path={`/${staticPage.slug}`} crumbs={crumbs} />
        <Breadcrumb locale={locale} crumbs={crumbs} />
        <h1 className="mt-4 text-3xl font-bold">{staticPage.title}</h1>
        <div className="article-body mt-6" lang={locale} dangerouslySetInnerHTML={{ __html: staticPage.bodyHtml }} />
      </article>
    );
  }

  const family = sectionFamilyIds(sections, section.id);
  const [result, pinned] = await Promise.all([getArticlePage({ sectionIds: family }, page, PAGE_SIZE), page === 1 ? getPinned(family, PINNED_MAX) : []]);
  if (page > result.pageCount) notFound();
  // 置顶: the pinned stories lead the first page, and are not listed twice on it.
  const pinnedIds = new Set(pinned.map((a) => a.id));
  const listed = result.items.filter((a) => !pinnedIds.has(a.id));
  const trail = sectionTrail(sections, section.id);
  const children = sections.filter((s) => s.parentId === section.id);
  const crumbs = [
    { label: settings.name, href: '/' },
    ...trail.map((s, i) => (i === trail.length - 1 && page === 1 ? { label: s.title } : { label: s.title, href: sectionPath(s) })),
  ];

  return (
    <WithMostRead locale={locale}>
      <FeedLinks title={`${section.title} - ${settings.name}`} path={`/feeds/${section.slug}`} />
      <ListingLd settings={settings} name={section.title} description={section.description} path={sectionPath(section, page)} crumbs={crumbs} items={result.items} />
      <div className="space-y-4">
        <Breadcrumb locale={locale} crumbs={crumbs} />
        <h1 className="text-3xl font-bold">{section.title}</h1>
        {section.description ? <p className="text-neutral-700 dark:text-neutral-300">{section.description}</p> : null}
        {children.length ? (
          <nav aria-label={t(locale, 'subsections')}>
            <ul className="flex flex-wrap gap-2">
              {children.map((child) => (
                <li key={child.id}>
                  <Link href={sectionPath(child)} className="inline-block rounded-full border border-neutral-300 px-3 py-1 text-sm hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900">
                    {child.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {pinned.length ? <ArticleList articles={pinned} locale={locale} timeZone={timeZone} label={t(locale, 'pinned')} testId="pinned-stories" /> : null}
        {listed.length || pinned.length ? (
          <ArticleList articles={listed} locale={locale} timeZone={timeZone} />
        ) : (
          <p>{t(locale, 'noArticles')}</p>
        )}
        <Pagination locale={locale} page={page} pageCount={result.pageCount} hrefFor={(p) => sectionPath(section, p)} />
      </div>
    </WithMostRead>
  );
}
