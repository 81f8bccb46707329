import { FeedLinks } from './FeedLinks';
import { getBreakingNews, getSettings } from '@/services/reader';
import { BreakingNewsBanner } from './BreakingNewsBanner';
import { t } from '@/domain/i18n/messages';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

/** Header, main landmark and footer around every reader page (also the 404 page). */
export async function SiteChrome({ children }: { children: React.ReactNode }) {
  const [settings, breaking] = await Promise.all([getSettings(), getBreakingNews()]);
  return (
    <>
      {/* React hoists this into <head>, where feed readers look for it. */}
      <FeedLinks title={settings.name} path="/feed" />
      <a href="#main" className="skip-link">
        {t(settings.locale, 'skipToContent')}
      </a>
      {breaking ? <BreakingNewsBanner banner={breaking} locale={settings.locale} /> : null}
      <SiteHeader settings={settings} />
      <main id="main" className="mx-auto min-h-[60vh] max-w-6xl px-4 py-6">
        {children}
      </main>
      <SiteFooter settings={settings} />
    </>
  );
}
