'use server';

import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { createStaffUser, countSignInUsers } from '@/db/queries/newsroom/users';
import { writeAudit } from '@/db/queries/newsroom/audit';
import { signIn } from '@/lib/auth';
import { ownerSetupInput } from '@/lib/validation/account';

export interface SetupState {
  error: string | null;
  fieldErrors?: Record<string, string[]>;
}

/** First run only: creates the owner. Refuses once any account can sign in. */
export async function setupOwnerAction(_prev: SetupState, form: FormData): Promise<SetupState> {
  const parsed = ownerSetupInput.safeParse({ name: form.get('name') ?? '', email: form.get('email') ?? '', password: form.get('password') ?? '' });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { error: 'Some fields need attention.', fieldErrors };
  }
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    const t = tx as unknown as typeof db;
    // Serialise concurrent first-run submissions: only one owner can ever be created here.
    await t.execute(sql`lock table users in share row exclusive mode`);
    if ((await countSignInUsers(t)) > 0) return null;
    const id = await createStaffUser(t, { ...parsed.data, role: 'admin', isOwner: true });
    await writeAudit(t, { actorId: id, action: 'user.setup-owner', entityType: 'user', entityId: id, summary: parsed.data.email });
    return id;
  });
  if (!created) return { error: 'The site already has an owner. Sign in instead.' };
  await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: '/admin' });
  return { error: null };
}
