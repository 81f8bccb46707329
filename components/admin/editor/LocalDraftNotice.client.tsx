'use client';

import { useEffect, useState } from 'react';
import type { EditorTranslator } from '@/domain/i18n/admin-editor';
import { fingerprint, type EditorValues } from './form-model';
import { clearLocalDraft, readLocalDraft, type LocalDraft } from './local-draft';

interface Props {
  t: EditorTranslator;
  articleId: number | null;
  serverVersion: number;
  current: EditorValues;
  formatTime: (iso: string) => string;
  onRestore: (values: EditorValues, baseVersion: number) => void;
}

/** Offers back the edits this browser kept but never got onto the server (a crash, a closed tab). */
export function LocalDraftNotice({ t, articleId, serverVersion, current, formatTime, onRestore }: Props) {
  const [draft, setDraft] = useState<LocalDraft | null>(null);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    // Only what was there when the page opened; later copies are this session's own.
    const found = readLocalDraft(articleId);
    const worthOffering = found && found.baseVersion <= serverVersion && fingerprint(found.values) !== fingerprint(current);
    // localStorage exists only in the browser, so this cannot be read during the server render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (worthOffering) setDraft(found);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the article as opened
  }, []);

  if (restored) {
    return (
      <p role="status" className="editor-banner editor-banner-info">
        {t('localDraftRestored')}
      </p>
    );
  }
  if (!draft) return null;
  return (
    <div role="status" className="editor-banner editor-banner-info flex flex-wrap items-center gap-3">
      <span>{t('localDraftFound', { time: formatTime(draft.savedAt) })}</span>
      <button
        type="button"
        className="admin-button"
        onClick={() => {
          onRestore(draft.values, draft.baseVersion);
          setDraft(null);
          setRestored(true);
        }}
      >
        {t('restoreLocal')}
      </button>
      <button
        type="button"
        className="admin-button"
        onClick={() => {
          clearLocalDraft(articleId);
          setDraft(null);
        }}
      >
        {t('discardLocal')}
      </button>
    </div>
  );
}
