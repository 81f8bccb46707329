import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { PreviewArticle } from '@/components/admin/editor/PreviewArticle';
import { SiteChrome } from '@/components/site/SiteChrome';
import { editorT } from '@/lib/i18n/admin-editor';
import { verifyPreviewToken } from '@/lib/preview-token';
import { getSettings } from '@/lib/reader';
import { loadPreview, SHARE_LINK_READER } from '../preview-article';

// Outside the (site) group and rendered per request: a draft must never enter a shared cache.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const claims = verifyPreviewToken((await params).token);
  if (!claims) notFound();
  const [preview, settings] = await Promise.all([loadPreview(await getDb(), SHARE_LINK_READER, claims.articleId), getSettings()]);
  if (!preview) notFound();
  return (
    <SiteChrome>
      <PreviewArticle settings={settings} article={preview.article} banner={editorT(settings.locale)('previewSharedBanner')} />
    </SiteChrome>
  );
}
