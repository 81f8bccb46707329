import Link from 'next/link';
import { listNotifications } from '@/db/queries/admin/notifications';
import { markNotificationsReadForm } from '@/actions/notifications';
import { ButtonForm } from '@/components/admin/kit/ButtonForm';
import { Card } from '@/components/admin/kit/Card';
import { EmptyNote } from '@/components/admin/kit/DataTable';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { formatDateTime } from '@/domain/i18n/format';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { getSettings } from '@/services/reader';
import { NOTIFICATION_TEXT } from '@/domain/notifications';

export const generateMetadata = () => adminPageMetadata('notification:read', ({ t }) => t('notifications'));


/** The bell's page: one's newest notifications, each linked to its story; unread ones marked. */
export default async function NotificationsPage() {
  const { user, t, mt, db, locale } = await adminPage('notification:read');
  const [items, settings] = await Promise.all([listNotifications(db, user), getSettings()]);
  const unread = items.filter((n) => !n.read).length;
  return (
    <div className="space-y-6">
      <PageHeader title={t('notifications')} />
      <Card id="notification-list" title={mt('notificationsUnread', { count: unread })} titleClassName="mb-2 text-sm text-neutral-600 dark:text-neutral-400">
        {items.length ? (
          <ul className="divide-y divide-neutral-200 dark:divide-neutral-800" data-testid="notifications">
            {items.map((n) => (
              <li key={n.id} className={`py-2 text-sm ${n.read ? '' : 'font-semibold'}`} data-unread={n.read ? undefined : 'true'}>
                {mt(NOTIFICATION_TEXT[n.kind], { who: n.actorName ?? mt('formerStaff') })}
                {n.articleId ? (
                  <>
                    {locale === 'zh-CN' ? '：' : ': '}
                    <Link href={`/admin/articles/${n.articleId}`} className="text-emerald-800 underline dark:text-emerald-300">
                      {n.articleTitle}
                    </Link>
                  </>
                ) : null}
                <span className="ms-2 text-xs font-normal text-neutral-600 dark:text-neutral-400">{formatDateTime(n.createdAt, locale, settings.timeZone)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyNote>{mt('notificationsEmpty')}</EmptyNote>
        )}
        {unread ? (
          <div className="mt-4">
            <ButtonForm action={markNotificationsReadForm} idPrefix="notifications-read" values={{}} label={mt('markAllRead')} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
