import { notFound } from 'next/navigation';
import { getOwnProfile } from '@/db/queries/admin/users-admin';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextAreaField, TextField } from '@/components/admin/forms/Field';
import { managePage } from '@/services/admin/page-context';
import { staffPageMetadata } from '@/services/admin/metadata';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/domain/auth/password-rules';
import { changePasswordForm, setUiLocaleForm, updateProfileForm } from '../../../../actions/account';

export const generateMetadata = () => staffPageMetadata(null, ({ t }) => t('account'));

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, t, mt, db } = await managePage(null);
  const [profile, query] = await Promise.all([getOwnProfile(db, user.id), searchParams]);
  if (!profile) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('account')}</h1>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        {profile.email} · {t(`role_${user.role}`)}
      </p>
      <section aria-labelledby="account-profile" className="admin-card">
        <h2 id="account-profile" className="mb-3 font-semibold">
          {mt('profile')}
        </h2>
        <ActionForm action={updateProfileForm} idPrefix="profile" className="space-y-4">
          <TextField form="profile" name="name" label={mt('displayName')} hint={mt('displayNameHint')} required maxLength={100} defaultValue={profile.name} autoComplete="name" />
          <TextAreaField form="profile" name="bio" label={mt('bio')} hint={mt('bioHint')} maxLength={2000} rows={4} defaultValue={profile.bio} />
          <SubmitButton>{t('save')}</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="account-language" className="admin-card">
        <h2 id="account-language" className="mb-3 font-semibold">
          {t('language')}
        </h2>
        <ActionForm action={setUiLocaleForm} idPrefix="language" className="flex flex-wrap items-end gap-3">
          <SelectField form="language" name="uiLocale" label={t('language')} defaultValue={profile.uiLocale ?? ''}>
            <option value="">{t('followSite')}</option>
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </SelectField>
          <SubmitButton className="admin-button">{t('save')}</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="account-password" className="admin-card">
        <h2 id="account-password" className="mb-1 font-semibold">
          {t('changePassword')}
        </h2>
        <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">{mt('changePasswordExplain')}</p>
        {query.passwordChanged ? (
          <p role="status" className="mb-3 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
            ✓ {mt('passwordChanged')}
          </p>
        ) : null}
        <ActionForm action={changePasswordForm} idPrefix="password" resetOnSuccess className="max-w-md space-y-4">
          <input type="text" name="username" value={profile.email} autoComplete="username" readOnly hidden />
          <TextField form="password" name="currentPassword" label={t('currentPassword')} type="password" required maxLength={PASSWORD_MAX} autoComplete="current-password" />
          <TextField
            form="password"
            name="newPassword"
            label={t('newPassword')}
            hint={mt('passwordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            type="password"
            required
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            autoComplete="new-password"
          />
          <SubmitButton>{t('changePassword')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
