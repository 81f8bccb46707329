import Link from 'next/link';
import type { ArticleCardDTO } from '@/db/queries/dto';
import type { Locale } from '@/domain/i18n/messages';
import { formatDate, isoInZone } from '@/domain/i18n/format';
import { articlePath } from '@/domain/urls';

interface Props {
  articles: ArticleCardDTO[];
  locale: Locale;
  timeZone: string;
  showExcerpt?: boolean;
  /** A tag before each title (置顶 for the pinned stories that lead a section). */
  label?: string;
  testId?: string;
}

export function ArticleList({ articles, locale, timeZone, showExcerpt = true, label, testId }: Props) {
  return (
    <ul className="divide-y divide-neutral-200 dark:divide-neutral-800" data-testid={testId}>
      {articles.map((a) => (
        <li key={a.id} className="py-3">
          <div className="flex items-baseline justify-between gap-4">
            <span>
              {label ? <span className="me-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-medium text-white">{label}</span> : null}
              <Link href={articlePath(a)} lang={a.locale} className="font-medium hover:text-[var(--color-brand)] hover:underline dark:hover:text-emerald-300">
                {a.title}
              </Link>
            </span>
            <time dateTime={isoInZone(a.publishedAt, timeZone)} className="shrink-0 text-sm text-neutral-600 dark:text-neutral-400">
              {formatDate(a.publishedAt, locale, timeZone)}
            </time>
          </div>
          {showExcerpt && a.excerpt ? (
            <p lang={a.locale} className="mt-1 line-clamp-2 text-sm text-neutral-700 dark:text-neutral-300">
              {a.excerpt}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A compact numbered list, e.g. "most read". */
export function RankedList({ articles }: { articles: ArticleCardDTO[] }) {
  return (
    <ol className="space-y-2">
      {articles.map((a, i) => (
        <li key={a.id} className="flex gap-2 text-sm">
          <span aria-hidden="true" className="w-5 shrink-0 font-bold text-[var(--color-brand)] dark:text-emerald-300">
            {i + 1}
          </span>
          <Link href={articlePath(a)} lang={a.locale} className="hover:underline">
            {a.title}
          </Link>
        </li>
      ))}
    </ol>
  );
}
