'use client';

import type { EditorKey, EditorTranslator } from '@/domain/i18n/admin-editor';
import type { SaveStatus as Status } from './use-article-save';

const LABELS: Record<Status, EditorKey> = {
  new: 'statusNew',
  saved: 'statusSaved',
  saving: 'statusSaving',
  unsaved: 'statusUnsaved',
  error: 'statusError',
  conflict: 'statusConflict',
};

interface Props {
  t: EditorTranslator;
  status: Status;
  savedAt: Date | null;
  uiLocale: 'zh-CN' | 'en';
}

/** "Saved / Saving… / Unsaved changes / Not saved", announced politely as it changes. */
export function SaveStatus({ t, status, savedAt, uiLocale }: Props) {
  const text =
    status === 'saved' && savedAt
      ? t('statusSavedAt', { time: savedAt.toLocaleTimeString(uiLocale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })
      : t(LABELS[status]);
  return (
    <p role="status" aria-live="polite" className="editor-save-status text-sm" data-state={status} data-testid="save-status">
      <span aria-hidden="true" className="editor-save-dot" />
      {text}
    </p>
  );
}
