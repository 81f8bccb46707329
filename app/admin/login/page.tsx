import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { countSignInUsers } from '@/db/queries/admin/users';
import { LoginForm } from '@/components/admin/LoginForm.client';
import { adminTranslator } from '@/services/admin/locale';
import { getCurrentUser } from '@/services/auth/session';
import { getSettings } from '@/services/reader';
import { manageT } from '@/domain/i18n/admin-manage';

export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if ((await countSignInUsers(await getDb())) === 0) redirect('/admin/setup');
  if (await getCurrentUser()) redirect('/admin');
  const [{ t, locale }, settings] = await Promise.all([adminTranslator(), getSettings()]);
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">{settings.name}</p>
      <h1 className="mb-6 text-center text-2xl font-bold">{t('signInTitle')}</h1>
      {(await searchParams).passwordSet ? (
        <p role="status" className="mb-4 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          {manageT(locale)('passwordSetSignIn')}
        </p>
      ) : null}
      <LoginForm labels={{ email: t('email'), password: t('password'), signIn: t('signIn'), wrongCredentials: t('wrongCredentials'), rateLimited: t('rateLimited') }} />
      {/* Without mail the page there says whom to ask instead. */}
      <p className="mt-6 text-center text-sm">
        <Link className="underline" href="/admin/password">
          {manageT(locale)('forgotPassword')}
        </Link>
      </p>
    </main>
  );
}
