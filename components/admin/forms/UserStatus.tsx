import type { AdminUserRowDTO } from '@/db/queries/admin/users-admin';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';

export function UserStatus({ user, mt }: { user: AdminUserRowDTO; mt: ManageTranslator }) {
  const [label, tone] = user.disabled
    ? [mt('statusDisabled'), 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100']
    : user.canSignIn
      ? [mt('statusActive'), 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100']
      : [mt('statusNoSignIn'), 'bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200'];
  return <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs ${tone}`}>{label}</span>;
}
