import type { SiteSettingsDTO } from '@/db/queries/dto';
import { siteUrl } from '@/domain/env';
import { breadcrumbLd, webPageLd } from '@/domain/structured-data';
import { absoluteUrl } from '@/domain/urls';
import { JsonLd } from './JsonLd';

/** A reader page that is neither a story nor a list of them, for search engines: its type and its visible trail. */
export function PageLd({ settings, type = 'WebPage', name, description, path, crumbs }: {
  settings: SiteSettingsDTO;
  type?: Parameters<typeof webPageLd>[0]['type'];
  name: string;
  description?: string;
  path: string;
  crumbs: { label: string; href?: string }[];
}) {
  const base = siteUrl();
  const url = absoluteUrl(base, path);
  return (
    <>
      <JsonLd data={webPageLd({ type, name, description, url, locale: settings.locale })} />
      <JsonLd data={breadcrumbLd(crumbs, base, url)} />
    </>
  );
}
