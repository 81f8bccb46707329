import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getSessionUser, type StaffUserDTO } from '@/db/queries/admin/users';
import { can, type Permission } from '../../domain/permissions';
import { auth } from './index';

export type CurrentUser = StaffUserDTO;

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The signed-in user, checked against the database on every request: a disabled account, a new
 * password or a changed role takes effect at once, whatever the session cookie says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await auth()) as { uid?: unknown; sv?: unknown } | null;
  const uid = Number(session?.uid);
  const sv = Number(session?.sv);
  if (!Number.isInteger(uid) || !Number.isInteger(sv)) return null;
  return getSessionUser(await getDb(), uid, sv);
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError(401, 'Please sign in.');
  return user;
}

export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) throw new AuthError(403, 'You do not have permission to do this.');
  return user;
}

/** For pages: anonymous visitors go to the sign-in form. */
export async function requirePageUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/admin/login');
  return user;
}
