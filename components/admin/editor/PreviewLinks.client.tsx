'use client';

import Link from 'next/link';
import { useState } from 'react';
import { createPreviewLinkAction } from '@/app/admin/(staff)/articles/preview-actions';
import type { EditorTranslator } from '@/lib/i18n/admin-editor';

interface Props {
  t: EditorTranslator;
  articleId: number;
  formatTime: (iso: string) => string;
}

/** Staff preview, revision history, and a signed link for a reviewer without an account. */
export function PreviewLinks({ t, articleId, formatTime }: Props) {
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [note, setNote] = useState('');

  const create = async () => {
    setPending(true);
    setNote('');
    try {
      const result = await createPreviewLinkAction({ id: articleId });
      if (result.ok) setLink({ url: new URL(result.data.path, window.location.origin).href, expiresAt: result.data.expiresAt });
      else setNote(result.error);
    } catch {
      setNote(t('errorNetwork'));
    } finally {
      setPending(false);
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setNote(t('copied'));
    } catch {
      // Clipboard refused (insecure origin, permissions): the field is selected for a manual copy.
      document.getElementById('preview-share-url')?.focus();
    }
  };

  return (
    <section aria-labelledby="preview-heading" className="admin-card space-y-2 text-sm">
      <h2 id="preview-heading" className="font-semibold">
        {t('preview')}
      </h2>
      <p className="flex flex-wrap gap-3">
        <Link href={`/admin/articles/${articleId}/preview`} className="text-emerald-800 underline dark:text-emerald-300" target="_blank">
          {t('preview')}
        </Link>
        <Link href={`/admin/articles/${articleId}/revisions`} className="text-emerald-800 underline dark:text-emerald-300">
          {t('revisions')}
        </Link>
      </p>
      <button type="button" className="admin-button" disabled={pending} onClick={() => void create()}>
        {t('shareLink')}
      </button>
      {link ? (
        <div>
          <label htmlFor="preview-share-url" className="mb-1 block text-xs font-medium">
            {t('shareLinkLabel', { date: formatTime(link.expiresAt) })}
          </label>
          <div className="flex gap-2">
            <input id="preview-share-url" className="admin-input text-xs" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="admin-button" onClick={() => void copy()}>
              {t('copy')}
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" className="text-xs empty:hidden">
        {note}
      </p>
    </section>
  );
}
