'use server';

import { authSecret } from '@/services/auth/secret';
import { z } from 'zod';
import { createPreviewLink, listPreviewLinks, revokeAllPreviewLinks, revokePreviewLink } from '@/db/queries/admin/preview-links';
import { defineAction } from '@/actions/define';
import { id } from '@/domain/validation/text';

// Any staff member (permission null); the DAL decides per article and per link
// (canViewArticleInAdmin, canRevokePreviewLink) and answers 404 for what this user may not see.

/** A signed link an outside reviewer can open without an account; it works for 48 hours unless revoked. */
export const createPreviewLinkAction = defineAction({ name: 'article.preview-link', input: z.object({ id }), permission: null }, async ({ id: articleId }, ctx) =>
  createPreviewLink(ctx.db, ctx.user, articleId, ctx.ip, authSecret()),
);

/** The article's links that still open and that this user may revoke (editors: everyone's). */
export const listPreviewLinksAction = defineAction({ name: 'article.preview-links', input: z.object({ id }), permission: null }, async ({ id: articleId }, ctx) =>
  listPreviewLinks(ctx.db, ctx.user, articleId),
);

export const revokePreviewLinkAction = defineAction({ name: 'article.preview-link-revoke', input: z.object({ linkId: id }), permission: null }, async ({ linkId }, ctx) =>
  revokePreviewLink(ctx.db, ctx.user, linkId, ctx.ip),
);

export const revokeAllPreviewLinksAction = defineAction({ name: 'article.preview-link-revoke-all', input: z.object({ id }), permission: null }, async ({ id: articleId }, ctx) =>
  revokeAllPreviewLinks(ctx.db, ctx.user, articleId, ctx.ip),
);
