import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { articleIdOr404 } from '@/components/admin/editor/article-param';
import { PreviewArticle } from '@/components/admin/editor/PreviewArticle';
import { loadPreview } from '@/app/preview/preview-article';
import { adminLocale } from '@/services/admin/locale';
import { adminPageMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { editorT, type EditorKey } from '@/domain/i18n/admin-editor';
import { getSettings } from '@/services/reader';

export async function generateMetadata(): Promise<Metadata> {
  return { ...(await adminPageMetadata(null, ({ et }) => et('preview'))), robots: { index: false, follow: false } };
}

export default async function AdminPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const id = articleIdOr404((await params).id);
  const [preview, settings, locale] = await Promise.all([loadPreview(await getDb(), user, id), getSettings(), adminLocale(user)]);
  if (!preview) notFound();
  const t = editorT(locale);
  return <PreviewArticle settings={settings} article={preview.article} banner={t('previewBanner', { status: t(`state_${preview.status}` as EditorKey) })} />;
}
