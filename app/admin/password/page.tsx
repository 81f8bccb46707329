import { redirect } from 'next/navigation';
import { requestPasswordResetForm } from '@/actions/password';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { TextField } from '@/components/admin/forms/Field';
import { SignedOutNotice, SignedOutPage } from '@/components/admin/SignedOutPage';
import { adminTranslator } from '@/services/admin/locale';
import { getCurrentUser } from '@/services/auth/session';
import { getSettings } from '@/services/reader';
import { manageT } from '@/domain/i18n/admin-manage';
import { translateMessage } from '@/domain/i18n/server-messages';
import { mailEnabled } from '@/domain/env';

export const dynamic = 'force-dynamic';

/** "Forgot your password": a link by mail when the site has SMTP, otherwise whom to ask. */
export default async function ForgotPasswordPage() {
  if (await getCurrentUser()) redirect('/admin/account');
  const [{ t, locale }, settings] = await Promise.all([adminTranslator(), getSettings()]);
  const mt = manageT(locale);
  return (
    <SignedOutPage siteName={settings.name} title={mt('forgotTitle')} backLabel={mt('backToSignIn')}>
      {mailEnabled() ? (
        <>
          <p className="mb-4 text-sm text-neutral-700 dark:text-neutral-300">{mt('forgotIntro')}</p>
          <ActionForm action={requestPasswordResetForm} idPrefix="forgot">
            <TextField form="forgot" name="email" label={t('email')} type="email" required maxLength={320} autoComplete="email" />
            <SubmitButton className="admin-button-primary mt-4 w-full">{mt('forgotSend')}</SubmitButton>
          </ActionForm>
        </>
      ) : (
        <SignedOutNotice role="status">{translateMessage(locale, { code: 'mailNotConfigured' })}</SignedOutNotice>
      )}
    </SignedOutPage>
  );
}
