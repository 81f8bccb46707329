'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { listMediaAction } from '@/actions/media';
import type { MediaDTO } from '@/db/queries/media-dto';
import { mediaT } from '@/domain/i18n/admin-media';
import type { Locale } from '@/domain/i18n/messages';
import { translateMessage } from '@/domain/i18n/server-messages';

interface Props {
  locale: Locale;
  onPick: (item: MediaDTO) => void;
  onClose: () => void;
}

type Listing = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; items: MediaDTO[]; total: number; page: number; pageCount: number };

/**
 * The media library as a modal grid: search (name, alt, caption), pages of 24, one button per
 * image. Mounted when opened; the native <dialog> traps focus and closes on Escape, and it may sit
 * over another dialog (the image dialog). Arrow keys move between images, Enter picks one.
 */
export function LibraryPicker({ locale, onPick, onClose }: Props) {
  // Stable across renders: the listing effect depends on it.
  const t = useMemo(() => mediaT(locale), [locale]);
  const ref = useRef<HTMLDialogElement>(null);
  const grid = useRef<HTMLUListElement>(null);
  const titleId = useId();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [listing, setListing] = useState<Listing>({ state: 'loading' });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    let current = true;
    // Typing waits a moment, so a word is one request rather than one per letter.
    const timer = setTimeout(() => {
      setListing({ state: 'loading' });
      listMediaAction({ q: query.trim() || undefined, page })
        .then((result) => {
          if (!current) return;
          if (result.ok) setListing({ state: 'ready', ...result.data });
          else setListing({ state: 'error', message: translateMessage(locale, result.reason) });
        })
        .catch(() => current && setListing({ state: 'error', message: t('pickError') }));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, page, locale, t]);

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = Array.from(grid.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const columns = Math.max(1, Math.round((grid.current?.clientWidth ?? 1) / (buttons[0]?.offsetWidth || 1)));
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[event.key];
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : step === undefined ? -1 : Math.min(buttons.length - 1, Math.max(0, at + step));
    if (next < 0) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return createPortal(
    <dialog ref={ref} className="editor-dialog library-picker" aria-labelledby={titleId}
      data-testid="library-picker"
      onClose={(event) => {
        // React passes 'close' up its own tree, portals included: the image dialog below would close too.
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="space-y-3">
        <h2 id={titleId} className="text-lg font-semibold">
          {t('pickTitle')}
        </h2>
        <label htmlFor={searchId} className="block text-sm font-medium">
          {t('pickSearch')}
        </label>
        <input
          id={searchId}
          type="search"
          className="admin-input"
          value={query}
          placeholder={t('search')}
          autoFocus
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
          onKeyDown={(e) => {
            // Enter in the search box must not submit a form behind the dialog.
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
        <p role="status" className="text-sm text-neutral-600 dark:text-neutral-400">
          {listing.state === 'loading' ? t('pickLoading') : listing.state === 'error' ? '' : listing.items.length ? t('count', { count: listing.total }) : t('pickEmpty')}
        </p>
        {listing.state === 'error' ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {listing.message}
          </p>
        ) : null}
        {listing.state === 'ready' && listing.items.length ? (
          <ul ref={grid} className="grid max-h-[60vh] grid-cols-2 gap-2 overflow-y-auto sm:grid-cols-4" onKeyDown={moveFocus}>
            {listing.items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="flex w-full flex-col gap-1 rounded border border-neutral-300 p-1 text-left text-xs hover:border-emerald-700 focus-visible:outline-2 focus-visible:outline-emerald-700 dark:border-neutral-700"
                  onClick={() => onPick(item)}
                  data-media-id={item.id}
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- a library thumbnail, already sized */}
                  <img src={item.thumbUrl} alt="" width={item.width} height={item.height} loading="lazy" className="aspect-[4/3] w-full rounded bg-neutral-100 object-cover dark:bg-neutral-800" />
                  <span className="truncate font-medium">{item.originalName}</span>
                  <span className="line-clamp-2 text-neutral-600 dark:text-neutral-400">{item.alt || t('pickNoAlt')}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-2 pt-2">
          {listing.state === 'ready' && listing.pageCount > 1 ? (
            <span className="flex items-center gap-2 text-sm">
              <button type="button" className="admin-button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                {t('pickPrev')}
              </button>
              {t('pickPage', { page: listing.page, pages: listing.pageCount })}
              <button type="button" className="admin-button" disabled={page >= listing.pageCount} onClick={() => setPage((p) => p + 1)}>
                {t('pickNext')}
              </button>
            </span>
          ) : (
            <span />
          )}
          <button type="button" className="admin-button" onClick={() => ref.current?.close()}>
            {t('pickCancel')}
          </button>
        </div>
      </div>
    </dialog>,
    document.body,
  );
}
