import Link from 'next/link';
import { Hotline } from './Hotline';
import type { SiteSettingsDTO } from '@/db/queries/dto';
import { t } from '@/domain/i18n/messages';
import { ICP_LOOKUP_URL, policeFilingUrl } from '@/domain/filings';

const FILING_LINK = 'underline-offset-2 hover:underline';

/** 京ICP备…号 · 京公网安备…号, each linked to where it can be checked (new tab, no referrer: a government site). */
function Filings({ icp, policeFiling }: { icp: string; policeFiling: string }) {
  const policeUrl = policeFilingUrl(policeFiling);
  return (
    <p className="space-x-3">
      {icp ? (
        <a href={ICP_LOOKUP_URL} target="_blank" rel="noopener noreferrer" className={FILING_LINK} data-testid="icp">
          {icp}
        </a>
      ) : null}
      {policeFiling && policeUrl ? (
        <a href={policeUrl} target="_blank" rel="noopener noreferrer" className={FILING_LINK} data-testid="police-filing">
          {policeFiling}
        </a>
      ) : policeFiling ? (
        <span data-testid="police-filing">{policeFiling}</span>
      ) : null}
    </p>
  );
}

export function SiteFooter({ settings }: { settings: SiteSettingsDTO }) {
  return (
    <footer className="mt-12 border-t border-neutral-200 bg-neutral-50 py-6 text-sm text-neutral-700 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-300">
      <div className="mx-auto max-w-6xl space-y-1 px-4 text-center">
        <p>{settings.footerText || `© ${settings.name}`}</p>
        {settings.hotline ? <Hotline settings={settings} /> : null}
        {settings.icp || settings.policeFiling ? <Filings icp={settings.icp} policeFiling={settings.policeFiling} /> : null}
        <p className="space-x-3">
          <a href="/feed.xml" className="underline-offset-2 hover:underline">
            {t(settings.locale, 'rssFeed')}
          </a>
          <Link href="/corrections" className="underline-offset-2 hover:underline">
            {t(settings.locale, 'correctionsTitle')}
          </Link>
        </p>
      </div>
    </footer>
  );
}
