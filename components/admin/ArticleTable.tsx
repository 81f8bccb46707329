import Link from 'next/link';
import type { AdminArticleRowDTO } from '@/db/queries/admin/article-admin';
import type { AdminTranslator } from '@/domain/i18n/admin';
import type { Locale } from '@/domain/i18n/messages';
import { formatDateTime, formatSpan } from '@/domain/i18n/format';
import { DataTable, EmptyNote, TitleLink } from './kit/DataTable';
import { StatusBadge } from './kit/StatusBadge';
import { SelectAllCheckbox } from './SelectAllCheckbox.client';

interface Props {
  rows: Row[];
  t: AdminTranslator;
  locale: Locale;
  timeZone: string;
  /** When set, each row gets a checkbox named `ids` for bulk actions in the surrounding form. */
  selectable?: boolean;
  /**
   * The time column: last saved (default), publish time, the planned time of scheduled stories
   * ("还有 12 分钟" beside it), or how long a story has waited for review.
   */
  time?: 'updated' | 'published' | 'planned' | 'waiting';
  /** The render time, for the "还有…" and "已等待…" spans. */
  now?: number;
  /** A line under the title: the author's note to the reviewer. */
  note?: (row: Row) => string;
}

type Row = AdminArticleRowDTO & { submittedAt?: string | null };

const TIME_HEADINGS = { updated: 'updated', published: 'published', planned: 'plannedFor', waiting: 'waitingFor' } as const;

function timeCell(row: Row, time: NonNullable<Props['time']>, { t, locale, timeZone, now }: Pick<Props, 't' | 'locale' | 'timeZone' | 'now'>) {
  if (time === 'waiting') {
    const since = row.submittedAt ?? row.updatedAt;
    return <time dateTime={since}>{formatSpan((now ?? Date.now()) - Date.parse(since), locale)}</time>;
  }
  const at = time === 'updated' ? row.updatedAt : (row.publishedAt ?? row.updatedAt);
  const left = time === 'planned' && now !== undefined ? Date.parse(at) - now : null;
  return (
    <>
      <time dateTime={at}>{formatDateTime(at, locale, timeZone)}</time>
      {left !== null && left > 0 ? <span className="block text-xs text-neutral-600 dark:text-neutral-400">{t('timeLeft', { span: formatSpan(left, locale) })}</span> : null}
    </>
  );
}

export function ArticleTable({ rows, t, locale, timeZone, selectable, time = 'updated', now, note }: Props) {
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
        {
          key: 'title',
          header: t('title'),
          cell: (row) => (
            <>
              <TitleLink href={`/admin/articles/${row.id}`}>{row.title}</TitleLink>
              {/* The review queue: a reviewer reads the story as readers would before opening the editor. */}
              {row.status === 'in_review' && !row.deleted ? (
                <Link href={`/admin/articles/${row.id}/preview`} className="ml-2 text-xs text-emerald-800 underline dark:text-emerald-300">
                  {t('previewStory')}
                  <span className="sr-only">: {row.title}</span>
                </Link>
              ) : null}
              {note?.(row) ? <q className="mt-1 block text-xs text-neutral-700 dark:text-neutral-300">{note(row)}</q> : null}
            </>
          ),
        },
        { key: 'status', header: t('status'), cell: (row) => <StatusBadge>{row.deleted ? t('trash') : t(`status_${row.status}`)}</StatusBadge> },
        { key: 'section', header: t('section'), headerClassName: 'hidden py-2 md:table-cell', cellClassName: 'hidden py-2 md:table-cell', cell: (row) => row.sectionTitle },
        { key: 'author', header: t('author'), headerClassName: 'hidden py-2 lg:table-cell', cellClassName: 'hidden py-2 lg:table-cell', cell: (row) => row.authorNames.join('、') },
        {
          key: 'time',
          header: t(TIME_HEADINGS[time]),
          cellClassName: 'py-2 whitespace-nowrap',
          cell: (row) => timeCell(row, time, { t, locale, timeZone, now }),
        },
      ]}
    />
  );
}
