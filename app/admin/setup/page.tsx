import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { countSignInUsers } from '@/db/queries/admin/users';
import { SetupForm } from '@/components/admin/SetupForm.client';
import { adminTranslator } from '@/services/admin/locale';
import { setupCodeRequired } from '@/domain/auth/setup-code';

export const dynamic = 'force-dynamic';

export default async function SetupPage() {
  if ((await countSignInUsers(await getDb())) > 0) redirect('/admin/login');
  const { t } = await adminTranslator();
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-2 text-center text-2xl font-bold">{t('setupTitle')}</h1>
      <p className="mb-6 text-center text-sm text-neutral-700 dark:text-neutral-300">{t('setupIntro')}</p>
      {setupCodeRequired() ? null : (
        <p role="note" className="mb-6 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {t('setupOpenDev')}
        </p>
      )}
      <SetupForm
        labels={{ name: t('yourName'), email: t('email'), password: t('password'), submit: t('createOwner'), setupCode: t('setupCode'), setupCodeHint: t('setupCodeHint') }}
        requireCode={setupCodeRequired()}
      />
    </main>
  );
}
