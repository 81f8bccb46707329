import type { AdminTranslator } from '@/domain/i18n/admin';
import { ROLES } from '@/domain/permissions';

/** The roles as `<option>`s of a select, in their order of power. */
export function RoleOptions({ t }: { t: AdminTranslator }) {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`role_${role}`)}
    </option>
  ));
}
