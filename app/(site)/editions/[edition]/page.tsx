import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/site/ArticleList';
import { JsonLd } from '@/components/site/JsonLd';
import { siteUrl } from '@/domain/env';
import { webSiteLd } from '@/domain/structured-data';
import { MostRead } from '@/components/site/MostRead';
import { formatDate, isoInZone } from '@/domain/i18n/format';
import { t } from '@/domain/i18n/messages';
import { getLatest, getLeadStories, getSections, getSettings, sectionFamilyIds } from '@/services/reader';
import { articlePath, sectionPath } from '@/domain/urls';

// The home page. next.config.mjs rewrites `/` here so that it is rendered on first visit and then
// served from the cache like an article (a page at `/` itself would be prerendered at build time,
// which needs the database). Lists expire with their tags on publish, or after a minute.
export const revalidate = 60;
export const dynamicParams = true;

export function generateStaticParams(): { edition: string }[] {
  return [];
}

export const metadata: Metadata = { alternates: { canonical: '/' } };

export default async function HomePage({ params }: { params: Promise<{ edition: string }> }) {
  if ((await params).edition !== 'front') notFound();
  const [settings, sections, leads, latest] = await Promise.all([getSettings(), getSections(), getLeadStories(4), getLatest({}, 10)]);
  const { locale, timeZone } = settings;
  const [lead, ...secondary] = leads;
  const topSections = sections.filter((s) => s.parentId === null);
  const blocks = await Promise.all(
    topSections.map(async (section) => ({ section, articles: await getLatest({ sectionIds: sectionFamilyIds(sections, section.id) }, 6) })),
  );

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <JsonLd data={webSiteLd(settings, siteUrl())} />
      <div className="space-y-10">
        <h1 className="sr-only">{settings.name}</h1>
        {lead ? (
          <section aria-labelledby="lead-heading" className="rounded-lg bg-[var(--color-brand-soft)] p-6 dark:bg-emerald-950">
            <h2 id="lead-heading" className="text-sm font-semibold text-emerald-900 dark:text-emerald-200">
              {t(locale, 'leadStory')}
            </h2>
            <p className="mt-2 text-2xl font-bold leading-snug" lang={lead.locale}>
              <Link href={articlePath(lead)} className="hover:underline">
                {lead.title}
              </Link>
            </p>
            <p className="mt-2 text-neutral-800 dark:text-neutral-200" lang={lead.locale}>
              {lead.excerpt}
            </p>
            <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">
              <time dateTime={isoInZone(lead.publishedAt, timeZone)}>{formatDate(lead.publishedAt, locale, timeZone)}</time>
            </p>
            {secondary.length ? (
              <ul className="mt-4 grid gap-2 sm:grid-cols-3">
                {secondary.map((a) => (
                  <li key={a.id} lang={a.locale}>
                    <Link href={articlePath(a)} className="font-medium hover:underline">
                      {a.title}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}

        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="border-b-2 border-[var(--color-brand)] pb-1 text-lg font-bold">
            {t(locale, 'latest')}
          </h2>
          {latest.length ? <ArticleList articles={latest} locale={locale} timeZone={timeZone} /> : <p className="py-4">{t(locale, 'noArticles')}</p>}
        </section>

        <div className="grid gap-8 md:grid-cols-2">
          {blocks.map(({ section, articles }) => (
            <section key={section.id} aria-labelledby={`section-${section.id}`}>
              <div className="flex items-baseline justify-between border-b-2 border-[var(--color-brand)] pb-1">
                <h2 id={`section-${section.id}`} className="text-lg font-bold">
                  <Link href={sectionPath(section)} className="hover:underline">
                    {section.title}
                  </Link>
                </h2>
                <Link href={sectionPath(section)} className="text-sm text-neutral-700 hover:underline dark:text-neutral-300">
                  {t(locale, 'more')}
                  <span className="sr-only">：{section.title}</span>
                </Link>
              </div>
              <ArticleList articles={articles} locale={locale} timeZone={timeZone} showExcerpt={false} />
            </section>
          ))}
        </div>
      </div>

      <MostRead locale={locale} periods={['today', '7d', '30d', 'all']} />
    </div>
  );
}
