import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getUserForAdmin } from '@/db/queries/admin/users-admin';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextField } from '@/components/admin/forms/Field';
import { idOr404, managePage } from '@/services/admin/page-context';
import { UserStatus } from '@/components/admin/forms/UserStatus';
import { staffPageMetadata } from '@/services/admin/metadata';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/domain/auth/password-rules';
import { ROLES } from '@/domain/permissions';
import { changeUserRoleForm, resetUserPasswordForm, setUserDisabledForm } from '../../../../../actions/users';

export const generateMetadata = () => staffPageMetadata('user:manage', ({ t }) => t('users'));

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { user: me, t, mt, db } = await managePage('user:manage');
  const person = await getUserForAdmin(db, idOr404((await params).id));
  if (!person) notFound();
  const protectedOwner = person.isOwner;
  const mayResetPassword = !person.isOwner || person.id === me.id;
  // Same rule as resetUserPassword in the DAL: an admin's password needs the actor's own, unless the actor is the owner.
  const needsReauth = person.role === 'admin' && !me.isOwner;
  return (
    <div className="space-y-6">
      <nav aria-label={mt('breadcrumb')} className="text-sm">
        <Link href="/admin/users" className="underline">
          {t('users')}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{person.name}</h1>
      <dl className="admin-card grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-neutral-600 dark:text-neutral-400">{t('email')}</dt>
        <dd className="break-all">{person.email}</dd>
        <dt className="text-neutral-600 dark:text-neutral-400">{mt('role')}</dt>
        <dd>
          {t(`role_${person.role}`)}
          {person.isOwner ? ` · ${mt('owner')}` : ''}
        </dd>
        <dt className="text-neutral-600 dark:text-neutral-400">{t('status')}</dt>
        <dd>
          <UserStatus user={person} mt={mt} />
        </dd>
      </dl>
      {protectedOwner ? <p className="text-sm text-neutral-700 dark:text-neutral-300">{mt('ownerNote')}</p> : null}
      {protectedOwner ? null : (
        <section aria-labelledby="role-heading" className="admin-card">
          <h2 id="role-heading" className="mb-1 font-semibold">
            {mt('changeRole')}
          </h2>
          <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">{mt('sessionsEndNote')}</p>
          <ActionForm action={changeUserRoleForm} idPrefix="role" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="id" value={person.id} />
            <SelectField form="role" name="role" label={mt('role')} defaultValue={person.role}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role_${role}`)}
                </option>
              ))}
            </SelectField>
            <SubmitButton className="admin-button">{t('save')}</SubmitButton>
          </ActionForm>
        </section>
      )}
      {protectedOwner && !person.disabled ? null : (
        <section aria-labelledby="access-heading" className="admin-card">
          <h2 id="access-heading" className="mb-1 font-semibold">
            {person.disabled ? mt('enableUser') : mt('disableUser')}
          </h2>
          <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">{person.disabled ? mt('enableExplain') : mt('disableExplain')}</p>
          <ActionForm action={setUserDisabledForm} idPrefix="access" confirmText={person.disabled ? undefined : mt('confirmDisable', { name: person.name })}>
            <input type="hidden" name="id" value={person.id} />
            <input type="hidden" name="disabled" value={person.disabled ? 'false' : 'true'} />
            <SubmitButton className="admin-button">{person.disabled ? mt('enableUser') : mt('disableUser')}</SubmitButton>
          </ActionForm>
        </section>
      )}
      {mayResetPassword ? (
        <section aria-labelledby="password-heading" className="admin-card">
          <h2 id="password-heading" className="mb-1 font-semibold">
            {mt('resetPassword')}
          </h2>
          <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">{mt('resetExplain')}</p>
          <ActionForm action={resetUserPasswordForm} idPrefix="reset" resetOnSuccess className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="id" value={person.id} />
            {/* Lets password managers tie the new password to this account, not to the admin's own. */}
            <input type="text" name="username" value={person.email} autoComplete="username" readOnly hidden />
            <TextField
              form="reset"
              name="password"
              label={t('newPassword')}
              hint={mt('passwordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
              type="password"
              required
              minLength={PASSWORD_MIN}
              maxLength={PASSWORD_MAX}
              autoComplete="new-password"
            />
            {needsReauth ? (
              <TextField form="reset" name="currentPassword" label={mt('yourCurrentPassword')} hint={mt('reauthHint')} type="password" required maxLength={PASSWORD_MAX} autoComplete="current-password" />
            ) : null}
            <SubmitButton className="admin-button">{mt('resetPassword')}</SubmitButton>
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
