import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/admin/editor/ArticleEditor.client';
import { loadEditorContext } from '@/components/admin/editor/load-context';
import { staffPageMetadata } from '@/lib/admin-metadata';
import { requirePageUser } from '@/lib/auth/session';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { ...(await staffPageMetadata('article:create', ({ et }) => et('newArticleTitle'))), robots: { index: false } };
}

export default async function NewArticlePage() {
  const user = await requirePageUser();
  if (!can(user.role, 'article:create')) notFound();
  const context = await loadEditorContext(user);
  return <ArticleEditor article={null} context={context} />;
}
