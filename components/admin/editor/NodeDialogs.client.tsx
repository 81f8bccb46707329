'use client';

import { VIDEO_PLAYERS } from '@/domain/video-players.mjs';
import { useId, useState } from 'react';
import type { EditorTranslator } from '@/domain/i18n/admin-editor';
import type { Locale } from '@/domain/i18n/messages';
import { LibraryPicker } from '../media/LibraryPicker.client';
import type { EmbedAttrs, ImageAttrs } from './extensions';
import { MediaUploader } from '../media/MediaUploader.client';
import { FormDialog } from './FormDialog.client';
import { looksLikeSafeUrl } from './url-check';

function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string | null; children: (ids: { id: string; describedBy?: string }) => React.ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children({ id, describedBy })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface DialogBase<T> {
  t: EditorTranslator;
  initial: T;
  onApply: (value: T) => void;
  onClose: () => void;
}

export function LinkDialog({ t, initial, onApply, onClose, onRemove }: DialogBase<string> & { onRemove: () => void }) {
  const [href, setHref] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (href.trim() === '') return onRemove();
    if (!looksLikeSafeUrl(href, 'link')) return setError(t('urlInvalid'));
    onApply(href.trim());
  };
  return (
    <FormDialog
      open
      title={t('link')}
      submitLabel={t('apply')}
      cancelLabel={t('cancel')}
      onSubmit={submit}
      onClose={onClose}
      extraActions={
        initial ? (
          <button type="button" className="admin-button" onClick={onRemove}>
            {t('remove')}
          </button>
        ) : null
      }
    >
      <Field label={t('linkUrl')} hint={t('linkHint')} error={error}>
        {({ id, describedBy }) => (
          <input id={id} className="admin-input" value={href} onChange={(e) => setHref(e.target.value)} aria-describedby={describedBy} aria-invalid={error ? true : undefined} autoFocus inputMode="url" />
        )}
      </Field>
    </FormDialog>
  );
}

export function ImageDialog({ t, locale, initial, onApply, onClose }: DialogBase<ImageAttrs> & { locale: Locale }) {
  const [value, setValue] = useState(initial);
  const [picking, setPicking] = useState(false);
  const [errors, setErrors] = useState<{ src?: string; alt?: string }>({});
  const submit = () => {
    const next: typeof errors = {};
    if (!looksLikeSafeUrl(value.src, 'resource')) next.src = t('urlInvalid');
    if (!value.alt.trim()) next.alt = t('altRequired');
    setErrors(next);
    if (next.src || next.alt) return;
    onApply({ ...value, src: value.src.trim(), alt: value.alt.trim(), caption: value.caption.trim(), credit: (value.credit ?? '').trim() });
  };
  return (
    <FormDialog open title={t('image')} submitLabel={t('apply')} cancelLabel={t('cancel')} onSubmit={submit} onClose={onClose}>
      <MediaUploader
        labels={{ dropHere: t('uploadDrop'), choose: t('uploadChoose'), uploading: t('uploading'), done: t('uploadDone') }}
        onUploaded={(media) => setValue((v) => ({ ...v, src: media.url, width: media.width, height: media.height, mediaId: media.id, alt: v.alt || media.alt }))}
      />
      <button type="button" className="admin-button" onClick={() => setPicking(true)}>
        {t('pickFromLibrary')}
      </button>
      {picking ? (
        <LibraryPicker
          locale={locale}
          onClose={() => setPicking(false)}
          onPick={(media) => {
            // An alt already typed here stays (the save then fills the library's if it has none).
            setValue((v) => ({ ...v, src: media.url, width: media.width, height: media.height, mediaId: media.id, alt: v.alt || media.alt }));
            setPicking(false);
          }}
        />
      ) : null}
      <Field label={t('imageUrl')} error={errors.src}>
        {({ id, describedBy }) => (
          <input id={id} className="admin-input" value={value.src} onChange={(e) => setValue({ ...value, src: e.target.value, mediaId: null })} aria-describedby={describedBy} aria-invalid={errors.src ? true : undefined} autoFocus={!initial.src} inputMode="url" />
        )}
      </Field>
      <Field label={t('imageAlt')} hint={t('imageAltHint')} error={errors.alt}>
        {({ id, describedBy }) => (
          <input id={id} className="admin-input" value={value.alt} onChange={(e) => setValue({ ...value, alt: e.target.value })} aria-describedby={describedBy} aria-invalid={errors.alt ? true : undefined} aria-required="true" autoFocus={Boolean(initial.src)} maxLength={300} />
        )}
      </Field>
      <Field label={t('imageCaption')}>
        {({ id }) => <input id={id} className="admin-input" value={value.caption} onChange={(e) => setValue({ ...value, caption: e.target.value })} maxLength={500} />}
      </Field>
      <Field label={t('imageCredit')} hint={t('coverCreditHint')}>
        {({ id, describedBy }) => <input id={id} className="admin-input" value={value.credit ?? ''} onChange={(e) => setValue({ ...value, credit: e.target.value })} aria-describedby={describedBy} maxLength={200} />}
      </Field>
    </FormDialog>
  );
}

export function EmbedDialog({ t, initial, onApply, onClose }: DialogBase<EmbedAttrs>) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!looksLikeSafeUrl(value.url, 'resource')) return setError(t('urlInvalid'));
    onApply({ url: value.url.trim(), title: value.title.trim() });
  };
  return (
    <FormDialog open title={t('embed')} submitLabel={t('apply')} cancelLabel={t('cancel')} onSubmit={submit} onClose={onClose}>
      <Field label={t('embedUrl')} hint={t('embedUrlHint', { sites: VIDEO_PLAYERS.map((p) => p.name).join(t('listSeparator')) })} error={error}>
        {({ id, describedBy }) => (
          <input id={id} className="admin-input" value={value.url} onChange={(e) => setValue({ ...value, url: e.target.value })} aria-describedby={describedBy} aria-invalid={error ? true : undefined} autoFocus inputMode="url" />
        )}
      </Field>
      <Field label={t('embedTitle')}>
        {({ id }) => <input id={id} className="admin-input" value={value.title} onChange={(e) => setValue({ ...value, title: e.target.value })} maxLength={300} />}
      </Field>
    </FormDialog>
  );
}
