import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/admin/editor/ArticleEditor.client';
import { loadEditorContext } from '../editor-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { can } from '@/domain/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { ...(await adminPageMetadata('article:create', ({ et }) => et('newArticleTitle'))), robots: { index: false } };
}

export default async function NewArticlePage() {
  const user = await requirePageUser();
  if (!can(user.role, 'article:create')) notFound();
  const context = await loadEditorContext(user);
  return <ArticleEditor article={null} context={context} />;
}
