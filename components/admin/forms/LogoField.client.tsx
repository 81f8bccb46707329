'use client';

import { useState } from 'react';
import { mediaT } from '@/domain/i18n/admin-media';
import type { Locale } from '@/domain/i18n/messages';
import { LibraryPicker } from '../media/LibraryPicker.client';
import { MediaUploader } from '../media/MediaUploader.client';
import { FieldErrors } from './ActionForm.client';

interface Props {
  form: string;
  name: string;
  label: string;
  hint: string;
  defaultValue: string;
  locale: Locale;
}

/**
 * The site logo: uploaded or picked from the library (its address is filled in), or typed as an
 * address as before. The form posts the text field, so the settings action is unchanged.
 */
export function LogoField({ form, name, label, hint, defaultValue, locale }: Props) {
  const t = mediaT(locale);
  const [value, setValue] = useState(defaultValue);
  const [picking, setPicking] = useState(false);
  const id = `${form}-${name}`;
  return (
    <div className="space-y-2 md:col-span-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <span id={`${id}-hint`} className="block text-xs text-neutral-600 dark:text-neutral-400">
        {hint}
      </span>
      <div className="flex flex-wrap items-start gap-3">
        {value.trim() ? (
          // eslint-disable-next-line @next/next/no-img-element -- a preview of the address as typed
          <img src={value} alt={t('logoPreview')} className="h-12 max-w-48 rounded border border-neutral-300 bg-white object-contain p-1 dark:border-neutral-700" data-testid="logo-preview" />
        ) : null}
        <input id={id} name={name} value={value} onChange={(e) => setValue(e.target.value)} maxLength={2000} autoCapitalize="none" spellCheck={false} aria-describedby={`${id}-hint ${id}-error`} className="admin-input min-w-64 flex-1" />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="admin-button" onClick={() => setPicking(true)}>
          {t('logoPick')}
        </button>
        {value ? (
          <button type="button" className="admin-button" onClick={() => setValue('')}>
            {t('logoRemove')}
          </button>
        ) : null}
      </div>
      <MediaUploader labels={{ dropHere: t('dropHere'), choose: t('logoUpload'), uploading: t('uploading'), done: t('done') }} onUploaded={(item) => setValue(item.url)} />
      {picking ? (
        <LibraryPicker
          locale={locale}
          onClose={() => setPicking(false)}
          onPick={(item) => {
            setValue(item.url);
            setPicking(false);
          }}
        />
      ) : null}
      <FieldErrors name={name} />
    </div>
  );
}
