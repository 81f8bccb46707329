import type { ArticleCardDTO, SiteSettingsDTO } from '@/db/queries/dto';
import { siteUrl } from '@/domain/env';
import { breadcrumbLd, collectionPageLd } from '@/domain/structured-data';
import { absoluteUrl, articlePath } from '@/domain/urls';
import { JsonLd } from './JsonLd';

/** A section, tag or author archive for search engines: a CollectionPage of the stories shown and its trail. */
export function ListingLd({ settings, name, description, path, crumbs, items }: {
  settings: SiteSettingsDTO;
  name: string;
  description?: string;
  path: string;
  crumbs: { label: string; href?: string }[];
  /** The stories listed (id and slug are all that is read). */
  items: Pick<ArticleCardDTO, 'id' | 'slug'>[];
}) {
  const base = siteUrl();
  const url = absoluteUrl(base, path);
  return (
    <>
      <JsonLd data={collectionPageLd({ name, description, url, locale: settings.locale, items: items.map((item) => absoluteUrl(base, articlePath(item))) })} />
      <JsonLd data={breadcrumbLd(crumbs, base, url)} />
    </>
  );
}
