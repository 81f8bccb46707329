'use server';

import { redirect } from 'next/navigation';
import { changeOwnPassword, setOwnEmailNotifications, setOwnUiLocale, updateOwnProfile } from '@/db/queries/admin/users-admin';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction } from '@/actions/define';
import { signIn } from '@/services/auth';
import { emailNotificationsInput, ownPasswordInput, profileInput, uiLocaleInput } from '@/domain/validation/user';

export const updateProfileAction = defineAction({ name: 'account.profile', input: profileInput, permission: null }, async (input, ctx) => {
  const result = await updateOwnProfile(ctx.db, staffOf(ctx), input);
  ctx.invalidate(result.invalidate);
  return null;
});

export const setUiLocaleAction = defineAction({ name: 'account.ui-locale', input: uiLocaleInput, permission: null }, async (input, ctx) => {
  await setOwnUiLocale(ctx.db, staffOf(ctx), input.uiLocale);
  return null;
});

export const setEmailNotificationsAction = defineAction({ name: 'account.email-notifications', input: emailNotificationsInput, permission: null }, async (input, ctx) => {
  await setOwnEmailNotifications(ctx.db, staffOf(ctx), input.emailNotifications);
  return null;
});

/**
 * Every session of the account ends with the new password; this browser signs in again at once
 * with it, so only the other devices are signed out.
 */
export const changePasswordAction = defineAction({ name: 'account.password', input: ownPasswordInput, permission: null }, async (input, ctx) => {
  const { email } = await changeOwnPassword(ctx.db, staffOf(ctx), input.currentPassword, input.newPassword);
  await signIn('credentials', { email, password: input.newPassword, redirect: false });
  return null;
});

export async function updateProfileForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await updateProfileAction({ name: text(form, 'name'), bio: text(form, 'bio') }), 'profileSaved');
}

export async function setUiLocaleForm(_state: FormState, form: FormData): Promise<FormState> {
  const value = text(form, 'uiLocale');
  return formState(await setUiLocaleAction({ uiLocale: value === '' ? null : (value as 'en') }), 'languageSaved');
}

export async function setEmailNotificationsForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await setEmailNotificationsAction({ emailNotifications: text(form, 'emailNotifications') === 'on' }), 'emailNotificationsSaved');
}

/**
 * Passwords are handed over exactly as typed: never trimmed, never normalised. On success the
 * page is loaded again by a redirect, which carries the new session cookie; re-rendering in place
 * would still see the old, now invalid, one and send the user to the sign-in form.
 */
export async function changePasswordForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await changePasswordAction({ currentPassword: text(form, 'currentPassword'), newPassword: text(form, 'newPassword') });
  if (result.ok) redirect('/admin/account?passwordChanged=1');
  return formState(result, 'passwordChanged');
}
