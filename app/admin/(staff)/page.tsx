import { getDb } from '@/db/client';
import { getDashboard } from '@/db/queries/newsroom/article-admin';
import { ArticleTable } from '@/components/admin/ArticleTable';
import { adminTranslator } from '@/lib/admin-locale';
import { requirePageUser } from '@/lib/auth/session';
import { getSettings } from '@/lib/reader';

export default async function DashboardPage() {
  const user = await requirePageUser();
  const [{ t, locale }, settings, dashboard] = await Promise.all([adminTranslator(user), getSettings(), getDashboard(await getDb(), user)]);
  const blocks = [
    { key: 'myDrafts', rows: dashboard.myDrafts, count: dashboard.counts.myDrafts },
    { key: 'reviewQueue', rows: dashboard.reviewQueue, count: dashboard.counts.reviewQueue },
    { key: 'scheduled', rows: dashboard.scheduled, count: dashboard.counts.scheduled },
    { key: 'recentlyPublished', rows: dashboard.recentlyPublished, count: dashboard.counts.published },
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
            <ArticleTable rows={b.rows} t={t} locale={locale} timeZone={settings.timeZone} />
          </section>
        ))}
      </div>
    </div>
  );
}
