import Link from 'next/link';
import { AdminMenu } from '@/components/admin/AdminMenu.client';
import { AdminNav } from '@/components/admin/AdminNav';
import { adminTranslator } from '@/services/admin/locale';
import { adminLayoutMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { getSettings } from '@/services/reader';
import { getDb } from '@/db/client';
import { unreadCount } from '@/db/queries/admin/notifications';

export const dynamic = 'force-dynamic';

export const generateMetadata = adminLayoutMetadata;

/** The check here only picks the UI; every page, action and route checks again on its own. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const [{ t, locale }, settings, unread] = await Promise.all([adminTranslator(user), getSettings(), getDb().then((db) => unreadCount(db, user.id))]);
  return (
    <div lang={locale} data-ui-locale={locale} className="mx-auto grid max-w-7xl gap-6 px-4 py-6 md:grid-cols-[13rem_1fr]">
      <aside>
        <AdminMenu
          label={t('menu')}
          brand={
            <Link href="/admin" className="block px-3 text-lg font-bold text-emerald-800 dark:text-emerald-300">
              {settings.name} · {t('admin')}
            </Link>
          }
        >
          <AdminNav user={user} t={t} unread={unread} />
        </AdminMenu>
      </aside>
      <main id="main" className="min-w-0">
        {children}
      </main>
    </div>
  );
}
