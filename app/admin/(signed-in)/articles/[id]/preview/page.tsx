import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { articleIdOr404 } from '@/components/admin/editor/article-param';
import { getOwnership } from '@/db/queries/admin/article-current';
import { adminLocale } from '@/services/admin/locale';
import { adminPageMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { editorT } from '@/domain/i18n/admin-editor';
import { canViewArticleInAdmin } from '@/domain/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { ...(await adminPageMetadata(null, ({ et }) => et('preview'))), robots: { index: false, follow: false } };
}

/** A phone as wide as common ones are (CSS pixels); the frame then lays the page out at that width. */
const PHONE_WIDTH = 390;

/**
 * The staff preview: the story in the reader's own layout (/preview/article/[id], framed), at
 * desktop or phone width. The switch is two links, so it works before any script has loaded.
 */
export default async function AdminPreviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ device?: string }> }) {
  const user = await requirePageUser();
  const id = articleIdOr404((await params).id);
  const phone = (await searchParams).device === 'phone';
  const [current, locale] = await Promise.all([getOwnership(await getDb(), id), adminLocale(user)]);
  if (!current || !canViewArticleInAdmin(user, current)) notFound();
  const t = editorT(locale);
  const src = `/preview/article/${id}`;
  const option = (device: 'desktop' | 'phone', label: string) => (
    <Link
      href={device === 'phone' ? '?device=phone' : '?'}
      aria-current={(device === 'phone') === phone ? 'true' : undefined}
      className="admin-button aria-[current=true]:bg-neutral-900 aria-[current=true]:text-white dark:aria-[current=true]:bg-neutral-100 dark:aria-[current=true]:text-neutral-900"
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('preview')}</h1>
        <nav aria-label={t('previewWidth')} className="flex gap-2">
          {option('desktop', t('previewDesktop'))}
          {option('phone', t('previewPhone'))}
        </nav>
        <div className="flex gap-3 text-sm">
          <Link href={`/admin/articles/${id}`} className="underline">
            {t('backToEditor')}
          </Link>
          <a href={src} target="_blank" rel="noreferrer" className="underline">
            {t('previewInSite')}
          </a>
        </div>
      </div>
      <iframe
        src={src}
        title={t('preview')}
        data-testid="site-preview"
        // At phone width the border sits outside the frame, so the page inside is exactly 390 px wide.
        className={`mx-auto block h-[80vh] rounded border border-neutral-300 bg-white dark:border-neutral-700 ${phone ? 'box-content' : ''}`}
        style={{ width: phone ? PHONE_WIDTH : '100%' }}
      />
    </div>
  );
}
