import type { AdminArticleRowDTO } from '@/db/queries/admin/article-admin';
import type { AdminTranslator } from '@/domain/i18n/admin';
import type { Locale } from '@/domain/i18n/messages';
import { formatDateTime } from '@/domain/i18n/format';
import { DataTable, EmptyNote, TitleLink } from './kit/DataTable';
import { StatusBadge } from './kit/StatusBadge';
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
  return (
    <DataTable
      rows={rows}
      empty={<EmptyNote className="py-3">{t('nothingHere')}</EmptyNote>}
      headClassName="border-b border-neutral-300 text-xs uppercase text-neutral-600 dark:border-neutral-700 dark:text-neutral-400"
      columns={[
        selectable && {
          key: 'select',
          header: <SelectAllCheckbox label={t('selectAll')} />,
          headerClassName: 'w-8 py-2',
          cell: (row) => <input type="checkbox" name="ids" value={row.id} aria-label={`${t('selectArticle')}: ${row.title}`} />,
        },
        { key: 'title', header: t('title'), cell: (row) => <TitleLink href={`/admin/articles/${row.id}`}>{row.title}</TitleLink> },
        { key: 'status', header: t('status'), cell: (row) => <StatusBadge>{row.deleted ? t('trash') : t(`status_${row.status}`)}</StatusBadge> },
        { key: 'section', header: t('section'), headerClassName: 'hidden py-2 md:table-cell', cellClassName: 'hidden py-2 md:table-cell', cell: (row) => row.sectionTitle },
        { key: 'author', header: t('author'), headerClassName: 'hidden py-2 lg:table-cell', cellClassName: 'hidden py-2 lg:table-cell', cell: (row) => row.authorNames.join('、') },
        {
          key: 'time',
          header: t(TIME_HEADINGS[time]),
          cellClassName: 'py-2 whitespace-nowrap',
          cell: (row) => formatDateTime(time === 'updated' ? row.updatedAt : (row.publishedAt ?? row.updatedAt), locale, timeZone),
        },
      ]}
    />
  );
}
