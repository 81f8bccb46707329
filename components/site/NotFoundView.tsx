import Link from 'next/link';
import { getSettings } from '@/services/reader';
import { t } from '@/domain/i18n/messages';

export async function NotFoundView() {
  const { locale } = await getSettings();
  return (
    <section className="py-16 text-center">
      <p className="text-6xl font-bold text-neutral-500 dark:text-neutral-400" aria-hidden="true">
        404
      </p>
      <h1 className="mt-4 text-2xl font-bold">{t(locale, 'notFoundTitle')}</h1>
      <p className="mt-2 text-neutral-700 dark:text-neutral-300">{t(locale, 'notFoundText')}</p>
      <p className="mt-6">
        <Link href="/" className="text-emerald-800 underline dark:text-emerald-300">
          {t(locale, 'backHome')}
        </Link>
      </p>
    </section>
  );
}
