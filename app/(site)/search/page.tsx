import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/site/Breadcrumb';
import { PageLd } from '@/components/site/PageLd';
import { Highlighted } from '@/components/site/Highlighted';
import { WithMostRead } from '@/components/site/MostRead';
import { Pagination } from '@/components/site/Pagination';
import { SearchForm } from '@/components/site/SearchForm';
import { formatDate, isoInZone } from '@/domain/i18n/format';
import { t } from '@/domain/i18n/messages';
import { getSections, getSettings, searchStories } from '@/services/reader';
import { pageOr404 } from '@/services/route-params';
import { highlightTerms, snippet } from '@/domain/search/highlight';
import { cleanSearchQuery } from '@/domain/search/query';
import { articlePath, sectionPath } from '@/domain/urls';

const PAGE_SIZE = 20;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [settings, query] = await Promise.all([getSettings(), searchParams.then((p) => cleanSearchQuery(p.q))]);
  // Result pages are for readers, not for search engines' indexes.
  return { title: query ? t(settings.locale, 'searchTitle', { query }) : t(settings.locale, 'search'), robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = cleanSearchQuery(params.q);
  const page = pageOr404(params.page);
  const [settings, sections] = await Promise.all([getSettings(), getSections()]);
  const { locale, timeZone } = settings;
  const result = query ? await searchStories(query, page, PAGE_SIZE) : null;
  if (result && result.total > 0 && page > result.pageCount) notFound();
  const terms = highlightTerms(query, result?.stems);
  const hrefFor = (p: number) => `/search?${new URLSearchParams({ q: query, ...(p > 1 ? { page: String(p) } : {}) })}`;

  const crumbs = [{ label: settings.name, href: '/' }, { label: t(locale, 'search') }];
  return (
    <WithMostRead locale={locale}>
      <PageLd settings={settings} type="SearchResultsPage" name={query ? t(locale, 'searchTitle', { query }) : t(locale, 'search')} path={query ? hrefFor(page) : '/search'} crumbs={crumbs} />
      <div className="space-y-4">
        <Breadcrumb locale={locale} crumbs={crumbs} />
        <h1 className="text-3xl font-bold">{query ? t(locale, 'searchTitle', { query }) : t(locale, 'search')}</h1>
        {/* The header holds the search landmark; this one refines the query in place. */}
        <SearchForm locale={locale} query={query} id="search-page" landmark={false} />
        {!result ? (
          <p>{t(locale, 'searchEmpty')}</p>
        ) : result.total === 0 ? (
          <p role="status">{t(locale, 'searchNoResults', { query })}</p>
        ) : (
          <>
            <p role="status" className="text-sm text-neutral-600 dark:text-neutral-400">
              {t(locale, result.capped ? 'searchResultsCapped' : 'searchResults', { count: result.total.toLocaleString(locale) })}
            </p>
            <ol className="divide-y divide-neutral-200 dark:divide-neutral-800" data-testid="search-results">
              {result.items.map((hit) => {
                const section = sections.find((s) => s.id === hit.sectionId);
                return (
                  <li key={hit.id} className="py-3" lang={hit.locale}>
                    <Link href={articlePath(hit)} className="font-medium hover:text-[var(--color-brand)] hover:underline dark:hover:text-emerald-300">
                      <Highlighted text={hit.title} terms={terms} />
                    </Link>
                    <p className="mt-1 text-sm text-neutral-700 dark:text-neutral-300">
                      <Highlighted text={snippet(hit.bodyStart || hit.excerpt, terms)} terms={terms} />
                    </p>
                    <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400" lang={locale}>
                      <time dateTime={isoInZone(hit.publishedAt, timeZone)}>{formatDate(hit.publishedAt, locale, timeZone)}</time>
                      {section ? (
                        <>
                          {' · '}
                          <Link href={sectionPath(section)} className="hover:underline">
                            {section.title}
                          </Link>
                        </>
                      ) : null}
                    </p>
                  </li>
                );
              })}
            </ol>
            <Pagination locale={locale} page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
          </>
        )}
      </div>
    </WithMostRead>
  );
}
