'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { requestPasswordReset, setPasswordByLink } from '@/db/queries/admin/password-links';
import { countInWindow, secondsLeft } from '@/db/queries/throttle';
import { failureOf, type ActionFailure } from '@/actions/define';
import { adminLocale } from '@/services/admin/locale';
import { signIn } from '@/services/auth';
import { clientIp } from '@/services/client-ip';
import { runMailSender } from '@/services/mail/sender';
import { ActionError } from '@/domain/errors';
import type { FormState } from '@/domain/form-state';
import { manageT } from '@/domain/i18n/admin-manage';
import { translateRefusal } from '@/domain/i18n/server-messages';
import { mailEnabled } from '@/domain/env';
import { passwordByLinkInput, passwordResetRequestInput } from '@/domain/validation/user';
import { text } from '@/actions/form-result';

/**
 * The two forms of a password reset by mail, public on purpose like the sign-in form (nobody is
 * signed in when they need them): asking for a link on /admin/password, and setting the password
 * through it on /admin/password/{token}. Both are limited per address; asking answers the same
 * whether or not the address has an account.
 */
const WINDOW_SECONDS = 15 * 60;
/** Requests per address in 15 minutes: enough for typos, too few to probe or to bomb mailboxes. */
const MAX_PER_ADDRESS = 5;

async function refusal(failure: ActionFailure): Promise<FormState> {
  return { status: 'error', ...translateRefusal(await adminLocale(null), failure), at: Date.now() };
}

/** Counts one try from this address; a refusal when it is over the limit. */
async function overLimit(scope: 'reset-request' | 'reset-link', ip: string): Promise<FormState | null> {
  const counted = (await countInWindow(await getDb(), [{ scope, subject: ip }], WINDOW_SECONDS)).get(scope);
  if (!counted || counted.attempts <= MAX_PER_ADDRESS * (scope === 'reset-link' ? 2 : 1)) return null;
  const minutes = Math.ceil(secondsLeft(counted.windowStartedAt, WINDOW_SECONDS) / 60);
  return refusal(failureOf(new ActionError(429, { code: 'tooManyResetRequests', params: { minutes } }), 'user.password-reset'));
}

export async function requestPasswordResetForm(_state: FormState, form: FormData): Promise<FormState> {
  try {
    const parsed = passwordResetRequestInput.safeParse({ email: text(form, 'email') });
    if (!parsed.success) return refusal(failureOf(parsed.error, 'user.password-reset'));
    const ip = clientIp(await headers());
    const limited = await overLimit('reset-request', ip);
    if (limited) return limited;
    if (!mailEnabled()) throw new ActionError(404, { code: 'mailNotConfigured' });
    const db = await getDb();
    const email = parsed.data.email;
    // After the answer, which is then the same, in the same time, whether or not the address has an
    // account; a mailbox gets at most MAX_PER_ADDRESS requests' worth in 15 minutes from all addresses.
    after(async () => {
      try {
        const perMailbox = (await countInWindow(db, [{ scope: 'reset-email', subject: email.trim().toLowerCase() }], WINDOW_SECONDS)).get('reset-email');
        if (perMailbox && perMailbox.attempts > MAX_PER_ADDRESS) return;
        await requestPasswordReset(db, email, ip);
        await runMailSender(db);
      } catch (error) {
        console.error('[gazette] password reset request failed:', error instanceof Error ? error.message : error);
      }
    });
    return { status: 'ok', message: manageT(await adminLocale(null))('forgotSent'), at: Date.now() };
  } catch (error) {
    return refusal(failureOf(error, 'user.password-reset'));
  }
}

/** Sets the password and signs in with it (the redirect to /admin is thrown by signIn). */
export async function setPasswordByLinkForm(_state: FormState, form: FormData): Promise<FormState> {
  let email: string;
  const password = text(form, 'password');
  try {
    const parsed = passwordByLinkInput.safeParse({ token: text(form, 'token'), password });
    if (!parsed.success) return refusal(failureOf(parsed.error, 'user.password-by-link'));
    const ip = clientIp(await headers());
    const limited = await overLimit('reset-link', ip);
    if (limited) return limited;
    ({ email } = await setPasswordByLink(await getDb(), parsed.data.token, parsed.data.password, ip));
  } catch (error) {
    return refusal(failureOf(error, 'user.password-by-link'));
  }
  try {
    await signIn('credentials', { email, password, redirectTo: '/admin' });
  } catch (error) {
    // The password is set either way; if signing in is refused now (the account is under the sign-in
    // limit, say), the sign-in form says the password was set and takes it from there.
    if (error instanceof AuthError) redirect('/admin/login?passwordSet=1');
    throw error; // the redirect after a successful sign-in
  }
  return { status: 'idle' };
}
