import { FeedLinks } from './FeedLinks';
import { ListingLd } from './ListingLd';
import { Breadcrumb } from './Breadcrumb';
import { ArticleList } from './ArticleList';
import { WithMostRead } from './MostRead';
import { Pagination } from './Pagination';
import type { ArticleCardDTO, Paged, SiteSettingsDTO } from '@/db/queries/dto';
import { t } from '@/domain/i18n/messages';

interface Props {
  settings: SiteSettingsDTO;
  heading: string;
  description?: string;
  result: Paged<ArticleCardDTO>;
  hrefFor: (page: number) => string;
  /** The archive's feed without its extension (`/feeds/tags/ai`), linked in every format. */
  feedPath: string;
}

/** Tag and author archives share one layout. */
export function ArchivePage({ settings, heading, description, result, hrefFor, feedPath }: Props) {
  const { locale, timeZone } = settings;
  const crumbs = [{ label: settings.name, href: '/' }, { label: heading }];
  return (
    <WithMostRead locale={locale}>
      <FeedLinks title={`${heading} - ${settings.name}`} path={feedPath} />
      <ListingLd settings={settings} name={heading} description={description} path={hrefFor(result.page)} crumbs={crumbs} items={result.items} />
      <div className="space-y-4">
        <Breadcrumb locale={locale} crumbs={crumbs} />
        <h1 className="text-3xl font-bold">{heading}</h1>
        {description ? <p className="text-neutral-700 dark:text-neutral-300">{description}</p> : null}
        <p className="text-sm text-neutral-600 dark:text-neutral-400">{t(locale, 'articlesCount', { count: result.capped ? `${result.total}+` : result.total })}</p>
        {result.items.length ? <ArticleList articles={result.items} locale={locale} timeZone={timeZone} /> : <p>{t(locale, 'noArticles')}</p>}
        <Pagination locale={locale} page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
      </div>
    </WithMostRead>
  );
}
