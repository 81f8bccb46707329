'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { setupOwner } from '@/db/queries/admin/setup';
import { adminTranslator } from '@/services/admin/locale';
import { signIn } from '@/services/auth';
import { authSecret } from '@/services/auth/secret';
import { setupCodeRequired } from '@/domain/auth/setup-code';
import { clientIp } from '@/services/client-ip';
import { redactForLog } from '@/domain/redact-log';
import { ownerSetupInput } from '@/domain/validation/account';
import { ActionError, englishFieldErrors, fieldMessagesOf } from '@/domain/errors';

export interface SetupState {
  error: string | null;
  fieldErrors?: Record<string, string[]>;
}

/**
 * First run only: creates the owner. Refuses once any account can sign in. In production the
 * one-time setup code from the server's log is required (domain/auth/setup-code.ts); a wrong code
 * creates nothing, and tries are limited per address.
 */
export async function setupOwnerAction(_prev: SetupState, form: FormData): Promise<SetupState> {
  const parsed = ownerSetupInput.safeParse({ name: form.get('name') ?? '', email: form.get('email') ?? '', password: form.get('password') ?? '' });
  if (!parsed.success) {
    // The setup page speaks English whatever the site's language will be.
    return { error: 'Some fields need attention.', fieldErrors: englishFieldErrors(fieldMessagesOf(parsed.error)) };
  }
  try {
    const outcome = await setupOwner(
      await getDb(),
      { ...parsed.data, setupCode: String(form.get('setupCode') ?? '') },
      { ip: clientIp(await headers()), secret: setupCodeRequired() ? authSecret() : null },
    );
    if (!outcome.ok) {
      if (outcome.error === 'alreadySetUp') return { error: 'The site already has an owner. Sign in instead.' };
      const { t } = await adminTranslator();
      const message = t(outcome.error);
      return { error: message, fieldErrors: outcome.error === 'setupRateLimited' ? undefined : { setupCode: [message] } };
    }
  } catch (error) {
    if (error instanceof ActionError) return { error: error.message, fieldErrors: error.fieldErrors };
    console.error('[action user.setup-owner]', redactForLog(error));
    return { error: 'Something went wrong. Nothing was saved.' };
  }
  await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: '/admin' });
  return { error: null };
}
