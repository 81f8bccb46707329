import { withTx } from '../../tx';
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { setupCodeMatches } from '../../../domain/auth/setup-code';
import { writeAudit } from './audit';
import { beginSetupAttempt } from './login-attempts';
import { countSignInUsers, createStaffUser } from './users';

export type SetupOutcome = { ok: true; id: number } | { ok: false; error: 'alreadySetUp' | 'setupCodeRequired' | 'setupCodeWrong' | 'setupRateLimited' };

/**
 * First run only: creates the owner. Refuses once any account can sign in. When a setup code is
 * required (production), each try counts under the per-address limit before the code is checked,
 * and a wrong code creates nothing and is written to the audit log.
 */
export async function setupOwner(
  db: Database,
  input: { name: string; email: string; password: string; setupCode?: string },
  options: { ip: string; secret: string | null },
): Promise<SetupOutcome> {
  if ((await countSignInUsers(db)) > 0) return { ok: false, error: 'alreadySetUp' };
  if (options.secret !== null) {
    if (!input.setupCode?.trim()) return { ok: false, error: 'setupCodeRequired' };
    const verdict = await beginSetupAttempt(db, options.ip);
    if (!verdict.allowed) return { ok: false, error: 'setupRateLimited' };
    if (!setupCodeMatches(options.secret, input.setupCode)) {
      await writeAudit(db, { actorId: null, ip: options.ip, action: 'auth.setup-code-wrong', entityType: 'user', summary: input.email });
      return { ok: false, error: 'setupCodeWrong' };
    }
  }
  const created = await withTx(db, async (t) => {
    // Serialise concurrent first-run submissions: only one owner can ever be created here.
    await t.execute(sql`lock table users in share row exclusive mode`);
    if ((await countSignInUsers(t)) > 0) return null;
    const id = await createStaffUser(t, { name: input.name, email: input.email, password: input.password, role: 'admin', isOwner: true });
    await writeAudit(t, { actorId: id, ip: options.ip, action: 'user.setup-owner', entityType: 'user', entityId: id, summary: input.email });
    return id;
  });
  return created === null ? { ok: false, error: 'alreadySetUp' } : { ok: true, id: created };
}
