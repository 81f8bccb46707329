import Link from 'next/link';
import type { BreakingNewsDTO } from '@/db/queries/breaking-news';
import type { Locale } from '@/domain/i18n/messages';
import { t } from '@/domain/i18n/messages';

/** The strip above the header while an editor keeps breaking news up; plain HTML, no script. */
export function BreakingNewsBanner({ banner, locale }: { banner: BreakingNewsDTO; locale: Locale }) {
  const label = t(locale, 'breakingNews');
  return (
    <aside aria-label={label} className="bg-red-700 text-white" data-breaking-news={banner.id}>
      <p className="mx-auto flex max-w-6xl flex-wrap items-baseline gap-x-3 px-4 py-2 text-sm sm:text-base">
        <strong className="shrink-0 rounded bg-white px-2 py-0.5 text-xs font-bold text-red-700">{label}</strong>
        {banner.href ? (
          <Link href={banner.href} className="font-medium text-white underline underline-offset-2">
            {banner.text}
          </Link>
        ) : (
          <span className="font-medium">{banner.text}</span>
        )}
      </p>
    </aside>
  );
}
