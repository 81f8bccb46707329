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
  /** A topic's cover, under its heading. */
  cover?: { src: string; alt: string } | null;
}

/** Tag and author archives share one layout. */
export function ArchivePage({ settings, heading, description, result, hrefFor, feedPath, cover }: Props) {
  const { locale, timeZone } = settings;
  const crumbs = [{ label: settings.name, href: '/' }, { label: heading }];
  return (
    <WithMostRead locale={locale}>
      <FeedLinks title={`${heading} - ${settings.name}`} path={feedPath} />
      <ListingLd settings={settings} name={heading} description={description} path={hrefFor(result.page)} crumbs={crumbs} items={result.items} />
      <div className="space-y-4">
        <Breadcrumb locale={locale} crumbs={crumbs} />
        <h1 className="text-3xl font-bold">{heading}</h1>
        {cover ? (
          // A URL typed by an editor, of any size: a plain img, as the story covers given by URL.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={cover.src} alt={cover.alt} className="max-h-96 w-full rounded object-cover" />
        ) : null}
        {description ? <p className="whitespace-pre-line text-neutral-700 dark:text-neutral-300">{description}</p> : null}
        <p className="text-sm text-neutral-600 dark:text-neutral-400">{t(locale, 'articlesCount', { count: result.capped ? `${result.total}+` : result.total })}</p>
        {result.items.length ? <ArticleList articles={result.items} locale={locale} timeZone={timeZone} /> : <p>{t(locale, 'noArticles')}</p>}
        <Pagination locale={locale} page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
      </div>
    </WithMostRead>
  );
}
