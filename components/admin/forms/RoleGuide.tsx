import type { AdminTranslator } from '@/domain/i18n/admin';
import { ROLES } from '@/domain/permissions';

/** One line per role saying what it may do, beside every place a role is chosen. */
export function RoleGuide({ t }: { t: AdminTranslator }) {
  return (
    <dl className="mt-3 grid gap-x-3 gap-y-1 text-sm text-neutral-700 sm:grid-cols-[auto_1fr] dark:text-neutral-300">
      {ROLES.map((role) => (
        <div key={role} className="contents">
          <dt className="font-medium">{t(`role_${role}`)}</dt>
          <dd>{t(`roleCan_${role}`)}</dd>
        </div>
      ))}
    </dl>
  );
}
