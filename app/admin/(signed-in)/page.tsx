import { getDb } from '@/db/client';
import { getDashboard } from '@/db/queries/admin/article-admin';
import { ArticleTable } from '@/components/admin/ArticleTable';
import { adminTranslator } from '@/services/admin/locale';
import { adminPageMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { getSettings } from '@/services/reader';
import { promoteScheduledStories } from '@/services/scheduled';

export const generateMetadata = () => adminPageMetadata(null, ({ t }) => t('dashboard'));

export default async function DashboardPage() {
  const user = await requirePageUser();
  const db = await getDb();
  // Also where there is no long-running server (serverless): scheduled stories that went live are recorded.
  await promoteScheduledStories(db);
  const [{ t, locale }, settings, dashboard] = await Promise.all([adminTranslator(user), getSettings(), getDashboard(db, user)]);
  const blocks = [
    { key: 'myDrafts', rows: dashboard.myDrafts, count: dashboard.counts.myDrafts, time: 'updated' },
    { key: 'reviewQueue', rows: dashboard.reviewQueue, count: dashboard.counts.reviewQueue, time: 'updated' },
    { key: 'scheduled', rows: dashboard.scheduled, count: dashboard.counts.scheduled, time: 'planned' },
    { key: 'recentlyPublished', rows: dashboard.recentlyPublished, count: dashboard.counts.published, time: 'published' },
  ] as const;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('dashboard')}</h1>
      <div className="grid gap-6 xl:grid-cols-2">
        {blocks.map((b) => (
          <section key={b.key} aria-labelledby={`dash-${b.key}`} className="admin-card">
            <h2 id={`dash-${b.key}`} className="mb-2 flex items-baseline justify-between font-semibold">
              {t(b.key)} <span className="text-sm font-normal text-neutral-600 dark:text-neutral-400" data-testid={`count-${b.key}`}>{t('count', { count: b.count })}</span>
            </h2>
            <ArticleTable rows={b.rows} t={t} locale={locale} timeZone={settings.timeZone} time={b.time} />
          </section>
        ))}
      </div>
    </div>
  );
}
