'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import {
  createPreviewLinkAction,
  listPreviewLinksAction,
  revokeAllPreviewLinksAction,
  revokePreviewLinkAction,
} from '@/actions/preview-links';
import type { EditorTranslator } from '@/domain/i18n/admin-editor';

type PreviewLinkDTO = Extract<Awaited<ReturnType<typeof listPreviewLinksAction>>, { ok: true }>['data'][number];

interface Props {
  t: EditorTranslator;
  articleId: number;
  formatTime: (iso: string) => string;
}

/** Staff preview, revision history, and signed links for a reviewer without an account: create, list, revoke. */
export function PreviewLinks({ t, articleId, formatTime }: Props) {
  const [link, setLink] = useState<{ id: number; url: string; expiresAt: string } | null>(null);
  const [active, setActive] = useState<PreviewLinkDTO[]>([]);
  const [pending, setPending] = useState(false);
  const [note, setNote] = useState('');

  const run = useCallback(
    async <T,>(call: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>, done: (data: T) => void) => {
      setPending(true);
      setNote('');
      try {
        const result = await call();
        if (result.ok) done(result.data);
        else setNote(result.error);
      } catch {
        setNote(t('errorNetwork'));
      } finally {
        setPending(false);
      }
    },
    [t],
  );

  useEffect(() => {
    let cancelled = false;
    listPreviewLinksAction({ id: articleId })
      .then((result) => {
        if (!cancelled && result.ok) setActive(result.data);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  const create = () =>
    run(
      () => createPreviewLinkAction({ id: articleId }),
      (data) => {
        setLink({ id: data.id, url: new URL(data.path, window.location.origin).href, expiresAt: data.expiresAt });
        setActive(data.links);
      },
    );

  const revoke = (linkId: number) =>
    run(
      () => revokePreviewLinkAction({ linkId }),
      (data) => {
        setActive(data.links);
        if (link?.id === linkId) setLink(null);
        setNote(t('shareLinkRevoked'));
      },
    );

  const revokeAll = () =>
    run(
      () => revokeAllPreviewLinksAction({ id: articleId }),
      (data) => {
        setActive(data.links);
        setLink(null);
        setNote(t('shareLinksRevoked', { count: data.revoked }));
      },
    );

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
      {active.length ? (
        <div data-testid="share-links">
          <h3 className="text-xs font-medium">{t('shareLinksActive')}</h3>
          <ul className="space-y-1">
            {active.map((l) => (
              <li key={l.id} className="flex items-center justify-between gap-2 text-xs">
                <span>{t(l.mine ? 'shareLinkByMe' : 'shareLinkBy', { name: l.createdByName, created: formatTime(l.createdAt), date: formatTime(l.expiresAt) })}</span>
                <button type="button" className="admin-button" disabled={pending} onClick={() => void revoke(l.id)}>
                  {t('shareLinkRevoke')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="admin-button mt-2" disabled={pending} onClick={() => void revokeAll()}>
            {t('shareLinkRevokeAll')}
          </button>
        </div>
      ) : null}
      <p role="status" className="text-xs empty:hidden">
        {note}
      </p>
    </section>
  );
}
