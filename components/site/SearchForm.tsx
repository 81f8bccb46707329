import type { Locale } from '@/domain/i18n/messages';
import { t } from '@/domain/i18n/messages';
import { MAX_QUERY_LENGTH } from '@/domain/search/query';

/** A plain GET form: search works without JavaScript, and a result page has a shareable URL. */
export function SearchForm({ locale, query = '', id, compact = false, landmark = true }: { locale: Locale; query?: string; id: string; compact?: boolean; landmark?: boolean }) {
  return (
    <form action="/search" method="get" role={landmark ? 'search' : undefined} aria-label={landmark ? t(locale, 'searchLabel') : undefined} className="flex gap-2">
      <label htmlFor={id} className="sr-only">
        {t(locale, 'searchLabel')}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={query}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t(locale, 'searchPlaceholder')}
        className={`${compact ? 'w-40 sm:w-52' : 'w-full max-w-md'} rounded border border-neutral-400 bg-white px-2 py-1 text-sm text-neutral-900 dark:border-neutral-600 dark:bg-neutral-900 dark:text-neutral-100`}
      />
      <button type="submit" className="rounded bg-[var(--color-brand)] px-3 py-1 text-sm font-medium text-white hover:opacity-90">
        {t(locale, 'search')}
      </button>
    </form>
  );
}
