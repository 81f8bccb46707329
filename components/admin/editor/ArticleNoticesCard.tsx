import { addArticleNoticeForm, deleteArticleNoticeForm } from '@/actions/article-notices';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { SelectField, TextAreaField } from '@/components/admin/forms/Field';
import { ButtonForm } from '@/components/admin/kit/ButtonForm';
import { Card } from '@/components/admin/kit/Card';
import type { AdminArticleNoticeDTO } from '@/db/queries/admin/article-notices';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import { NOTICE_NOTE_MAX } from '@/domain/validation/article-notice';

interface Props {
  articleId: number;
  notices: AdminArticleNoticeDTO[];
  mt: ManageTranslator;
  formatTime: (iso: string) => string;
}

/**
 * Under the editor of a published story: its significant updates and corrections, and the form to
 * add one. A plain edit stays a minor one (no 更新时间, nothing on /corrections).
 */
export function ArticleNoticesCard({ articleId, notices, mt, formatTime }: Props) {
  return (
    <Card id="article-notices" title={mt('noticesTitle')} intro={mt('noticesIntro')} className="admin-card mt-6">
      {notices.length ? (
        <ul className="mb-4 space-y-3">
          {notices.map((notice) => (
            <li key={notice.id} className="flex flex-wrap items-start justify-between gap-2 border-b border-neutral-200 pb-2 dark:border-neutral-800">
              <div className="min-w-0">
                <p className="text-sm font-medium">
                  {mt(notice.kind === 'correction' ? 'noticeCorrection' : 'noticeUpdate')} · {formatTime(notice.createdAt)}
                  {notice.createdByName ? ` · ${notice.createdByName}` : null}
                </p>
                {notice.note ? <p className="mt-1 whitespace-pre-line text-sm">{notice.note}</p> : null}
              </div>
              <ButtonForm
                action={deleteArticleNoticeForm}
                idPrefix={`delete-notice-${notice.id}`}
                values={{ id: notice.id, articleId }}
                label={mt('delete')}
                objectName={notice.note || mt('noticeUpdate')}
                confirmText={mt('confirmDeleteNotice')}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <ActionForm action={addArticleNoticeForm} idPrefix="new-notice" resetOnSuccess>
        <input type="hidden" name="articleId" value={articleId} />
        <div className="grid gap-3 md:grid-cols-[12rem_1fr]">
          <SelectField form="new-notice" name="kind" label={mt('noticeKind')} defaultValue="correction">
            <option value="correction">{mt('noticeCorrection')}</option>
            <option value="update">{mt('noticeUpdate')}</option>
          </SelectField>
          <TextAreaField form="new-notice" name="note" label={mt('noticeNote')} hint={mt('noticeNoteHint')} maxLength={NOTICE_NOTE_MAX} />
        </div>
        <SubmitButton className="admin-button-primary mt-3">{mt('noticeAdd')}</SubmitButton>
      </ActionForm>
    </Card>
  );
}
