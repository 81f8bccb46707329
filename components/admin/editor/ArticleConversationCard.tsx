import { addArticleCommentForm } from '@/actions/article-comments';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { TextAreaField } from '@/components/admin/forms/Field';
import { Card } from '@/components/admin/kit/Card';
import type { ArticleCommentDTO } from '@/db/queries/admin/article-comments';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import { COMMENT_MAX } from '@/domain/validation/article-comment';

interface Props {
  articleId: number;
  comments: ArticleCommentDTO[];
  mt: ManageTranslator;
  formatTime: (iso: string) => string;
  /** A story in the trash keeps its conversation, read-only. */
  closed: boolean;
}

const KIND_LABEL = { note: null, submit: 'commentSubmitted', return: 'commentReturned' } as const;

/**
 * Under the editor: the conversation about the story between its authors and reviewers, oldest
 * first, with the author's word on submitting and the reviewer's reason for sending it back.
 */
export function ArticleConversationCard({ articleId, comments, mt, formatTime, closed }: Props) {
  return (
    <Card id="article-conversation" title={mt('conversationTitle')} intro={mt('conversationIntro')} className="admin-card mt-6">
      {comments.length ? (
        <ol className="mb-4 space-y-3" data-testid="conversation">
          {comments.map((comment) => {
            const label = KIND_LABEL[comment.kind];
            return (
              <li key={comment.id} className={`rounded border p-3 text-sm ${comment.kind === 'return' ? 'border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950' : 'border-neutral-200 dark:border-neutral-800'}`}>
                <p className="text-xs text-neutral-600 dark:text-neutral-400">
                  <span className="font-medium text-neutral-900 dark:text-neutral-100">{comment.authorName ?? mt('formerStaff')}</span>
                  {label ? ` · ${mt(label)}` : null} · {formatTime(comment.createdAt)}
                </p>
                <p className="mt-1 whitespace-pre-line">{comment.body}</p>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="mb-4 text-sm text-neutral-600 dark:text-neutral-400">{mt('conversationEmpty')}</p>
      )}
      {closed ? null : (
        <ActionForm action={addArticleCommentForm} idPrefix="new-comment" resetOnSuccess>
          <input type="hidden" name="articleId" value={articleId} />
          <TextAreaField form="new-comment" name="body" label={mt('commentBody')} maxLength={COMMENT_MAX} required />
          <SubmitButton className="admin-button mt-2">{mt('commentAdd')}</SubmitButton>
        </ActionForm>
      )}
    </Card>
  );
}
