import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getSessionUser, type StaffUserDTO } from '@/db/queries/admin/users';
import { can, type Permission } from '../../domain/permissions';
import { auth } from './index';

export type CurrentUser = StaffUserDTO;

/**
 * Who an action runs as when it is not the session's user: the user of a personal API token,
 * resolved (with the role and state they have now) from the database by the route that got it.
 */
export interface Principal {
  user: CurrentUser;
  ip: string;
  /** The token's name, written on every audit row of the action. */
  tokenName: string;
}

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
  return authorize(await requireUser(), permission);
}

/** The one role check, for a user however they were identified (session or API token). */
export function authorize(user: CurrentUser, permission: Permission | null): CurrentUser {
  if (permission && !can(user.role, permission)) throw new AuthError(403, 'You do not have permission to do this.');
  return user;
}

/** For pages: anonymous visitors go to the sign-in form. */
export async function requirePageUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/admin/login');
  return user;
}
