import { z } from './zod';
import { id, multiline } from './text';

import { ARTICLE_NOTICE_KINDS } from '../enums';

/**
 * What an editor adds to a published story after the fact: a significant update (更新), which shows
 * 更新时间 beside 发布时间 and may say what changed, or a correction (更正), which says what was
 * wrong and is listed on /corrections. Minor edits add neither.
 */

export const NOTICE_NOTE_MAX = 1000;

export const articleNoticeInput = z
  .object({
    articleId: id,
    kind: z.enum(ARTICLE_NOTICE_KINDS, { error: 'noticeKindInvalid' }),
    note: multiline(NOTICE_NOTE_MAX).default(''),
  })
  .superRefine((value, ctx) => {
    // A correction that does not say what was corrected tells the reader nothing.
    if (value.kind === 'correction' && !value.note.trim()) ctx.addIssue({ code: 'custom', path: ['note'], message: 'correctionNoteRequired' });
  });
export type ArticleNoticeInput = z.output<typeof articleNoticeInput>;

export const deleteArticleNoticeInput = z.object({ id, articleId: id });
