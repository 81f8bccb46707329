import Link from 'next/link';
import type { Locale } from '@/domain/i18n/messages';
import { t } from '@/domain/i18n/messages';

interface Props {
  locale: Locale;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

export function Pagination({ locale, page, pageCount, hrefFor }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t(locale, 'pagination')} className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link rel="prev" href={hrefFor(page - 1)} className="rounded border border-neutral-300 px-3 py-1 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900">
          {t(locale, 'prevPage')}
        </Link>
      ) : (
        <span />
      )}
      <span>{t(locale, 'pageOf', { page, total: pageCount })}</span>
      {page < pageCount ? (
        <Link rel="next" href={hrefFor(page + 1)} className="rounded border border-neutral-300 px-3 py-1 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900">
          {t(locale, 'nextPage')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
