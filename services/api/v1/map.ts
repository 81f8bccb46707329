import type { ArticleCardDTO, ArticleDTO, AuthorDTO, PageDTO, PersonDTO, SectionDTO, SiteSettingsDTO, TagDTO } from '@/db/queries/dto';
import type { Article, ArticleListField, ArticleSummary, Section } from '../../../domain/api/v1/schemas';
import { siteUrl } from '../../../domain/env';
import { absoluteUrl, articlePath, authorPath, pagePath, sectionPath, tagPath } from '../../../domain/urls';

/**
 * Reader DTOs → the API's snake_case shapes (domain/api/v1/schemas.ts). Nothing else reaches a
 * response. Every `url` is the thing's canonical page on the site, absolute (SITE_URL), so a client
 * links to the same address the site's canonical tags name.
 */

const urlOf = (path: string) => absoluteUrl(siteUrl(), path);

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
    url: urlOf(articlePath(card)),
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
    editor: dto.editor,
    seo_title: dto.seoTitle,
    seo_description: dto.seoDescription,
    updated_at: dto.updatedAt,
    revised_at: dto.revisedAt,
    notices: dto.notices.map((n) => ({ kind: n.kind, note: n.note, at: n.at })),
    cover: dto.cover && { src: dto.cover.src, alt: dto.cover.alt, width: dto.cover.width, height: dto.cover.height, caption: dto.cover.caption, credit: dto.cover.credit },
    authors: dto.authors.map(personOf),
    tags: dto.tags.map(tagOf),
  };
}

/** The sections as a tree, each level in the reader's order (sort order, then id). */
export function sectionTree(all: SectionDTO[]): Section[] {
  const nodes = new Map<number, Section>(all.map((s) => [s.id, { id: s.id, parent_id: s.parentId, slug: s.slug, title: s.title, description: s.description, sort_order: s.sortOrder, url: urlOf(sectionPath(s)), children: [] }]));
  const roots: Section[] = [];
  for (const s of all) {
    const node = nodes.get(s.id)!;
    const parent = s.parentId === null ? undefined : nodes.get(s.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function tagOf(tag: TagDTO) {
  return { id: tag.id, slug: tag.slug, name: tag.name, description: tag.description, url: urlOf(tagPath(tag)) };
}

export function personOf(person: PersonDTO) {
  return { id: person.id, slug: person.slug, name: person.name, url: urlOf(authorPath(person)) };
}

export function authorOf(author: AuthorDTO) {
  return { ...personOf(author), bio: author.bio, avatar_url: author.avatarUrl };
}

export function pageOf(page: PageDTO) {
  const { id, slug, title, bodyHtml, seoTitle, seoDescription, updatedAt } = page;
  return { id, slug, title, body_html: bodyHtml, seo_title: seoTitle, seo_description: seoDescription, updated_at: updatedAt, url: urlOf(pagePath(page)) };
}

/** The public settings only: nothing an editor sets for the admin alone. Nav links made absolute. */
export function siteOf(settings: SiteSettingsDTO) {
  return {
    name: settings.name,
    tagline: settings.tagline,
    url: siteUrl(),
    locale: settings.locale,
    time_zone: settings.timeZone,
    logo_url: settings.logoUrl,
    hotline: settings.hotline,
    footer_text: settings.footerText,
    icp: settings.icp,
    police_filing: settings.policeFiling,
    nav: settings.nav.map((item) => ({ label: item.label, url: item.href.startsWith('/') ? urlOf(item.href) : item.href })),
  };
}
