import 'server-only';
import type { Database } from '@/db/client';
import type { ArticleDTO } from '@/db/queries/dto';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { listTagsForAdmin } from '@/db/queries/admin/taxonomy';
import { listStaff } from '@/db/queries/admin/users';
import { listArticleNoticesForAdmin } from '@/db/queries/admin/article-notices';
import { listAttachmentsForAdmin } from '@/db/queries/admin/attachments';
import type { Actor } from '@/domain/permissions';
import { editorCredit } from '@/domain/attribution';
import { renderRichText } from '@/domain/rich-text/render';

export interface PreviewData {
  article: ArticleDTO;
  status: string;
}

/**
 * A draft shaped as the reader's ArticleDTO, rendered fresh from the editor document: never read
 * from the public cache, never written to it.
 */
export async function loadPreview(db: Database, actor: Actor, id: number): Promise<PreviewData | null> {
  const dto = await getArticleForEdit(db, actor, id);
  if (!dto || dto.deleted) return null;
  const [staff, tags, noticeRows, attachments] = await Promise.all([listStaff(db), listTagsForAdmin(db), listArticleNoticesForAdmin(db, actor, id), listAttachmentsForAdmin(db, actor, id)]);
  const notices = noticeRows.map((n) => ({ id: n.id, kind: n.kind, note: n.note, at: n.createdAt }));
  const { values } = dto;
  const authors = values.authorIds.flatMap((authorId) => {
    const person = staff.find((s) => s.id === authorId);
    return person ? [{ id: person.id, slug: person.slug, name: person.name }] : [];
  });
  const articleTags = values.tagNames.flatMap((name) => {
    const tag = tags.find((t) => t.name === name);
    return tag ? [{ id: tag.id, slug: tag.slug, name: tag.name, description: '' }] : [];
  });
  return {
    status: dto.status,
    article: {
      id: dto.id,
      slug: values.slug,
      title: values.title,
      subtitle: values.subtitle,
      excerpt: values.excerpt,
      bodyHtml: renderRichText(values.body, { locale: values.locale }),
      // An unpublished story shows the time it would go out if published now.
      publishedAt: dto.publishedAt ?? new Date().toISOString(),
      updatedAt: dto.updatedAt,
      revisedAt: notices.at(-1)?.at ?? null,
      notices,
      attachments,
      // A preview shows the story's own words; which topics list it is the topics' business.
      topics: [],
      sectionId: values.sectionId,
      coverImageUrl: values.coverImageUrl,
      coverImageAlt: values.coverImageAlt,
      cover: values.coverImageUrl
        ? { src: values.coverImageUrl, alt: values.coverImageAlt, width: null, height: null, webpSrcset: '', fallbackSrcset: '', og: null, caption: values.coverCaption ?? '', credit: values.coverCredit ?? '' }
        : null,
      viewCount: 0,
      byline: values.byline,
      source: values.source,
      // Not yet published: whoever looks now stands in for the editor who will publish it.
      editor: editorCredit(values.editorName ?? '', staff.find((s) => s.id === (dto.publishedById ?? actor.id))?.name),
      locale: dto.locale,
      featured: dto.featured,
      pinned: dto.pinned,
      seoTitle: values.seoTitle || null,
      seoDescription: values.seoDescription || null,
      authors,
      tags: articleTags,
    },
  };
}
