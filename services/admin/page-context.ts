import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { adminTranslator } from '@/services/admin/locale';
import { requirePageUser } from '@/services/auth/session';
import { manageT } from '@/domain/i18n/admin-manage';
import { can, type Permission } from '@/domain/permissions';

/**
 * What every management page starts with: the signed-in user (checked against the database), a
 * 404 for roles without the permission (the screen's existence is not advertised), translators.
 */
export async function adminPage(permission: Permission | null) {
  const user = await requirePageUser();
  if (permission && !can(user.role, permission)) notFound();
  const { t, locale } = await adminTranslator(user);
  return { user, t, mt: manageT(locale), locale, db: await getDb() };
}

/** A positive integer route parameter, or a 404. */
export function idOr404(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const id = Number(raw);
  if (id < 1) notFound();
  return id;
}
