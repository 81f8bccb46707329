import { z } from './zod';
import { id, requiredMultiline } from './text';

export const COMMENT_MAX = 4000;

/** A note in a story's review conversation. */
export const articleCommentInput = z.object({ articleId: id, body: requiredMultiline(COMMENT_MAX) });
export type ArticleCommentInput = z.output<typeof articleCommentInput>;
