import { withTx } from '../../tx';
import 'server-only';
import { and, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../client';
import { previewLinks, users } from '../../schema';
import { ActionError, notFoundError } from '../../../domain/errors';
import { can, canRevokePreviewLink, canViewArticleInAdmin, type Actor } from '../../../domain/permissions';
import { createPreviewToken, PREVIEW_LIFETIME_SECONDS, type PreviewClaims } from '../../../domain/preview-token';
import { getOwnership } from './article-current';
import { writeAudit } from './audit';

/**
 * Share links to unpublished articles (issue 10, item 8): each is a row that can be revoked, that
 * expires (PREVIEW_LIFETIME_SECONDS), and that opens only while its creator's account is active and
 * the creator may still see the article in the admin.
 */

export interface PreviewLinkDTO {
  id: number;
  createdByName: string;
  /** Created by the user asking. */
  mine: boolean;
  createdAt: string;
  expiresAt: string;
}

/** The article, when it exists, is not in the trash and this user may see it; 404 otherwise. */
async function viewableArticle(db: Database, actor: Actor, articleId: number) {
  const article = await getOwnership(db, articleId);
  if (!article || article.deletedAt || !canViewArticleInAdmin(actor, article)) throw notFoundError('This article');
  return article;
}

/** Links of an article that still open; editors see (and may revoke) everyone's, others their own. */
function activeOn(actor: Actor, articleId: number): SQL {
  return and(
    eq(previewLinks.articleId, articleId),
    isNull(previewLinks.revokedAt),
    gt(previewLinks.expiresAt, sql`now()`),
    can(actor.role, 'article:edit-any') ? undefined : eq(previewLinks.createdById, actor.id),
  )!;
}

async function activeLinks(db: Database, actor: Actor, articleId: number): Promise<PreviewLinkDTO[]> {
  const rows = await db
    .select({ id: previewLinks.id, createdById: previewLinks.createdById, createdByName: users.name, createdAt: previewLinks.createdAt, expiresAt: previewLinks.expiresAt })
    .from(previewLinks)
    .innerJoin(users, eq(users.id, previewLinks.createdById))
    .where(activeOn(actor, articleId))
    .orderBy(desc(previewLinks.createdAt), desc(previewLinks.id));
  return rows.map((r) => ({ id: r.id, createdByName: r.createdByName, mine: r.createdById === actor.id, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() }));
}

export async function listPreviewLinks(db: Database, actor: Actor, articleId: number): Promise<PreviewLinkDTO[]> {
  await viewableArticle(db, actor, articleId);
  return activeLinks(db, actor, articleId);
}

/** `secret` signs the link's token (the site's auth secret, from services/auth/secret.ts). */
export async function createPreviewLink(db: Database, actor: Actor, articleId: number, ip: string | null, secret: string): Promise<{ id: number; path: string; expiresAt: string; links: PreviewLinkDTO[] }> {
  await viewableArticle(db, actor, articleId);
  const exp = Math.floor(Date.now() / 1000) + PREVIEW_LIFETIME_SECONDS;
  const expiresAt = new Date(exp * 1000);
  const linkId = await withTx(db, async (t) => {
    const [row] = await t.insert(previewLinks).values({ articleId, createdById: actor.id, expiresAt }).returning({ id: previewLinks.id });
    // Nothing changes, but a draft leaves the admin: worth a line in the log.
    await writeAudit(t, { actorId: actor.id, action: 'article.preview-link', entityType: 'article', entityId: articleId, data: { linkId: row!.id, expiresAt: expiresAt.toISOString() }, ip });
    return row!.id;
  });
  const token = createPreviewToken({ linkId, articleId, exp }, { secret });
  return { id: linkId, path: `/preview/${token}`, expiresAt: expiresAt.toISOString(), links: await activeLinks(db, actor, articleId) };
}

/** Its creator or an editor revokes a link at once; a revoked or expired one answers 409. */
export async function revokePreviewLink(db: Database, actor: Actor, linkId: number, ip: string | null): Promise<{ articleId: number; links: PreviewLinkDTO[] }> {
  return withTx(db, async (t) => {
    const [link] = await t.select().from(previewLinks).where(eq(previewLinks.id, linkId)).for('update');
    const article = link ? await getOwnership(t, link.articleId) : null;
    // Someone who may not revoke it learns nothing about it, not even that it exists.
    if (!link || !article || !canViewArticleInAdmin(actor, article) || !canRevokePreviewLink(actor, link)) throw notFoundError('This preview link');
    if (link.revokedAt) throw new ActionError(409, { code: 'previewLinkRevoked' });
    if (link.expiresAt.getTime() <= Date.now()) throw new ActionError(409, { code: 'previewLinkExpired' });
    await t.update(previewLinks).set({ revokedAt: new Date(), revokedById: actor.id }).where(eq(previewLinks.id, linkId));
    await writeAudit(t, { actorId: actor.id, action: 'article.preview-link-revoke', entityType: 'article', entityId: link.articleId, data: { linkId }, ip });
    return { articleId: link.articleId, links: await activeLinks(t, actor, link.articleId) };
  });
}

/** Every link of the article this user may revoke (editors: all of them; others: their own). */
export async function revokeAllPreviewLinks(db: Database, actor: Actor, articleId: number, ip: string | null): Promise<{ revoked: number; links: PreviewLinkDTO[] }> {
  const article = await getOwnership(db, articleId);
  if (!article || !canViewArticleInAdmin(actor, article)) throw notFoundError('This article');
  return withTx(db, async (t) => {
    const revoked = await t.update(previewLinks).set({ revokedAt: new Date(), revokedById: actor.id }).where(activeOn(actor, articleId)).returning({ id: previewLinks.id });
    if (revoked.length) {
      await writeAudit(t, { actorId: actor.id, action: 'article.preview-link-revoke-all', entityType: 'article', entityId: articleId, data: { linkIds: revoked.map((r) => r.id) }, ip });
    }
    return { revoked: revoked.length, links: [] };
  });
}

/**
 * Whom a share link reads the article as: its creator, when the link is unrevoked and unexpired,
 * the creator's account is active, and the creator may still see the (untrashed) article. Null
 * otherwise: the page answers 404 whatever the reason.
 */
export async function openPreviewLink(db: Database, claims: PreviewClaims): Promise<Actor | null> {
  const [row] = await db
    .select({ userId: users.id, role: users.role, disabledAt: users.disabledAt, revokedAt: previewLinks.revokedAt, expiresAt: previewLinks.expiresAt })
    .from(previewLinks)
    .innerJoin(users, eq(users.id, previewLinks.createdById))
    .where(and(eq(previewLinks.id, claims.linkId), eq(previewLinks.articleId, claims.articleId)));
  if (!row || row.revokedAt || row.disabledAt || row.expiresAt.getTime() <= Date.now()) return null;
  const creator: Actor = { id: row.userId, role: row.role };
  const article = await getOwnership(db, claims.articleId);
  if (!article || article.deletedAt || !canViewArticleInAdmin(creator, article)) return null;
  return creator;
}
