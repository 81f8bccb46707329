import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { articleIdOr404 } from '@/components/admin/editor/article-param';
import { ArticleEditor } from '@/components/admin/editor/ArticleEditor.client';
import { loadEditorContext, toEditorArticle } from '../editor-context';
import { requirePageUser } from '@/services/auth/session';
import { adminPage } from '@/services/admin/page-context';
import { listArticleNoticesForAdmin } from '@/db/queries/admin/article-notices';
import { ArticleNoticesCard } from '@/components/admin/editor/ArticleNoticesCard';
import { ArticleConversationCard } from '@/components/admin/editor/ArticleConversationCard';
import { listArticleComments } from '@/db/queries/admin/article-comments';
import { formatDateTime } from '@/domain/i18n/format';
import { getSettings } from '@/services/reader';
import { listAttachmentsForAdmin } from '@/db/queries/admin/attachments';
import { ArticleAttachmentsCard } from '@/components/admin/editor/ArticleAttachmentsCard';
import { config } from '@/domain/config.mjs';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requirePageUser();
  const article = await getArticleForEdit(await getDb(), user, articleIdOr404((await params).id));
  return { title: article?.values.title || undefined, robots: { index: false } };
}

export default async function EditArticlePage({ params }: Props) {
  const { user, mt, locale, db } = await adminPage(null);
  const id = articleIdOr404((await params).id);
  const article = await getArticleForEdit(db, user, id);
  if (!article) notFound();
  const context = await loadEditorContext(user, article.values.authorIds);
  // Corrections and significant updates belong to a story readers have seen, and to whoever may publish it.
  const showNotices = article.status === 'published' && !article.deleted && article.permissions.publish;
  const [notices, comments, settings, attachments] = await Promise.all([
    showNotices ? listArticleNoticesForAdmin(db, user, id) : [],
    listArticleComments(db, user, id),
    getSettings(),
    listAttachmentsForAdmin(db, user, id),
  ]);
  const formatTime = (iso: string) => formatDateTime(iso, locale, settings.timeZone);
  // No key by version: an action that revalidates re-renders this page, and the editor must keep
  // what is being typed (it refreshes its own workflow state).
  return (
    <>
      <ArticleEditor article={toEditorArticle(article)} context={context} />
      {showNotices ? <ArticleNoticesCard articleId={id} notices={notices} mt={mt} formatTime={formatTime} /> : null}
      <ArticleAttachmentsCard articleId={id} attachments={attachments} mt={mt} editable={article.permissions.edit && !article.deleted} maxMb={Math.round(config().ATTACHMENT_MAX_BYTES / 1024 / 1024)} />
      <ArticleConversationCard articleId={id} comments={comments} mt={mt} formatTime={formatTime} closed={article.deleted} />
    </>
  );
}
