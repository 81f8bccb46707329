'use client';

import { useMemo } from 'react';
import type { EditorTranslator } from '@/domain/i18n/admin-editor';
import type { RichTextDoc } from '@/domain/rich-text/schema';
import type { EditorValues } from './form-model';
import { FormField } from './FormField.client';
import { RichTextEditor } from './RichTextEditor.client';
import { countWords, richTextToPlainText } from '@/domain/rich-text/plain-text';

interface Props {
  t: EditorTranslator;
  values: EditorValues;
  set: <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => void;
  errors: Record<string, string[]>;
  readOnly: boolean;
  locale: 'zh-CN' | 'en';
  /** The site's sensitive words, marked in the body. */
  highlightWords?: readonly string[];
}

/** Title, subtitle, body and excerpt: what the reader reads. */
export function ArticleMainFields({ t, values, set, errors, readOnly, locale, highlightWords }: Props) {
  const stats = useMemo(() => countWords(richTextToPlainText(values.body)), [values.body]);
  const bodyErrorId = errors.body?.length ? 'article-body-error' : undefined;

  return (
    <div className="min-w-0 space-y-4">
      <FormField id="article-title" label={t('fieldTitle')} errors={errors.title}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="admin-input text-xl font-bold"
            value={values.title}
            maxLength={300}
            readOnly={readOnly}
            required
            aria-required="true"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            dir="auto"
            onChange={(e) => set('title', e.target.value)}
          />
        )}
      </FormField>
      <FormField id="article-subtitle" label={t('fieldSubtitle')} errors={errors.subtitle}>
        {({ id, describedBy, invalid }) => (
          <input id={id} className="admin-input" value={values.subtitle} maxLength={300} readOnly={readOnly} dir="auto" aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set('subtitle', e.target.value)} />
        )}
      </FormField>
      <div>
        <p id="article-body-label" className="mb-1 block text-sm font-medium">
          {t('fieldBody')}
        </p>
        <RichTextEditor
          value={values.body}
          onChange={(doc: RichTextDoc) => set('body', doc)}
          locale={locale}
          ariaLabel={t('fieldBody')}
          ariaDescribedBy={['article-body-count', bodyErrorId].filter(Boolean).join(' ')}
          invalid={Boolean(bodyErrorId)}
          readOnly={readOnly}
          highlightWords={highlightWords}
        />
        <p id="article-body-count" className="mt-1 text-xs text-neutral-700 dark:text-neutral-300" data-testid="word-count">
          {t('wordCount', { words: stats.words, characters: stats.characters })}
        </p>
        {bodyErrorId ? (
          <p id={bodyErrorId} className="mt-1 text-sm text-red-700 dark:text-red-300">
            {errors.body!.join(' ')}
          </p>
        ) : null}
      </div>
      <FormField id="article-excerpt" label={t('fieldExcerpt')} hint={t('excerptHint')} errors={errors.excerpt}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} className="admin-input" rows={3} value={values.excerpt} maxLength={1000} readOnly={readOnly} dir="auto" aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set('excerpt', e.target.value)} />
        )}
      </FormField>
    </div>
  );
}
