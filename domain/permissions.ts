import type { ArticleStatus, UserRole } from './enums';

/**
 * The role → permission table. Every Server Action and route handler names the permission it
 * needs; the UI only hides what the server refuses anyway.
 */
export const PERMISSIONS = {
  'article:create': ['contributor', 'author', 'editor', 'admin'],
  'article:submit': ['contributor', 'author', 'editor', 'admin'],
  'article:publish-own': ['author', 'editor', 'admin'],
  'article:edit-any': ['editor', 'admin'],
  'article:publish-any': ['editor', 'admin'],
  'article:review': ['editor', 'admin'],
  'article:trash-any': ['editor', 'admin'],
  'article:bulk': ['editor', 'admin'],
  'tag:create': ['author', 'editor', 'admin'],
  'tag:manage': ['editor', 'admin'],
  'section:manage': ['editor', 'admin'],
  'page:manage': ['editor', 'admin'],
  'redirect:manage': ['editor', 'admin'],
  'breaking:manage': ['editor', 'admin'],
  /** 专题: ordered collections of stories with their own page, feed and menu entry. */
  'topic:manage': ['editor', 'admin'],
  'media:upload': ['contributor', 'author', 'editor', 'admin'],
  /** One's own notifications (the bell). */
  'notification:read': ['contributor', 'author', 'editor', 'admin'],
  'media:manage': ['editor', 'admin'],
  'stats:read': ['editor', 'admin'],
  'user:manage': ['admin'],
  'settings:manage': ['admin'],
  'audit:read': ['admin'],
  /** Bringing a whole site in (WordPress): administrators, the owner among them. */
  'import:run': ['admin'],
  // Webhook secrets sign what other systems trust: administrators (the owner is one) only.
  'webhook:manage': ['admin'],
  /** Revoke anyone's personal API token (everyone may revoke their own). */
  'api-token:revoke-any': ['admin'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ROLES: readonly UserRole[] = ['contributor', 'author', 'editor', 'admin'];

export function can(role: UserRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}

export interface Actor {
  id: number;
  role: UserRole;
}

export interface ArticleOwnership {
  status: ArticleStatus;
  createdById: number | null;
  authorIds: number[];
  deletedAt: string | Date | null;
}

export function ownsArticle(actor: Actor, article: Pick<ArticleOwnership, 'createdById' | 'authorIds'>): boolean {
  return article.createdById === actor.id || article.authorIds.includes(actor.id);
}

const PUBLIC_STATES: readonly ArticleStatus[] = ['published', 'scheduled'];

/** Contributors edit their own drafts only; authors their own stories in any state; editors everything. */
export function canEditArticle(actor: Actor, article: ArticleOwnership): boolean {
  if (can(actor.role, 'article:edit-any')) return true;
  if (!ownsArticle(actor, article) || article.deletedAt) return false;
  if (actor.role === 'author') return true;
  return article.status === 'draft';
}

export function canPublishArticle(actor: Actor, article: ArticleOwnership): boolean {
  if (can(actor.role, 'article:publish-any')) return true;
  return can(actor.role, 'article:publish-own') && ownsArticle(actor, article) && !article.deletedAt;
}

export function canViewArticleInAdmin(actor: Actor, article: ArticleOwnership): boolean {
  if (can(actor.role, 'article:edit-any')) return true;
  return ownsArticle(actor, article);
}

/** A preview share link is revoked by whoever created it, or by an editor. */
export function canRevokePreviewLink(actor: Actor, link: { createdById: number }): boolean {
  return link.createdById === actor.id || can(actor.role, 'article:edit-any');
}

/** Staff may delete (to the trash) their own unpublished drafts; editors anything. */
export function canTrashArticle(actor: Actor, article: ArticleOwnership): boolean {
  if (can(actor.role, 'article:trash-any')) return true;
  return ownsArticle(actor, article) && !PUBLIC_STATES.includes(article.status) && article.status !== 'archived';
}

export type ArticleTransition = 'submit' | 'withdraw' | 'publish' | 'schedule' | 'unpublish' | 'archive' | 'trash' | 'restore';

/** The workflow: which transitions are allowed from which state, and who may make them. */
export function canTransition(actor: Actor, article: ArticleOwnership, transition: ArticleTransition): boolean {
  const { status } = article;
  if (article.deletedAt && transition !== 'restore') return false;
  switch (transition) {
    case 'submit':
      return status === 'draft' && (canEditArticle(actor, article) || ownsArticle(actor, article));
    case 'withdraw':
      return status === 'in_review' && (ownsArticle(actor, article) || can(actor.role, 'article:review'));
    case 'publish':
    case 'schedule':
      return status !== 'archived' && canPublishArticle(actor, article);
    case 'unpublish':
      return (PUBLIC_STATES.includes(status) || status === 'archived') && canPublishArticle(actor, article);
    case 'archive':
      return status !== 'archived' && canPublishArticle(actor, article);
    case 'trash':
      return canTrashArticle(actor, article);
    case 'restore':
      return Boolean(article.deletedAt) && can(actor.role, 'article:trash-any');
  }
}
