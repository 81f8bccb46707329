'use server';

import { z } from 'zod';
import { getOwnership } from '@/db/queries/newsroom/articles';
import { writeAudit } from '@/db/queries/newsroom/audit';
import { defineAction } from '@/lib/actions';
import { notFoundError } from '@/lib/errors';
import { canViewArticleInAdmin } from '@/lib/permissions';
import { createPreviewToken } from '@/lib/preview-token';
import { id } from '@/lib/validation/text';

/** A signed link an outside reviewer can open without an account; it expires after 7 days. */
export const createPreviewLinkAction = defineAction(
  { name: 'article.preview-link', input: z.object({ id }), permission: null },
  async ({ id: articleId }, ctx) => {
    const article = await getOwnership(ctx.db, articleId);
    if (!article || article.deletedAt || !canViewArticleInAdmin(ctx.user, article)) throw notFoundError('This article');
    const { token, expiresAt } = createPreviewToken(articleId);
    // Nothing changes, but a draft leaves the newsroom: worth a line in the log.
    await writeAudit(ctx.db, { actorId: ctx.user.id, action: 'article.preview-link', entityType: 'article', entityId: articleId, data: { expiresAt }, ip: ctx.ip });
    return { path: `/preview/${token}`, expiresAt };
  },
);
