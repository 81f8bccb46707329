import type { SiteSettingsDTO } from '@/db/queries/dto';
import { t } from '@/domain/i18n/messages';

/**
 * 服务热线：400-800-0000 / "Hotline: 400-800-0000": the setting holds the number, the label comes from
 * the site's language, and the number is a tel: link a phone can call.
 */
export function Hotline({ settings, className }: { settings: Pick<SiteSettingsDTO, 'hotline' | 'locale'>; className?: string }) {
  const dial = settings.hotline.replace(/[^\d+]/g, '');
  return (
    <p className={className}>
      {t(settings.locale, 'hotline')}
      {t(settings.locale, 'colon')}
      {dial ? (
        <a href={`tel:${dial}`} className="hover:underline">
          {settings.hotline}
        </a>
      ) : (
        settings.hotline
      )}
    </p>
  );
}
