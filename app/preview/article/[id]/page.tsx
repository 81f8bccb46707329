import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { articleIdOr404 } from '@/components/admin/editor/article-param';
import { SitePreview } from '@/components/admin/editor/SitePreview';
import { editorT, type EditorKey } from '@/domain/i18n/admin-editor';
import { adminLocale } from '@/services/admin/locale';
import { requirePageUser } from '@/services/auth/session';
import { getSettings } from '@/services/reader';
import { loadPreview } from '../../preview-article';

// The staff preview in the reader's layout, outside the admin's. Under /preview, like share links:
// rendered per request and sent `private, no-store` + `noindex` (next.config.mjs), never through
// the page cache (UNCACHED_SEGMENTS). The admin's preview page frames it at desktop or phone width.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function StaffSitePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const id = articleIdOr404((await params).id);
  // The DAL decides who may see the article (getArticleForEdit): others get the 404 page.
  const [preview, settings, locale] = await Promise.all([loadPreview(await getDb(), user, id), getSettings(), adminLocale(user)]);
  if (!preview) notFound();
  const t = editorT(locale);
  return <SitePreview settings={settings} article={preview.article} banner={t('previewBanner', { status: t(`state_${preview.status}` as EditorKey) })} />;
}
