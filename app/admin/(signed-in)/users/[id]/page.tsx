import { notFound } from 'next/navigation';
import { getUserForAdmin } from '@/db/queries/admin/users-admin';
import { ButtonForm } from '@/components/admin/kit/ButtonForm';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextField } from '@/components/admin/forms/Field';
import { NewPasswordField } from '@/components/admin/forms/NewPasswordField';
import { idOr404, adminPage } from '@/services/admin/page-context';
import { RoleGuide } from '@/components/admin/forms/RoleGuide';
import { RoleOptions } from '@/components/admin/forms/RoleOptions';
import { UserStatus } from '@/components/admin/forms/UserStatus';
import { adminPageMetadata } from '@/services/admin/metadata';
import { PASSWORD_MAX } from '@/domain/auth/password-rules';
import { changeUserRoleForm, resetUserPasswordForm, sendInvitationForm, setUserDisabledForm, updateUserDetailsForm } from '../../../../../actions/users';
import { mailEnabled } from '@/domain/env';

export const generateMetadata = () => adminPageMetadata('user:manage', ({ t }) => t('users'));

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { user: me, t, mt, db } = await adminPage('user:manage');
  const person = await getUserForAdmin(db, idOr404((await params).id));
  if (!person) notFound();
  const protectedOwner = person.isOwner;
  const mayResetPassword = !person.isOwner || person.id === me.id;
  // Same rule as resetUserPassword in the DAL: an admin's password needs the actor's own, unless the actor is the owner.
  const needsReauth = person.role === 'admin' && !me.isOwner;
  // Same rule as updateUserDetails: another admin's email is the owner's to change.
  const emailOwnerOnly = person.role === 'admin' && person.id !== me.id && !me.isOwner;
  return (
    <div className="space-y-6">
      <PageHeader title={person.name} back={{ href: '/admin/users', label: t('users'), navLabel: mt('breadcrumb') }} />
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
      {protectedOwner && person.id !== me.id ? null : (
        <Card id="details-heading" title={mt('userDetails')} titleClassName={CARD_TITLE.compact} intro={mt('userDetailsExplain')}>
          <ActionForm action={updateUserDetailsForm} idPrefix="details" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="id" value={person.id} />
            <TextField form="details" name="name" label={mt('name')} required maxLength={100} defaultValue={person.name} />
            <TextField
              form="details"
              name="email"
              label={t('email')}
              type="email"
              required
              maxLength={320}
              defaultValue={person.email}
              readOnly={emailOwnerOnly}
              hint={emailOwnerOnly ? mt('adminEmailHint') : undefined}
            />
            <SubmitButton className="admin-button">{t('save')}</SubmitButton>
          </ActionForm>
        </Card>
      )}
      {protectedOwner ? null : (
        <Card id="role-heading" title={mt('changeRole')} titleClassName={CARD_TITLE.compact} intro={mt('sessionsEndNote')}>
          <ActionForm action={changeUserRoleForm} idPrefix="role" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="id" value={person.id} />
            <SelectField form="role" name="role" label={mt('role')} defaultValue={person.role}>
              <RoleOptions t={t} />
            </SelectField>
            <SubmitButton className="admin-button">{t('save')}</SubmitButton>
          </ActionForm>
          <RoleGuide t={t} />
        </Card>
      )}
      {protectedOwner && !person.disabled ? null : (
        <Card
          id="access-heading"
          title={person.disabled ? mt('enableUser') : mt('disableUser')}
          titleClassName={CARD_TITLE.compact}
          intro={person.disabled ? mt('enableExplain') : mt('disableExplain')}
        >
          <ButtonForm
            action={setUserDisabledForm}
            idPrefix="access"
            values={{ id: person.id, disabled: person.disabled ? 'false' : 'true' }}
            confirmText={person.disabled ? undefined : mt('confirmDisable', { name: person.name })}
            label={person.disabled ? mt('enableUser') : mt('disableUser')}
          />
        </Card>
      )}
      {/* Same rule as resendInvitation in the DAL: active, no password yet, and the site sends mail. */}
      {mailEnabled() && !person.disabled && !person.canSignIn ? (
        <Card id="invitation-heading" title={mt('invitationTitle')} titleClassName={CARD_TITLE.compact} intro={mt('invitationExplain')}>
          <ButtonForm action={sendInvitationForm} idPrefix="invitation" values={{ id: person.id }} label={mt('invitationResend')} />
        </Card>
      ) : null}
      {mayResetPassword ? (
        <Card id="password-heading" title={mt('resetPassword')} titleClassName={CARD_TITLE.compact} intro={mt('resetExplain')}>
          <ActionForm action={resetUserPasswordForm} idPrefix="reset" resetOnSuccess className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="id" value={person.id} />
            {/* Lets password managers tie the new password to this account, not to the admin's own. */}
            <input type="text" name="username" value={person.email} autoComplete="username" readOnly hidden />
            <NewPasswordField form="reset" name="password" label={t('newPassword')} mt={mt} />
            {needsReauth ? (
              <TextField form="reset" name="currentPassword" label={mt('yourCurrentPassword')} hint={mt('reauthHint')} type="password" required maxLength={PASSWORD_MAX} autoComplete="current-password" />
            ) : null}
            <SubmitButton className="admin-button">{mt('resetPassword')}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
