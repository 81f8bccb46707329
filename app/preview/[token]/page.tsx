import { authSecret } from '@/services/auth/secret';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { openPreviewLink } from '@/db/queries/admin/preview-links';
import { SitePreview } from '@/components/admin/editor/SitePreview';
import { editorT } from '@/domain/i18n/admin-editor';
import { verifyPreviewToken } from '@/domain/preview-token';
import { getSettings } from '@/services/reader';
import { loadPreview } from '../preview-article';

// Outside the (site) group and rendered per request: a draft must never enter a shared cache.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const claims = verifyPreviewToken((await params).token, { secret: authSecret() });
  if (!claims) notFound();
  const db = await getDb();
  // The link's row decides: unrevoked, unexpired, its creator active and still allowed to see the
  // article. The article is then read as its creator would see it in the admin.
  const creator = await openPreviewLink(db, claims);
  if (!creator) notFound();
  const [preview, settings] = await Promise.all([loadPreview(db, creator, claims.articleId), getSettings()]);
  if (!preview) notFound();
  return <SitePreview settings={settings} article={preview.article} banner={editorT(settings.locale)('previewSharedBanner')} />;
}
