'use server';

import { after } from 'next/server';
import type { UserRole } from '@/db/schema';
import { changeUserRole, inviteUser, resendInvitation, resetUserPassword, setUserDisabled, updateUserDetails } from '@/db/queries/admin/users-admin';
import { runMailSender } from '@/services/mail/sender';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction } from '@/actions/define';
import { changeRoleInput, inviteUserInput, resetPasswordInput, sendInvitationInput, setDisabledInput, userDetailsInput } from '@/domain/validation/user';

/** No initial password: the new colleague is mailed an invitation, sent now rather than at the sender's next tick. */
export const inviteUserAction = defineAction({ name: 'user.create', input: inviteUserInput, permission: 'user:manage' }, async (input, ctx) => {
  const created = await inviteUser(ctx.db, staffOf(ctx), input);
  if (created.invited) after(() => runMailSender(ctx.db));
  return created;
});

export const sendInvitationAction = defineAction({ name: 'user.invitation', input: sendInvitationInput, permission: 'user:manage' }, async (input, ctx) => {
  const sent = await resendInvitation(ctx.db, staffOf(ctx), input.id);
  after(() => runMailSender(ctx.db));
  return sent;
});

export const updateUserDetailsAction = defineAction({ name: 'user.details', input: userDetailsInput, permission: 'user:manage' }, async ({ id: userId, ...details }, ctx) =>
  ctx.expire(await updateUserDetails(ctx.db, staffOf(ctx), userId, details)),
);

export const changeUserRoleAction = defineAction({ name: 'user.role', input: changeRoleInput, permission: 'user:manage' }, async (input, ctx) =>
  changeUserRole(ctx.db, staffOf(ctx), input.id, input.role),
);

export const setUserDisabledAction = defineAction({ name: 'user.disable', input: setDisabledInput, permission: 'user:manage' }, async (input, ctx) =>
  setUserDisabled(ctx.db, staffOf(ctx), input.id, input.disabled),
);

export const resetUserPasswordAction = defineAction({ name: 'user.reset-password', input: resetPasswordInput, permission: 'user:manage' }, async (input, ctx) =>
  resetUserPassword(ctx.db, staffOf(ctx), input.id, input.password, input.currentPassword),
);

// `text` hands passwords over exactly as typed: never trimmed, never normalised.
export async function inviteUserForm(_state: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email');
  const result = await inviteUserAction({ email, name: text(form, 'name'), role: text(form, 'role') as UserRole, password: text(form, 'password') });
  return formState(result, result.ok && result.data.invited ? 'userInvited' : 'userCreated', () => ({ email: email.trim() }));
}

export async function sendInvitationForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await sendInvitationAction({ id: text(form, 'id') }), 'invitationSent');
}

export async function updateUserDetailsForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await updateUserDetailsAction({ id: text(form, 'id'), name: text(form, 'name'), email: text(form, 'email') }), 'saved');
}

export async function changeUserRoleForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await changeUserRoleAction({ id: text(form, 'id'), role: text(form, 'role') as UserRole }), 'roleChanged');
}

export async function setUserDisabledForm(_state: FormState, form: FormData): Promise<FormState> {
  const disabled = text(form, 'disabled') === 'true';
  return formState(await setUserDisabledAction({ id: text(form, 'id'), disabled }), disabled ? 'userDisabled' : 'userEnabled');
}

export async function resetUserPasswordForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await resetUserPasswordAction({ id: text(form, 'id'), password: text(form, 'password'), currentPassword: text(form, 'currentPassword') || undefined }), 'passwordReset');
}
