import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/site/Breadcrumb';
import { ListingLd } from '@/components/site/ListingLd';
import { WithMostRead } from '@/components/site/MostRead';
import { Pagination } from '@/components/site/Pagination';
import { formatDateTime, isoInZone } from '@/domain/i18n/format';
import { t } from '@/domain/i18n/messages';
import { articlePath } from '@/domain/urls';
import { getCorrectionsPage, getSettings } from '@/services/reader';
import { pageOr404 } from '@/services/route-params';

const PAGE_SIZE = 30;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const hrefFor = (page: number) => (page > 1 ? `/corrections?page=${page}` : '/corrections');

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await getSettings();
  return { title: t(locale, 'correctionsTitle'), alternates: { canonical: '/corrections' } };
}

/** 更正 / Corrections: every correction of a story readers can see, newest first, each linked to its story. */
export default async function CorrectionsPage({ searchParams }: Props) {
  const page = pageOr404((await searchParams).page);
  const [settings, result] = await Promise.all([getSettings(), getCorrectionsPage(page, PAGE_SIZE)]);
  if (page > result.pageCount) notFound();
  const { locale, timeZone } = settings;
  const heading = t(locale, 'correctionsTitle');
  const crumbs = [{ label: settings.name, href: '/' }, { label: heading }];
  return (
    <WithMostRead locale={locale}>
      <ListingLd settings={settings} name={heading} description={t(locale, 'correctionsIntro')} path={page > 1 ? `/corrections?page=${page}` : '/corrections'} crumbs={crumbs} items={result.items.map((item) => item.article)} />
      <div className="space-y-4">
        <Breadcrumb locale={locale} crumbs={crumbs} />
        <h1 className="text-3xl font-bold">{heading}</h1>
        <p className="text-neutral-700 dark:text-neutral-300">{t(locale, 'correctionsIntro')}</p>
        {result.items.length ? (
          <ol className="divide-y divide-neutral-200 dark:divide-neutral-800" data-testid="corrections">
            {result.items.map((item) => (
              <li key={item.id} className="py-3">
                <Link href={articlePath(item.article)} className="font-medium hover:underline">
                  {item.article.title}
                </Link>
                <p className="mt-1">{item.note}</p>
                <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
                  <time dateTime={isoInZone(item.at, timeZone)}>{formatDateTime(item.at, locale, timeZone)}</time>
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t(locale, 'noCorrections')}</p>
        )}
        <Pagination locale={locale} page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
      </div>
    </WithMostRead>
  );
}
