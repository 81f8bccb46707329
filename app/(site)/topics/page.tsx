import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumb } from '@/components/site/Breadcrumb';
import { WithMostRead } from '@/components/site/MostRead';
import { t } from '@/domain/i18n/messages';
import { absoluteUrl, topicPath } from '@/domain/urls';
import { siteUrl } from '@/domain/env';
import { breadcrumbLd, collectionPageLd } from '@/domain/structured-data';
import { JsonLd } from '@/components/site/JsonLd';
import { getSettings, listPublishedTopics } from '@/services/reader';

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await getSettings();
  return { title: t(locale, 'topicsTitle'), alternates: { canonical: '/topics' } };
}

/** Every published topic (专题), the most recently changed first: where a menu's 专题 entry leads. */
export default async function TopicsPage() {
  const [settings, topics] = await Promise.all([getSettings(), listPublishedTopics()]);
  const { locale } = settings;
  const heading = t(locale, 'topicsTitle');
  const crumbs = [{ label: settings.name, href: '/' }, { label: heading }];
  const base = siteUrl();
  return (
    <WithMostRead locale={locale}>
      <JsonLd data={collectionPageLd({ name: heading, url: absoluteUrl(base, '/topics'), locale, items: topics.map((topic) => absoluteUrl(base, topicPath(topic))) })} />
      <JsonLd data={breadcrumbLd(crumbs, base, absoluteUrl(base, '/topics'))} />
      <div className="space-y-4">
        <Breadcrumb locale={locale} crumbs={crumbs} />
        <h1 className="text-3xl font-bold">{heading}</h1>
        {topics.length ? (
          <ul className="divide-y divide-neutral-200 dark:divide-neutral-800" data-testid="topics">
            {topics.map((topic) => (
              <li key={topic.id} className="py-4">
                <h2 className="text-xl font-semibold">
                  <Link href={topicPath(topic)} className="hover:underline">
                    {topic.title}
                  </Link>
                </h2>
                {topic.intro ? <p className="mt-1 line-clamp-3 text-neutral-700 dark:text-neutral-300">{topic.intro}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t(locale, 'noTopics')}</p>
        )}
      </div>
    </WithMostRead>
  );
}
