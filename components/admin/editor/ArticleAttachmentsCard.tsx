import { removeAttachmentForm } from '@/actions/attachments';
import { ButtonForm } from '@/components/admin/kit/ButtonForm';
import { Card } from '@/components/admin/kit/Card';
import type { AttachmentDTO } from '@/db/queries/admin/attachments';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import { formatBytes } from '@/domain/i18n/format';
import { AttachmentUploader } from './AttachmentUploader.client';

interface Props {
  articleId: number;
  attachments: AttachmentDTO[];
  mt: ManageTranslator;
  /** Whether this staff member may change the story (and so its files). */
  editable: boolean;
  maxMb: number;
}

/** Under the editor: the files readers download from the story (附件下载), and the way to add or remove one. */
export function ArticleAttachmentsCard({ articleId, attachments, mt, editable, maxMb }: Props) {
  return (
    <Card id="article-attachments" title={mt('attachmentsTitle')} intro={mt('attachmentsIntro', { mb: maxMb })} className="admin-card mt-6">
      {attachments.length ? (
        <ul className="space-y-2" data-testid="attachments">
          {attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-neutral-200 pb-2 dark:border-neutral-800">
              <a className="min-w-0 break-all text-sm underline" href={a.url} download>
                {a.fileName}
              </a>
              <span className="text-xs text-neutral-600 dark:text-neutral-400">{formatBytes(a.bytes)}</span>
              {editable ? (
                <ButtonForm action={removeAttachmentForm} idPrefix={`remove-attachment-${a.id}`} values={{ id: a.id, articleId }} label={mt('delete')} objectName={a.fileName} confirmText={mt('confirmRemoveAttachment', { name: a.fileName })} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">{mt('attachmentsNone')}</p>
      )}
      {editable ? <AttachmentUploader articleId={articleId} labels={{ choose: mt('attachmentsChoose'), uploading: mt('attachmentsUploading'), done: mt('attachmentsDone') }} /> : null}
    </Card>
  );
}
