'use client';

import { useEffect, useState } from 'react';
import { getMediaAction } from '@/actions/media';
import type { MediaDTO } from '@/db/queries/media-dto';
import type { EditorTranslator } from '@/domain/i18n/admin-editor';
import type { Locale } from '@/domain/i18n/messages';
import { LibraryPicker } from '../media/LibraryPicker.client';
import { MediaUploader } from '../media/MediaUploader.client';
import type { EditorValues } from './form-model';
import { FormField, TextInputField } from './FormField.client';

interface Props {
  values: EditorValues;
  set: <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => void;
  errors: Record<string, string[]>;
  locale: Locale;
  t: EditorTranslator;
}

/**
 * The cover: a library image shown as a thumbnail with 替换 / 移除, picked from the library or
 * uploaded; an address on another site stays possible for covers that are not in the library.
 * A stored cover may have only its library id (the demo's, the API's): its thumbnail is looked up.
 */
export function CoverField({ values, set, errors, locale, t }: Props) {
  const [picking, setPicking] = useState(false);
  const [looked, setLooked] = useState<{ id: number; thumb: string } | null>(null);
  const mediaId = values.coverMediaId;

  useEffect(() => {
    if (mediaId === null || looked?.id === mediaId) return;
    let current = true;
    void getMediaAction({ id: mediaId }).then((result) => {
      if (current && result.ok) setLooked({ id: mediaId, thumb: result.data.thumbUrl });
    });
    return () => {
      current = false;
    };
  }, [mediaId, looked?.id]);

  const use = (media: MediaDTO) => {
    set('coverMediaId', media.id);
    set('coverImageUrl', media.url);
    // One alt per image: an alt typed before any cover was chosen is kept (the save fills an empty
    // library alt with it); a replaced cover's alt described the old image, so the new one's is taken.
    if (values.coverMediaId !== null || !values.coverImageAlt.trim()) set('coverImageAlt', media.alt);
    setLooked({ id: media.id, thumb: media.thumbUrl });
  };
  const remove = () => {
    set('coverMediaId', null);
    set('coverImageUrl', '');
    set('coverImageAlt', '');
  };
  const thumb = mediaId !== null ? (looked?.id === mediaId ? looked.thumb : values.coverImageUrl || null) : null;
  const altErrors = errors.coverImageAlt ?? (values.coverImageUrl.trim() && !values.coverImageAlt.trim() ? [t('coverAltRequired')] : undefined);

  return (
    <>
      {mediaId !== null ? (
        <figure className="space-y-2" data-testid="cover-preview">
          {thumb ? (
            // eslint-disable-next-line @next/next/no-img-element -- a library thumbnail
            <img src={thumb} alt={values.coverImageAlt || t('coverPreview')} className="aspect-[16/9] w-full rounded border border-neutral-300 object-cover dark:border-neutral-700" />
          ) : (
            <div className="aspect-[16/9] w-full rounded bg-neutral-100 dark:bg-neutral-800" />
          )}
          <figcaption className="flex gap-2">
            <button type="button" className="admin-button" onClick={() => setPicking(true)}>
              {t('coverReplace')}
            </button>
            <button type="button" className="admin-button" onClick={remove}>
              {t('coverRemove')}
            </button>
          </figcaption>
        </figure>
      ) : (
        <>
          <button type="button" className="admin-button" onClick={() => setPicking(true)}>
            {t('pickFromLibrary')}
          </button>
          <MediaUploader labels={{ dropHere: t('uploadDrop'), choose: t('uploadCover'), uploading: t('uploading'), done: t('uploadDone') }} onUploaded={use} />
          <FormField id="article-cover-url" label={t('coverExternalUrl')} errors={errors.coverImageUrl}>
            {({ id, describedBy, invalid }) => (
              <input id={id} className="admin-input" inputMode="url" value={values.coverImageUrl} maxLength={2000} onChange={(e) => set('coverImageUrl', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
            )}
          </FormField>
        </>
      )}
      {picking ? (
        <LibraryPicker
          locale={locale}
          onClose={() => setPicking(false)}
          onPick={(media) => {
            use(media);
            setPicking(false);
          }}
        />
      ) : null}
      <FormField id="article-cover-alt" label={t('fieldCoverAlt')} errors={altErrors}>
        {({ id, describedBy, invalid }) => (
          <input id={id} className="admin-input" value={values.coverImageAlt} maxLength={300} onChange={(e) => set('coverImageAlt', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        )}
      </FormField>
      <TextInputField id="article-cover-caption" label={t('fieldCoverCaption')} hint={t('coverCaptionHint')} errors={errors.coverCaption} value={values.coverCaption} maxLength={500} onChange={(v) => set('coverCaption', v)} />
      <TextInputField id="article-cover-credit" label={t('fieldCoverCredit')} hint={t('coverCreditHint')} errors={errors.coverCredit} value={values.coverCredit} maxLength={200} onChange={(v) => set('coverCredit', v)} />
    </>
  );
}
