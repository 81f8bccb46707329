'use server';

import { getDb } from '@/db/client';
import { endSessions } from '@/db/queries/admin/users';
import { signOut } from '@/services/auth';
import { getCurrentUser } from '@/services/auth/session';

/**
 * Sessions are JWTs, which cannot be revoked one by one; signing out moves the account's session
 * version on, so the cookie is worthless even if it was copied (and other devices sign out too).
 */
export async function signOutAction() {
  const user = await getCurrentUser();
  if (user) await endSessions(await getDb(), user.id);
  await signOut({ redirectTo: '/admin/login' });
}

