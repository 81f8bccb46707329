import Link from 'next/link';
import type { AdminArticleRowDTO } from '@/db/queries/admin/article-admin';
import type { AdminTranslator } from '@/domain/i18n/admin';
import type { Locale } from '@/domain/i18n/messages';
import { formatDateTime } from '@/domain/i18n/format';
import { SelectAllCheckbox } from './SelectAllCheckbox.client';

interface Props {
  rows: AdminArticleRowDTO[];
  t: AdminTranslator;
  locale: Locale;
  timeZone: string;
  /** When set, each row gets a checkbox named `ids` for bulk actions in the surrounding form. */
  selectable?: boolean;
  /** The time column: last saved (default), publish time, or the planned time of scheduled stories. */
  time?: 'updated' | 'published' | 'planned';
}

const TIME_HEADINGS = { updated: 'updated', published: 'published', planned: 'plannedFor' } as const;

export function ArticleTable({ rows, t, locale, timeZone, selectable, time = 'updated' }: Props) {
  if (!rows.length) return <p className="py-3 text-sm text-neutral-600 dark:text-neutral-400">{t('nothingHere')}</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-neutral-300 text-xs uppercase text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
        <tr>
          {selectable ? (
            <th className="w-8 py-2">
              <SelectAllCheckbox label={t('selectAll')} />
            </th>
          ) : null}
          <th className="py-2">{t('title')}</th>
          <th className="py-2">{t('status')}</th>
          <th className="hidden py-2 md:table-cell">{t('section')}</th>
          <th className="hidden py-2 lg:table-cell">{t('author')}</th>
          <th className="py-2">{t(TIME_HEADINGS[time])}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-neutral-200 dark:border-neutral-800">
            {selectable ? (
              <td className="py-2">
                <input type="checkbox" name="ids" value={row.id} aria-label={`${t('selectArticle')}: ${row.title}`} />
              </td>
            ) : null}
            <td className="py-2">
              <Link href={`/admin/articles/${row.id}`} className="font-medium hover:underline">
                {row.title}
              </Link>
            </td>
            <td className="py-2">
              <span className="whitespace-nowrap rounded bg-neutral-200 px-2 py-0.5 text-xs dark:bg-neutral-800">{row.deleted ? t('trash') : t(`status_${row.status}`)}</span>
            </td>
            <td className="hidden py-2 md:table-cell">{row.sectionTitle}</td>
            <td className="hidden py-2 lg:table-cell">{row.authorNames.join('、')}</td>
            <td className="py-2 whitespace-nowrap">{formatDateTime(time === 'updated' ? row.updatedAt : (row.publishedAt ?? row.updatedAt), locale, timeZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
