import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles, tags } from '../../schema';
import type { ArticleStatus } from '../../schema';
import { canEditArticle, canPublishArticle, canTransition, canViewArticleInAdmin, type Actor, type ArticleTransition } from '../../../domain/permissions';
import type { RichTextDoc } from '../../../domain/rich-text/schema';
import { loadCurrent, type ArticleSnapshot } from './article-current';
import { latestRevision } from './article-revisions';
import { transitionAllowedFrom } from './article-workflow';

export interface EditableArticleDTO {
  id: number;
  version: number;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  deleted: boolean;
  reviewNote: string;
  featured: boolean;
  pinned: boolean;
  pinnedUntil: string | null;
  locale: 'zh-CN' | 'en';
  createdById: number | null;
  /** Who last published or scheduled it (the default 责任编辑). */
  publishedById: number | null;
  values: ArticleSnapshot;
  permissions: { edit: boolean; publish: boolean; transitions: ArticleTransition[] };
}

/** The article as the editor form needs it; null when missing or not visible to this user. */
export async function getArticleForEdit(db: Database, actor: Actor, id: number): Promise<EditableArticleDTO | null> {
  const current = await loadCurrent(db, id, false);
  if (!current || !canViewArticleInAdmin(actor, current)) return null;
  const [row] = await db
    .select({
      title: articles.title,
      subtitle: articles.subtitle,
      excerpt: articles.excerpt,
      bodyJson: articles.bodyJson,
      byline: articles.byline,
      source: articles.source,
      editorName: articles.editorName,
      coverImageUrl: articles.coverImageUrl,
      coverImageAlt: articles.coverImageAlt,
      coverMediaId: articles.coverMediaId,
      coverCaption: articles.coverCaption,
      coverCredit: articles.coverCredit,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      updatedAt: articles.updatedAt,
      reviewNote: articles.reviewNote,
      locale: articles.locale,
      publishedById: articles.publishedById,
    })
    .from(articles)
    .where(eq(articles.id, id));
  const lastSnapshot = (await latestRevision(db, id))?.snapshot as Partial<ArticleSnapshot> | undefined;
  const tagNames = current.tagIds.length
    ? (await db.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.id, current.tagIds))).sort((a, b) => current.tagIds.indexOf(a.id) - current.tagIds.indexOf(b.id)).map((t) => t.name)
    : [];
  const transitions = (['submit', 'withdraw', 'publish', 'schedule', 'unpublish', 'archive', 'trash', 'restore'] as const).filter(
    (tr) => transitionAllowedFrom(tr, current.status, Boolean(current.deletedAt)) && canTransition(actor, current, tr),
  );
  return {
    id,
    version: current.version,
    status: current.status,
    publishedAt: current.publishedAt?.toISOString() ?? null,
    updatedAt: row!.updatedAt.toISOString(),
    deleted: Boolean(current.deletedAt),
    reviewNote: row!.reviewNote,
    featured: current.featured,
    pinned: current.pinned,
    pinnedUntil: current.pinnedUntil?.toISOString() ?? null,
    locale: row!.locale,
    createdById: current.createdById,
    publishedById: row!.publishedById,
    values: {
      title: row!.title,
      subtitle: row!.subtitle,
      // The excerpt as typed: an empty one is derived from the body on every save, so the form
      // must not send the derived text back as if the editor had written it.
      excerpt: typeof lastSnapshot?.excerpt === 'string' ? lastSnapshot.excerpt : row!.excerpt,
      body: row!.bodyJson as RichTextDoc,
      sectionId: current.sectionId,
      tagNames,
      authorIds: current.authorIds,
      byline: row!.byline,
      source: row!.source,
      editorName: row!.editorName,
      coverImageUrl: row!.coverImageUrl,
      coverImageAlt: row!.coverImageAlt,
      coverMediaId: row!.coverMediaId,
      coverCaption: row!.coverCaption,
      coverCredit: row!.coverCredit,
      slug: current.slug,
      seoTitle: row!.seoTitle ?? '',
      seoDescription: row!.seoDescription ?? '',
    },
    permissions: { edit: canEditArticle(actor, current) && !current.deletedAt, publish: canPublishArticle(actor, current), transitions },
  };
}
