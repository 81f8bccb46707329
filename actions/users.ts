'use server';

import type { UserRole } from '@/db/schema';
import { changeUserRole, inviteUser, resetUserPassword, setUserDisabled, updateUserDetails } from '@/db/queries/admin/users-admin';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction } from '@/actions/define';
import { changeRoleInput, inviteUserInput, resetPasswordInput, setDisabledInput, userDetailsInput } from '@/domain/validation/user';

export const inviteUserAction = defineAction({ name: 'user.create', input: inviteUserInput, permission: 'user:manage' }, async (input, ctx) =>
  inviteUser(ctx.db, staffOf(ctx), input),
);

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
  const result = await inviteUserAction({ email: text(form, 'email'), name: text(form, 'name'), role: text(form, 'role') as UserRole, password: text(form, 'password') });
  return formState(result, 'userCreated');
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
