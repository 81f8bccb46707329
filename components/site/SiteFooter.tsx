import { Hotline } from './Hotline';
import type { SiteSettingsDTO } from '@/db/queries/dto';
import { t } from '@/domain/i18n/messages';

export function SiteFooter({ settings }: { settings: SiteSettingsDTO }) {
  return (
    <footer className="mt-12 border-t border-neutral-200 bg-neutral-50 py-6 text-sm text-neutral-700 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-300">
      <div className="mx-auto max-w-6xl space-y-1 px-4 text-center">
        <p>{settings.footerText || `© ${settings.name}`}</p>
        {settings.hotline ? <Hotline settings={settings} /> : null}
        {settings.icp ? <p>{settings.icp}</p> : null}
        <p>
          <a href="/feed.xml" className="underline-offset-2 hover:underline">
            {t(settings.locale, 'rssFeed')}
          </a>
        </p>
      </div>
    </footer>
  );
}
