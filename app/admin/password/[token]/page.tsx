import Link from 'next/link';
import { getDb } from '@/db/client';
import { openPasswordLink } from '@/db/queries/admin/password-links';
import { setPasswordByLinkForm } from '@/actions/password';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { NewPasswordField } from '@/components/admin/forms/NewPasswordField';
import { SignedOutNotice, SignedOutPage } from '@/components/admin/SignedOutPage';
import { adminTranslator } from '@/services/admin/locale';
import { getSettings } from '@/services/reader';
import { manageT } from '@/domain/i18n/admin-manage';
import { translateMessage } from '@/domain/i18n/server-messages';

export const dynamic = 'force-dynamic';

/**
 * Where a mailed link lands: a reset or an invitation, while it works. Opening the page spends
 * nothing (mail scanners open links); only setting the password uses the link up.
 */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [{ t, locale }, settings, link] = await Promise.all([adminTranslator(), getSettings(), openPasswordLink(await getDb(), token)]);
  const mt = manageT(locale);
  if (!link) {
    return (
      <SignedOutPage siteName={settings.name} title={mt('linkInvalidTitle')} backLabel={mt('backToSignIn')}>
        <SignedOutNotice role="alert">{translateMessage(locale, { code: 'passwordLinkInvalid' })}</SignedOutNotice>
        <p className="mt-6 text-center text-sm">
          <Link className="underline" href="/admin/password">
            {mt('forgotTitle')}
          </Link>
        </p>
      </SignedOutPage>
    );
  }
  const invitation = link.purpose === 'invitation';
  return (
    <SignedOutPage siteName={settings.name} title={invitation ? mt('welcomeTitle', { name: link.name }) : mt('setPasswordTitle')} backLabel={mt('backToSignIn')}>
      <p className="mb-4 text-sm text-neutral-700 dark:text-neutral-300">{mt(invitation ? 'welcomeIntro' : 'setPasswordIntro', { email: link.email })}</p>
      <ActionForm action={setPasswordByLinkForm} idPrefix="set-password">
        <input type="hidden" name="token" value={token} />
        {/* For password managers: which account the new password belongs to. */}
        <input type="email" name="username" value={link.email} autoComplete="username" readOnly hidden />
        <NewPasswordField form="set-password" name="password" label={t('password')} mt={mt} />
        <SubmitButton className="admin-button-primary mt-4 w-full">{mt('setPasswordSubmit')}</SubmitButton>
      </ActionForm>
    </SignedOutPage>
  );
}
