import type { Locale } from '@/domain/i18n/messages';
import { t } from '@/domain/i18n/messages';
import { getMostRead, getMostReadFor, getMostReadForSidebar } from '@/services/reader';
import { RankedList } from './ArticleList';

type Period = 'today' | '7d' | '30d' | 'all';

const LABEL_KEY = { today: 'mostReadToday', '7d': 'mostRead7d', '30d': 'mostRead30d', all: 'mostReadAllTime' } as const;

interface Props {
  locale: Locale;
  periods?: readonly Period[];
  limit?: number;
  /** Beside a story or a list: read without tagging the page with `home` (see getMostReadForSidebar). */
  sidebar?: boolean;
}

/**
 * "Most read" per period (days in the site's time zone), for the home page and the sidebar of
 * article, section and archive pages. Each list is recomputed at most once a minute, and a cached
 * page that shows it costs no query at all.
 */
export async function MostRead({ locale, periods = ['today', '7d', '30d'], limit = 5, sidebar = false }: Props) {
  const lists = await Promise.all(
    periods.map((period) => (period === 'all' ? getMostRead(limit) : sidebar ? getMostReadForSidebar(period, limit) : getMostReadFor(period, limit))),
  );
  return (
    <aside aria-labelledby="most-read-heading" className="space-y-3" data-testid="most-read">
      <h2 id="most-read-heading" className="border-b-2 border-[var(--color-brand)] pb-1 text-lg font-bold">
        {t(locale, 'mostRead')}
      </h2>
      {periods.map((period, i) => {
        const articles = lists[i] ?? [];
        return (
          <section key={period} aria-labelledby={`most-read-${period}`} data-period={period}>
            <h3 id={`most-read-${period}`} className="mb-1 text-sm font-semibold text-neutral-700 dark:text-neutral-300">
              {t(locale, LABEL_KEY[period])}
            </h3>
            {articles.length ? <RankedList articles={articles} /> : <p className="text-sm text-neutral-600 dark:text-neutral-400">{t(locale, 'noViewsYet')}</p>}
          </section>
        );
      })}
    </aside>
  );
}

/** A reader page's main column with the "most read" sidebar beside it (below it on small screens). */
export function WithMostRead({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <div className="min-w-0">{children}</div>
      <MostRead locale={locale} sidebar />
    </div>
  );
}
