import Link from 'next/link';
import type { SiteSettingsDTO } from '@/db/queries/dto';
import { t } from '@/domain/i18n/messages';
import { Hotline } from './Hotline';
import { SearchForm } from './SearchForm';

export function SiteHeader({ settings }: { settings: SiteSettingsDTO }) {
  const { locale } = settings;
  return (
    <header className="border-b-4 border-[var(--color-brand)] bg-white dark:bg-neutral-950">
      <div className="mx-auto flex max-w-6xl flex-wrap items-end justify-between gap-3 px-4 py-4">
        <div>
          <Link href="/" className="flex items-center gap-3 text-2xl font-bold tracking-wide text-[var(--color-brand)] no-underline dark:text-emerald-300">
            {settings.logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- the site's own logo, any size an editor uploads
              <img src={settings.logoUrl} alt="" className="h-10 w-auto" />
            ) : null}
            {settings.name}
          </Link>
          {settings.tagline ? <p className="text-sm text-neutral-600 dark:text-neutral-400">{settings.tagline}</p> : null}
        </div>
        <div className="flex flex-col items-end gap-2">
          <SearchForm locale={locale} id="site-search" compact />
          {settings.hotline ? <Hotline settings={settings} className="text-sm font-medium text-neutral-700 dark:text-neutral-300" /> : null}
        </div>
      </div>
      <nav aria-label={t(locale, 'mainNav')} className="bg-[var(--color-brand)]">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2">
          <li>
            <Link href="/" className="block px-3 py-2 text-white hover:bg-black/20">
              {t(locale, 'home')}
            </Link>
          </li>
          {settings.nav.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="block px-3 py-2 text-white hover:bg-black/20">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
