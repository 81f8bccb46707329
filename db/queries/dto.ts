import type { Locale } from '../../domain/i18n/messages';
import type { NavItem } from '../schema';
import type { DocumentKind } from '../../domain/media/document-kind';

/** DTOs are plain JSON (dates as ISO strings) so they survive the data cache and the RSC boundary. */

export interface SiteSettingsDTO {
  name: string;
  tagline: string;
  hotline: string;
  logoUrl: string | null;
  locale: Locale;
  timeZone: string;
  footerText: string;
  icp: string;
  policeFiling: string;
  reprintTemplate: string;
  /** Feeds carry the full text (else the summary only). */
  feedFullText: boolean;
  nav: NavItem[];
}

export interface SectionDTO {
  id: number;
  parentId: number | null;
  slug: string;
  title: string;
  description: string;
  seoTitle: string | null;
  seoDescription: string | null;
  sortOrder: number;
}

export interface ArticleCardDTO {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  publishedAt: string;
  sectionId: number;
  coverImageUrl: string | null;
  coverImageAlt: string;
  viewCount: number;
  byline: string;
  locale: Locale;
  featured: boolean;
  pinned: boolean;
}

export interface PersonDTO {
  id: number;
  slug: string;
  name: string;
}

export interface TagDTO {
  id: number;
  slug: string;
  name: string;
  description: string;
}

export interface CoverDTO {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  webpSrcset: string;
  fallbackSrcset: string;
  /** 1200×630 crop for og:image, when the cover comes from the media library. */
  og: string | null;
  /** Printed under the image; '' for none. */
  caption: string;
  credit: string;
}

export interface ArticleDTO extends ArticleCardDTO {
  cover: CoverDTO | null;
  subtitle: string;
  bodyHtml: string;
  source: string;
  /** 责任编辑, resolved (domain/attribution.ts editorCredit); '' when there is none to print. */
  editor: string;
  seoTitle: string | null;
  seoDescription: string | null;
  updatedAt: string;
  /** The last significant update or correction (更新时间), null when there is none: minor edits do not count. */
  revisedAt: string | null;
  notices: ArticleNoticeDTO[];
  /** The published topics (专题) it belongs to. */
  topics: { slug: string; title: string }[];
  /** Files listed for download under the story (附件下载). */
  attachments: { id: number; fileName: string; kind: DocumentKind; bytes: number; url: string }[];
  authors: PersonDTO[];
  tags: TagDTO[];
}

export interface AuthorDTO extends PersonDTO {
  bio: string;
  avatarUrl: string | null;
}

export interface PageDTO {
  id: number;
  slug: string;
  title: string;
  bodyHtml: string;
  seoTitle: string | null;
  seoDescription: string | null;
  updatedAt: string;
}

/** A significant update or a correction of a story, as readers see it. */
export interface ArticleNoticeDTO {
  id: number;
  kind: 'update' | 'correction';
  note: string;
  at: string;
}

/** One line of /corrections. */
export interface CorrectionDTO {
  id: number;
  note: string;
  at: string;
  article: { id: number; slug: string; title: string };
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The list is longer than it pages (`total` is then the pageable part, a lower bound). */
  capped?: boolean;
}
