import { notFound } from 'next/navigation';
import { getOwnProfile } from '@/db/queries/admin/users-admin';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextAreaField, TextField } from '@/components/admin/forms/Field';
import { NewPasswordField } from '@/components/admin/forms/NewPasswordField';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { PASSWORD_MAX } from '@/domain/auth/password-rules';
import { changePasswordForm, setEmailNotificationsForm, setUiLocaleForm, updateProfileForm } from '../../../../actions/account';
import { mailEnabled } from '@/domain/env';
import { createApiTokenForm } from '../../../../actions/api-tokens';
import { listApiTokens } from '@/db/queries/admin/api-tokens';
import { ApiTokenList } from '@/components/admin/ApiTokenList';
import { getSettings } from '@/services/reader';
import { API_TOKEN_MAX_DAYS } from '@/domain/validation/api-token';

export const generateMetadata = () => adminPageMetadata(null, ({ t }) => t('account'));

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, t, mt, db, locale } = await adminPage(null);
  const [profile, query, tokens, settings] = await Promise.all([getOwnProfile(db, user.id), searchParams, listApiTokens(db, { userId: user.id }), getSettings()]);
  if (!profile) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title={t('account')} />
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        {profile.email} · {t(`role_${user.role}`)}
      </p>
      <Card id="account-profile" title={mt('profile')} titleClassName={CARD_TITLE.group}>
        <ActionForm action={updateProfileForm} idPrefix="profile" className="space-y-4">
          <TextField form="profile" name="name" label={mt('displayName')} hint={mt('displayNameHint')} required maxLength={100} defaultValue={profile.name} autoComplete="name" />
          <TextAreaField form="profile" name="bio" label={mt('bio')} hint={mt('bioHint')} maxLength={2000} rows={4} defaultValue={profile.bio} />
          <SubmitButton>{t('save')}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="account-language" title={t('language')} titleClassName={CARD_TITLE.group}>
        <ActionForm action={setUiLocaleForm} idPrefix="language" className="flex flex-wrap items-end gap-3">
          <SelectField form="language" name="uiLocale" label={t('language')} defaultValue={profile.uiLocale ?? ''}>
            <option value="">{t('followSite')}</option>
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </SelectField>
          <SubmitButton className="admin-button">{t('save')}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="account-email" title={mt('emailNotificationsTitle')} titleClassName={CARD_TITLE.compact} intro={mailEnabled() ? undefined : mt('emailNotificationsNoMail')}>
        <ActionForm action={setEmailNotificationsForm} idPrefix="email-notifications" className="flex flex-wrap items-center gap-3">
          <label className="flex items-start gap-2 text-sm">
            <input id="email-notifications-emailNotifications" type="checkbox" name="emailNotifications" defaultChecked={profile.emailNotifications} className="mt-1" />
            <span>{mt('emailNotificationsLabel')}</span>
          </label>
          <SubmitButton className="admin-button">{t('save')}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="account-password" title={t('changePassword')} titleClassName={CARD_TITLE.compact} intro={mt('changePasswordExplain')}>
        <FlashMessage show={query.passwordChanged} className="mb-3">
          {mt('passwordChanged')}
        </FlashMessage>
        <ActionForm action={changePasswordForm} idPrefix="password" resetOnSuccess className="max-w-md space-y-4">
          <input type="text" name="username" value={profile.email} autoComplete="username" readOnly hidden />
          <TextField form="password" name="currentPassword" label={t('currentPassword')} type="password" required maxLength={PASSWORD_MAX} autoComplete="current-password" />
          <NewPasswordField form="password" name="newPassword" label={t('newPassword')} mt={mt} />
          <SubmitButton>{t('changePassword')}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="account-api-tokens" title={mt('apiTokens')} titleClassName={CARD_TITLE.compact} intro={mt('apiTokensExplain')}>
        <div className="overflow-x-auto">
          <ApiTokenList tokens={tokens} mt={mt} locale={locale} timeZone={settings.timeZone} />
        </div>
        <ActionForm action={createApiTokenForm} idPrefix="api-token" resetOnSuccess className="mt-4 flex flex-wrap items-end gap-3">
          <TextField form="api-token" name="name" label={mt('apiTokenName')} hint={mt('apiTokenNameHint')} required maxLength={100} autoComplete="off" />
          <TextField form="api-token" name="expiresInDays" label={mt('apiTokenExpiresInDays')} hint={mt('apiTokenExpiresHint')} type="number" min={1} max={API_TOKEN_MAX_DAYS} inputMode="numeric" />
          <SubmitButton className="admin-button">{mt('apiTokenCreate')}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
