import Link from 'next/link';
import type { ArticleCardDTO, ArticleDTO, SectionDTO, SiteSettingsDTO } from '@/db/queries/dto';
import type { Neighbours } from '@/db/queries/public';
import { publisherOf } from '@/domain/attribution';
import { formatDateTime, formatNumber, isoInZone } from '@/domain/i18n/format';
import { t } from '@/domain/i18n/messages';
import { reprintNotice } from '@/domain/reprint';
import { articlePath, authorPath, sectionPath, tagPath, topicPath } from '@/domain/urls';
import { Breadcrumb } from './Breadcrumb';
import { ArticleList } from './ArticleList';
import { ArticleNotices } from './ArticleNotices';
import { ArticleAttachments } from './ArticleAttachments';
import { ViewBeacon } from './ViewBeacon';

/** 当前位置: 站点 > 栏目 (with its parents) > 正文: the visible trail and the BreadcrumbList's. */
export function articleCrumbs(settings: SiteSettingsDTO, trail: SectionDTO[]): { label: string; href?: string }[] {
  return [{ label: settings.name, href: '/' }, ...trail.map((s) => ({ label: s.title, href: sectionPath(s) })), { label: t(settings.locale, 'body') }];
}

interface Props {
  settings: SiteSettingsDTO;
  article: ArticleDTO;
  trail: SectionDTO[];
  neighbours: Neighbours;
  related: ArticleCardDTO[];
  canonicalUrl: string;
  /** Previews render the same view but must not count as reads. */
  countViews?: boolean;
}

/** Everything on the reference page: breadcrumb, title, meta line, body, reprint line, prev/next. */
export function ArticleView({ settings, article, trail, neighbours, related, canonicalUrl, countViews = true }: Props) {
  const { locale, timeZone } = settings;
  const colon = t(locale, 'colon');
  const publisher = publisherOf(article, settings.name);
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumb
        locale={locale}
        crumbs={articleCrumbs(settings, trail)}
      />
      <article className="mt-4" lang={article.locale}>
        <header className="border-b border-neutral-200 pb-4 text-center dark:border-neutral-800">
          <h1 className="text-2xl font-bold leading-snug sm:text-3xl" dir="auto">
            {article.title}
          </h1>
          {article.subtitle ? <p className="mt-2 text-lg text-neutral-700 dark:text-neutral-300">{article.subtitle}</p> : null}
          <p className="mt-3 text-sm text-neutral-600 dark:text-neutral-400" lang={locale} data-testid="article-meta">
            <span>
              {t(locale, 'publishedAt')}{colon}<time dateTime={isoInZone(article.publishedAt, timeZone)}>{formatDateTime(article.publishedAt, locale, timeZone)}</time>
            </span>
            {article.revisedAt ? (
              <>
                <span aria-hidden="true"> | </span>
                <span data-testid="revised-at">
                  {t(locale, 'updatedAt')}{colon}<time dateTime={isoInZone(article.revisedAt, timeZone)}>{formatDateTime(article.revisedAt, locale, timeZone)}</time>
                </span>
              </>
            ) : null}
            <span aria-hidden="true"> | </span>
            <span>
              {t(locale, 'publisher')}{colon}
              {publisher.kind !== 'authors'
                ? publisher.name
                : publisher.authors.map((author, i) => (
                    <span key={author.id}>
                      {i > 0 ? '、' : null}
                      <Link href={authorPath(author)} className="hover:underline" rel="author">
                        {author.name}
                      </Link>
                    </span>
                  ))}
            </span>
            {article.source ? (
              <>
                <span aria-hidden="true"> | </span>
                <span>
                  {t(locale, 'source')}{colon}{article.source}
                </span>
              </>
            ) : null}
            <span aria-hidden="true"> | </span>
            <span>
              {t(locale, 'views')}{colon}{/* The beacon's script may rewrite the number before hydration; React leaves innerHTML alone. */}
              <span data-view-count={article.id} dangerouslySetInnerHTML={{ __html: formatNumber(article.viewCount, locale) }} />
            </span>
          </p>
          {countViews ? <ViewBeacon articleId={article.id} /> : null}
        </header>

        {article.cover ? (
          <figure className="mt-6">
            <picture>
              {article.cover.webpSrcset ? <source type="image/webp" srcSet={article.cover.webpSrcset} sizes="(max-width: 48rem) 100vw, 46rem" /> : null}
              {/* The cover is above the fold: load it first, and reserve its box to avoid layout shift. */}
              <img
                src={article.cover.src}
                srcSet={article.cover.fallbackSrcset || undefined}
                sizes={article.cover.fallbackSrcset ? '(max-width: 48rem) 100vw, 46rem' : undefined}
                alt={article.cover.alt}
                width={article.cover.width ?? undefined}
                height={article.cover.height ?? undefined}
                fetchPriority="high"
                decoding="async"
                className="h-auto w-full rounded"
              />
            </picture>
            {article.cover.caption || article.cover.credit ? (
              <figcaption className="mt-2 text-sm text-neutral-600 dark:text-neutral-400" lang={locale}>
                {article.cover.caption}
                {article.cover.caption && article.cover.credit ? ' ' : null}
                {article.cover.credit ? <span className="whitespace-nowrap">{t(locale, 'photoCredit', { name: article.cover.credit })}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}

        <div className="article-body mt-6" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.editor ? (
          <p className="mt-6 text-right text-sm text-neutral-600 dark:text-neutral-400" lang={locale} data-testid="editor-credit">
            {t(locale, 'editorCredit', { name: article.editor })}
          </p>
        ) : null}
        <ArticleNotices notices={article.notices} locale={locale} timeZone={timeZone} />
        <ArticleAttachments attachments={article.attachments} locale={locale} />

        <p className="mt-8 rounded bg-neutral-100 px-4 py-3 text-sm text-neutral-700 dark:bg-neutral-900 dark:text-neutral-300" lang={locale} data-testid="reprint">
          {reprintNotice(settings.reprintTemplate, { site: settings.name, title: article.title, url: canonicalUrl })}
        </p>

        {article.tags.length ? (
          <footer className="mt-6 text-sm" lang={locale}>
            <h2 className="sr-only">{t(locale, 'tags')}</h2>
            <span className="text-neutral-600 dark:text-neutral-400">{t(locale, 'tags')}{colon}</span>
            <ul className="inline">
              {article.tags.map((tag) => (
                <li key={tag.id} className="mr-2 inline">
                  <Link href={tagPath(tag)} rel="tag" className="inline-block rounded-full bg-neutral-100 px-3 py-0.5 hover:bg-neutral-200 dark:bg-neutral-800 dark:hover:bg-neutral-700">
                    {tag.name}
                  </Link>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
        {article.topics.length ? (
          <p className="mt-3 text-sm" lang={locale} data-testid="article-topics">
            <span className="text-neutral-600 dark:text-neutral-400">{t(locale, 'inTopics')}</span>
            {article.topics.map((topic, i) => (
              <span key={topic.slug}>
                {i ? (locale === 'zh-CN' ? '、' : ', ') : null}
                <Link href={topicPath(topic)} className="underline">
                  {topic.title}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </article>

      <nav aria-label={`${t(locale, 'previous')} / ${t(locale, 'next')}`} className="no-print mt-8 grid gap-2 border-t border-neutral-200 pt-4 text-sm dark:border-neutral-800 sm:grid-cols-2" lang={locale}>
        <p>
          {t(locale, 'previous')}{colon}
          {neighbours.previous ? (
            <Link href={articlePath(neighbours.previous)} rel="prev" className="hover:underline">
              {neighbours.previous.title}
            </Link>
          ) : (
            t(locale, 'none')
          )}
        </p>
        <p className="sm:text-right">
          {t(locale, 'next')}{colon}
          {neighbours.next ? (
            <Link href={articlePath(neighbours.next)} rel="next" className="hover:underline">
              {neighbours.next.title}
            </Link>
          ) : (
            t(locale, 'none')
          )}
        </p>
      </nav>

      {related.length ? (
        <section aria-labelledby="related-heading" className="no-print mt-8" lang={locale}>
          <h2 id="related-heading" className="border-b-2 border-[var(--color-brand)] pb-1 text-lg font-bold">
            {t(locale, 'related')}
          </h2>
          <ArticleList articles={related} locale={locale} timeZone={timeZone} showExcerpt={false} />
        </section>
      ) : null}
    </div>
  );
}
