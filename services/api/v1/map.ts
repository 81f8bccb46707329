import type { ArticleCardDTO, ArticleDTO, SectionDTO, TagDTO } from '@/db/queries/dto';
import type { Article, ArticleListField, ArticleSummary, Section } from '../../../domain/api/v1/schemas';

/** Reader DTOs → the API's snake_case shapes (./schemas.ts). Nothing else reaches a response. */

export function articleSummaryOf(card: ArticleCardDTO): ArticleSummary {
  return {
    id: card.id,
    slug: card.slug,
    title: card.title,
    excerpt: card.excerpt,
    published_at: card.publishedAt,
    section_id: card.sectionId,
    byline: card.byline,
    locale: card.locale,
    cover_image_url: card.coverImageUrl,
    cover_image_alt: card.coverImageAlt,
    view_count: card.viewCount,
    featured: card.featured,
    pinned: card.pinned,
  };
}

export function pickFields(summary: ArticleSummary, fields: ArticleListField[] | undefined): Partial<ArticleSummary> & { id: number } {
  if (!fields) return summary;
  const picked: Partial<ArticleSummary> & { id: number } = { id: summary.id };
  for (const field of fields) Object.assign(picked, { [field]: summary[field] });
  return picked;
}

export function articleOf(dto: ArticleDTO, bodyJson: unknown): Article {
  return {
    ...articleSummaryOf(dto),
    subtitle: dto.subtitle,
    body_html: dto.bodyHtml,
    body_json: bodyJson,
    source: dto.source,
    seo_title: dto.seoTitle,
    seo_description: dto.seoDescription,
    updated_at: dto.updatedAt,
    cover: dto.cover && { src: dto.cover.src, alt: dto.cover.alt, width: dto.cover.width, height: dto.cover.height },
    authors: dto.authors.map(({ id, slug, name }) => ({ id, slug, name })),
    tags: dto.tags.map(({ id, slug, name, description }) => ({ id, slug, name, description })),
  };
}

/** The sections as a tree, each level in the reader's order (sort order, then id). */
export function sectionTree(all: SectionDTO[]): Section[] {
  const nodes = new Map<number, Section>(all.map((s) => [s.id, { id: s.id, parent_id: s.parentId, slug: s.slug, title: s.title, description: s.description, sort_order: s.sortOrder, children: [] }]));
  const roots: Section[] = [];
  for (const s of all) {
    const node = nodes.get(s.id)!;
    const parent = s.parentId === null ? undefined : nodes.get(s.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function tagOf(tag: TagDTO) {
  return { id: tag.id, slug: tag.slug, name: tag.name, description: tag.description };
}
