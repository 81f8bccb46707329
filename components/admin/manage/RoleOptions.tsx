import type { AdminTranslator } from '@/lib/i18n/admin';
import { ROLES } from '@/lib/permissions';

/** The roles as `<option>`s of a select, in their order of power. */
export function RoleOptions({ t }: { t: AdminTranslator }) {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`role_${role}`)}
    </option>
  ));
}
