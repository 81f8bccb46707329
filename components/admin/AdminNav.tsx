import Link from 'next/link';
import type { CurrentUser } from '@/services/auth/session';
import type { AdminTranslator } from '@/domain/i18n/admin';
import { can, type Permission } from '@/domain/permissions';
import { signOutAction } from '@/actions/sign-out';
import { AdminNavLinks } from './AdminNavLinks.client';

const LINKS: { href: string; key: Parameters<AdminTranslator>[0]; permission?: Permission }[] = [
  { href: '/admin', key: 'dashboard' },
  { href: '/admin/notifications', key: 'notifications', permission: 'notification:read' },
  { href: '/admin/articles', key: 'articles' },
  { href: '/admin/articles/new', key: 'newArticle', permission: 'article:create' },
  { href: '/admin/media', key: 'media', permission: 'media:upload' },
  { href: '/admin/stats', key: 'stats', permission: 'stats:read' },
  { href: '/admin/sections', key: 'sections', permission: 'section:manage' },
  { href: '/admin/tags', key: 'tags', permission: 'tag:manage' },
  { href: '/admin/pages', key: 'pages', permission: 'page:manage' },
  { href: '/admin/redirects', key: 'redirects', permission: 'redirect:manage' },
  { href: '/admin/breaking', key: 'breakingNews', permission: 'breaking:manage' },
  { href: '/admin/topics', key: 'topics', permission: 'topic:manage' },
  { href: '/admin/users', key: 'users', permission: 'user:manage' },
  { href: '/admin/settings', key: 'settings', permission: 'settings:manage' },
  { href: '/admin/sensitive-words', key: 'sensitiveWords', permission: 'settings:manage' },
  { href: '/admin/import', key: 'import', permission: 'import:run' },
  { href: '/admin/audit', key: 'audit', permission: 'audit:read' },
  { href: '/admin/webhooks', key: 'webhooks', permission: 'webhook:manage' },
  { href: '/admin/account', key: 'account' },
];

/** Shows each role only what it may do; the server enforces it regardless. */
export function AdminNav({ user, t, unread }: { user: CurrentUser; t: AdminTranslator; unread: number }) {
  // The bell: the unread count beside 通知, read out in words.
  const badge = (href: string) => (href === '/admin/notifications' && unread ? { count: unread > 99 ? '99+' : String(unread), label: t('unreadNotifications', { count: unread }) } : undefined);
  return (
    <nav aria-label={t('admin')} className="flex flex-col gap-1 text-sm">
      <AdminNavLinks links={LINKS.filter((l) => !l.permission || can(user.role, l.permission)).map((l) => ({ href: l.href, label: t(l.key), badge: badge(l.href) }))} />
      <Link href="/" className="rounded px-3 py-2 hover:bg-neutral-200 dark:hover:bg-neutral-800">
        {t('viewSite')}
      </Link>
      <div className="mt-4 border-t border-neutral-300 px-3 pt-3 text-xs text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
        {t('signedInAs')}: <span className="font-medium text-neutral-900 dark:text-neutral-100">{user.name}</span> ({t(`role_${user.role}`)})
      </div>
      <form action={signOutAction} className="px-3">
        <button type="submit" className="admin-button mt-2 w-full">
          {t('signOut')}
        </button>
      </form>
    </nav>
  );
}
