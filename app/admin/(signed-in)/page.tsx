import Link from 'next/link';
import { getDb } from '@/db/client';
import { getDashboard } from '@/db/queries/admin/article-admin';
import { getSiteViewsTotal } from '@/db/queries/views';
import { ArticleTable } from '@/components/admin/ArticleTable';
import { adminTranslator } from '@/services/admin/locale';
import { adminPageMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { getSettings } from '@/services/reader';
import { runTimedWork } from '@/services/scheduled';
import { can } from '@/domain/permissions';
import { formatNumber } from '@/domain/i18n/format';
import { dayInZone } from '@/domain/views/day';

export const generateMetadata = () => adminPageMetadata(null, ({ t }) => t('dashboard'));

/** The moment this request renders (a dynamic page: every request asks the clock once). */
function renderClock(timeZone: string): { now: number; today: string } {
  const now = Date.now();
  return { now, today: dayInZone(now, timeZone) };
}

/** The newsroom's queue: what is being written, what waits for review and since when, what goes out next, what went out. */
export default async function DashboardPage() {
  const user = await requirePageUser();
  const db = await getDb();
  // Also where there is no long-running server (serverless): scheduled stories that went live are recorded.
  await runTimedWork(db);
  const [{ t, locale }, settings, dashboard] = await Promise.all([adminTranslator(user), getSettings(), getDashboard(db, user)]);
  const { now, today } = renderClock(settings.timeZone);
  const viewsToday = can(user.role, 'stats:read') ? await getSiteViewsTotal(db, today, today) : null;
  const blocks = [
    { key: dashboard.draftsScope === 'all' ? 'allDrafts' : 'myDrafts', status: 'draft', rows: dashboard.drafts, count: dashboard.counts.drafts, time: 'updated' },
    { key: 'reviewQueue', status: 'in_review', rows: dashboard.reviewQueue, count: dashboard.counts.reviewQueue, time: 'waiting' },
    { key: 'scheduled', status: 'scheduled', rows: dashboard.scheduled, count: dashboard.counts.scheduled, time: 'planned' },
    { key: 'recentlyPublished', status: 'published', rows: dashboard.recentlyPublished, count: dashboard.counts.published, time: 'published' },
  ] as const;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('dashboard')}</h1>
        {viewsToday !== null ? (
          <Link href="/admin/stats" className="text-sm underline" data-testid="views-today">
            {t('viewsToday')}: <span className="tabular-nums">{formatNumber(viewsToday, locale)}</span>
          </Link>
        ) : null}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        {blocks.map((b) => (
          <section key={b.key} aria-labelledby={`dash-${b.key}`} className="admin-card">
            <h2 id={`dash-${b.key}`} className="mb-2 flex items-baseline justify-between font-semibold">
              {t(b.key)}
              <Link href={`/admin/articles?status=${b.status}`} className="text-sm font-normal text-neutral-600 underline dark:text-neutral-400" data-testid={`count-${b.key}`}>
                {t('count', { count: b.count })}
                <span className="sr-only">: {t(b.key)}</span>
              </Link>
            </h2>
            <ArticleTable
              rows={b.rows}
              t={t}
              locale={locale}
              timeZone={settings.timeZone}
              time={b.time}
              now={now}
              note={b.key === 'reviewQueue' ? (row) => dashboard.reviewQueue.find((r) => r.id === row.id)?.reviewNote ?? '' : undefined}
            />
          </section>
        ))}
      </div>
    </div>
  );
}
