import Link from 'next/link';
import type { Locale } from '@/domain/i18n/messages';
import { t } from '@/domain/i18n/messages';

export interface Crumb {
  label: string;
  href?: string;
}

/** `当前位置：站点 > 栏目 > 正文`, as a navigable trail. */
export function Breadcrumb({ locale, crumbs }: { locale: Locale; crumbs: Crumb[] }) {
  return (
    <nav aria-label={t(locale, 'breadcrumb')} className="text-sm text-neutral-600 dark:text-neutral-400">
      <span>
        {t(locale, 'youAreHere')}
        {t(locale, 'colon')}
      </span>
      <ol className="inline">
        {crumbs.map((crumb, i) => (
          <li key={`${i}-${crumb.label}`} className="inline">
            {i > 0 ? <span aria-hidden="true"> &gt; </span> : null}
            {crumb.href ? (
              <Link href={crumb.href} className="hover:underline">
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
