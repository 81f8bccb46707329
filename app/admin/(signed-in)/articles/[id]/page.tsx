import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { articleIdOr404 } from '@/components/admin/editor/article-param';
import { ArticleEditor } from '@/components/admin/editor/ArticleEditor.client';
import { loadEditorContext, toEditorArticle } from '../editor-context';
import { requirePageUser } from '@/services/auth/session';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requirePageUser();
  const article = await getArticleForEdit(await getDb(), user, articleIdOr404((await params).id));
  return { title: article?.values.title || undefined, robots: { index: false } };
}

export default async function EditArticlePage({ params }: Props) {
  const user = await requirePageUser();
  const id = articleIdOr404((await params).id);
  const article = await getArticleForEdit(await getDb(), user, id);
  if (!article) notFound();
  const context = await loadEditorContext(user, article.values.authorIds);
  // No key by version: an action that revalidates re-renders this page, and the editor must keep
  // what is being typed (it refreshes its own workflow state).
  return <ArticleEditor article={toEditorArticle(article)} context={context} />;
}
