import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getArticleTitle, getArticleViewsPerDay, getSiteViewsPerDay, getSiteViewsTotal, getTopArticles } from '@/db/queries/views';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ViewsChart } from '@/components/admin/ViewsChart';
import { adminLocale } from '@/services/admin/locale';
import { adminPageMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { formatNumber } from '@/domain/i18n/format';
import { can } from '@/domain/permissions';
import { getSettings } from '@/services/reader';
import { dayInZone, shiftDay } from '@/domain/views/day';

export const generateMetadata = () => adminPageMetadata('stats:read', ({ t }) => t('stats'));

const PERIODS = { '7': 7, '30': 30, '90': 90 } as const;
const query = z.object({
  days: z.enum(['7', '30', '90']).catch('30').default('30'),
  article: z.coerce.number().int().positive().optional().catch(undefined),
});

const L = {
  'zh-CN': { title: '浏览统计', total: '期间浏览量', perDay: '每日浏览量', top: '热门文章', article: '文章', views: '浏览', all: '累计', days: '最近 {n} 天', site: '全站', none: '暂无数据。' },
  en: { title: 'Views', total: 'Views in the period', perDay: 'Views per day', top: 'Top articles', article: 'Article', views: 'Views', all: 'All time', days: 'Last {n} days', site: 'Whole site', none: 'No data yet.' },
} as const;

/** The last `count` days up to today, in the site's time zone. */
function lastDays(count: number, timeZone: string): { from: string; to: string } {
  const to = dayInZone(new Date(), timeZone);
  return { from: shiftDay(to, -(count - 1)), to };
}

/** Views per day for the site or one article, and the top articles of a period. */
export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  if (!can(user.role, 'stats:read')) notFound();
  const raw = await searchParams;
  const { days, article } = query.parse({ days: raw.days, article: raw.article });
  const [locale, settings, db] = await Promise.all([adminLocale(user), getSettings(), getDb()]);
  const l = L[locale];
  const { from, to } = lastDays(PERIODS[days], settings.timeZone);
  const [series, total, top, chosenTitle] = await Promise.all([
    article ? getArticleViewsPerDay(db, article, from, to) : getSiteViewsPerDay(db, from, to),
    getSiteViewsTotal(db, from, to),
    getTopArticles(db, { from, to, limit: 20 }),
    // Looked up on its own: the chosen article may have dropped out of this period's top list.
    article ? getArticleTitle(db, article) : null,
  ]);
  if (article && chosenTitle === null) notFound();
  const link = (params: Record<string, string | number | undefined>) =>
    `/admin/stats?${new URLSearchParams(Object.entries({ days, article, ...params }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))}`;
  return (
    <div className="space-y-4">
      <PageHeader title={l.title} />
      <nav aria-label={l.title} className="flex flex-wrap gap-2 text-sm">
        {Object.keys(PERIODS).map((d) => (
          <Link key={d} href={link({ days: d })} aria-current={d === days ? 'page' : undefined} className={d === days ? 'admin-button-primary' : 'admin-button'}>
            {l.days.replace('{n}', d)}
          </Link>
        ))}
        {article ? (
          <Link href={link({ article: undefined })} className="admin-button">
            {l.site}
          </Link>
        ) : null}
      </nav>
      <p>
        {l.total}：<strong>{formatNumber(total, locale)}</strong>
      </p>
      <h2 className="font-semibold">
        {l.perDay}
        {article ? ` · ${chosenTitle}` : ''}
      </h2>
      <ViewsChart series={series} label={`${l.perDay} ${from} – ${to}`} />
      <h2 className="font-semibold">{l.top}</h2>
      {top.length ? (
        <table className="admin-card w-full text-left text-sm">
          <thead>
            <tr>
              <th className="py-1">{l.article}</th>
              <th className="py-1 text-right">{l.views}</th>
              <th className="py-1 text-right">{l.all}</th>
            </tr>
          </thead>
          <tbody>
            {top.map((a) => (
              <tr key={a.id} className="border-t border-neutral-200 dark:border-neutral-800">
                <td className="py-1">
                  <Link href={link({ article: a.id })} className="hover:underline">
                    {a.title}
                  </Link>
                </td>
                <td className="py-1 text-right">{formatNumber(a.views, locale)}</td>
                <td className="py-1 text-right">{formatNumber(a.totalViews, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{l.none}</p>
      )}
    </div>
  );
}
