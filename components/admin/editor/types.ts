import type { SensitiveWordRule } from '@/domain/publishing/sensitive-words';
import type { ArticleTransition } from '@/domain/permissions';
import type { ArticleLocale, EditorSource } from './form-model';

export type ArticleState = 'draft' | 'in_review' | 'scheduled' | 'published' | 'archived';

/** The article as the editor island receives it (a plain copy of EditableArticleDTO). */
export interface EditorArticle extends EditorSource {
  id: number;
  version: number;
  status: ArticleState;
  deleted: boolean;
  reviewNote: string;
  permissions: { edit: boolean; publish: boolean; transitions: ArticleTransition[] };
}

export interface SectionOption {
  id: number;
  title: string;
  depth: number;
}

export interface StaffOption {
  id: number;
  name: string;
}

export interface EditorContext {
  uiLocale: ArticleLocale;
  timeZone: string;
  siteLocale: ArticleLocale;
  sections: SectionOption[];
  staff: StaffOption[];
  tagSuggestions: string[];
  /** Editors pick the staff authors and set featured/pinned; others see them read-only. */
  canEditAuthors: boolean;
  canFeature: boolean;
  canReview: boolean;
  /** The site's sensitive-word list and whether it blocks (the checklist's item, the body's highlights). */
  sensitiveWords: SensitiveWordRule;
}
