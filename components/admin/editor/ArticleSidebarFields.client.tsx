'use client';

import { useState } from 'react';
import { nameMatches } from '@/domain/attribution';
import type { EditorTranslator } from '@/domain/i18n/admin-editor';
import type { EditorValues } from './form-model';
import { CoverField } from './CoverField.client';
import { FormField, TextInputField } from './FormField.client';
import { TagInput } from './TagInput.client';
import type { EditorContext } from './types';

interface Props {
  values: EditorValues;
  set: <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => void;
  errors: Record<string, string[]>;
  context: EditorContext;
  readOnly: boolean;
  t: EditorTranslator;
}

/** Section, tags, people and publishing settings: the right-hand column of the editor. */
/** A newsroom's staff list gets a filter box once it no longer fits at a glance. */
const AUTHOR_FILTER_FROM = 8;

export function ArticleSidebarFields({ values, set, errors, context, readOnly, t }: Props) {
  const [authorFilter, setAuthorFilter] = useState('');
  const staffName = (id: number) => context.staff.find((s) => s.id === id)?.name ?? `#${id}`;
  const flagsHint = context.canFeature ? undefined : 'article-flags-hint';
  /** A flag's own one-line hint, and why it is read-only when it is. */
  const describedBy = (hintId: string) => [hintId, flagsHint].filter(Boolean).join(' ');
  const toggleAuthor = (id: number, on: boolean) =>
    set('authorIds', on ? [...values.authorIds, id] : values.authorIds.filter((a) => a !== id));

  return (
    <>
      <fieldset className="admin-card space-y-3" disabled={readOnly}>
        <legend className="px-1 text-sm font-semibold">{t('groupDetails')}</legend>
        <FormField id="article-section" label={t('fieldSection')} errors={errors.sectionId}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              className="admin-input"
              value={values.sectionId ?? ''}
              onChange={(e) => set('sectionId', e.target.value ? Number(e.target.value) : null)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              aria-required="true"
            >
              {/* A prompt, not a value: once a section is chosen the story keeps one (the database requires it). */}
              <option value="" disabled={values.sectionId !== null}>
                {t('chooseSection')}
              </option>
              {context.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {'\u00a0\u00a0'.repeat(s.depth)}
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="article-tags" label={t('fieldTags')} hint={t('tagsHint')} errors={errors.tagNames}>
          {({ id, describedBy, invalid }) => (
            <TagInput
              id={id}
              value={values.tagNames}
              onChange={(tags) => set('tagNames', tags)}
              suggestions={context.tagSuggestions}
              disabled={readOnly}
              describedBy={describedBy}
              invalid={invalid}
              removeLabel={(name) => t('removeTag', { name })}
            />
          )}
        </FormField>
        {context.canEditAuthors ? (
          <fieldset aria-describedby="article-authors-hint">
            <legend className="mb-1 text-sm font-medium">{t('fieldAuthors')}</legend>
            {context.staff.length > AUTHOR_FILTER_FROM ? (
              <input
                type="search"
                value={authorFilter}
                onChange={(e) => setAuthorFilter(e.target.value)}
                aria-label={t('filterAuthors')}
                placeholder={t('filterAuthors')}
                className="admin-input mb-1 text-sm"
              />
            ) : null}
            <div className="max-h-40 space-y-1 overflow-y-auto rounded border border-neutral-300 p-2 dark:border-neutral-700">
              {context.staff.filter((person) => values.authorIds.includes(person.id) || nameMatches(person.name, authorFilter)).map((person) => (
                <label key={person.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={values.authorIds.includes(person.id)} onChange={(e) => toggleAuthor(person.id, e.target.checked)} />
                  {person.name}
                </label>
              ))}
            </div>
            <p id="article-authors-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
              {t('authorsHint')}
            </p>
            {errors.authorIds ? <p className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.authorIds.join(' ')}</p> : null}
          </fieldset>
        ) : (
          <div>
            <p className="mb-1 text-sm font-medium">{t('fieldAuthors')}</p>
            <p className="text-sm">{values.authorIds.length ? values.authorIds.map(staffName).join(context.uiLocale === 'zh-CN' ? '、' : ', ') : t('authorsDefault')}</p>
            <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">{t('authorsReadOnly')}</p>
          </div>
        )}
        <TextInputField id="article-byline" label={t('fieldByline')} hint={t('bylineHint')} errors={errors.byline} value={values.byline} maxLength={200} onChange={(v) => set('byline', v)} />
        <TextInputField id="article-source" label={t('fieldSource')} errors={errors.source} value={values.source} maxLength={200} onChange={(v) => set('source', v)} />
        <TextInputField id="article-editor-name" label={t('fieldEditorName')} hint={t('editorNameHint')} errors={errors.editorName} value={values.editorName} maxLength={100} onChange={(v) => set('editorName', v)} />
        <FormField id="article-locale" label={t('fieldLocale')} errors={errors.locale}>
          {({ id, describedBy }) => (
            <select id={id} className="admin-input" value={values.locale} onChange={(e) => set('locale', e.target.value === 'en' ? 'en' : 'zh-CN')} aria-describedby={describedBy}>
              <option value="zh-CN">{t('localeZh')}</option>
              <option value="en">{t('localeEn')}</option>
            </select>
          )}
        </FormField>
      </fieldset>

      <fieldset className="admin-card space-y-3" disabled={readOnly}>
        <legend className="px-1 text-sm font-semibold">{t('groupPublishing')}</legend>
        <FormField id="article-published-at" label={t('fieldPublishedAt', { zone: context.timeZone })} hint={t('publishedAtHint')} errors={errors.publishedAt}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="datetime-local" className="admin-input" value={values.publishedAtLocal} onChange={(e) => set('publishedAtLocal', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </FormField>
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={values.featured} disabled={!context.canFeature} aria-describedby={describedBy('article-featured-hint')} onChange={(e) => set('featured', e.target.checked)} />
            {t('fieldFeatured')}
          </label>
          <p id="article-featured-hint" className="ms-6 text-xs text-neutral-600 dark:text-neutral-400">
            {t('featuredHint')}
          </p>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={values.pinned} disabled={!context.canFeature} aria-describedby={describedBy('article-pinned-hint')} onChange={(e) => set('pinned', e.target.checked)} />
            {t('fieldPinned')}
          </label>
          <p id="article-pinned-hint" className="ms-6 text-xs text-neutral-600 dark:text-neutral-400">
            {t('pinnedHint')}
          </p>
          {values.pinned ? (
            <FormField id="article-pinned-until" label={t('fieldPinnedUntil', { zone: context.timeZone })} hint={t('pinnedUntilHint')} errors={errors.pinnedUntil} className="ms-6">
              {({ id, describedBy, invalid }) => (
                <input id={id} type="datetime-local" className="admin-input" value={values.pinnedUntilLocal} disabled={!context.canFeature} onChange={(e) => set('pinnedUntilLocal', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
              )}
            </FormField>
          ) : null}
          {context.canFeature ? null : (
            <p id="article-flags-hint" className="text-xs text-neutral-600 dark:text-neutral-400">
              {t('flagsReadOnly')}
            </p>
          )}
        </div>
        <FormField id="article-slug" label={t('fieldSlug')} hint={t('slugHint')} errors={errors.slug}>
          {({ id, describedBy, invalid }) => (
            <input id={id} className="admin-input font-mono text-sm" value={values.slug} maxLength={120} onChange={(e) => set('slug', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} spellCheck={false} autoCapitalize="off" />
          )}
        </FormField>
      </fieldset>

      <fieldset className="admin-card space-y-3" disabled={readOnly}>
        <legend className="px-1 text-sm font-semibold">{t('groupCover')}</legend>
        <CoverField values={values} set={set} errors={errors} locale={context.uiLocale} t={t} />
      </fieldset>

      <fieldset className="admin-card space-y-3" disabled={readOnly}>
        <legend className="px-1 text-sm font-semibold">{t('groupSeo')}</legend>
        <FormField id="article-seo-title" label={t('fieldSeoTitle')} errors={errors.seoTitle}>
          {({ id, describedBy, invalid }) => (
            <input id={id} className="admin-input" value={values.seoTitle} maxLength={300} onChange={(e) => set('seoTitle', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </FormField>
        <FormField id="article-seo-description" label={t('fieldSeoDescription')} errors={errors.seoDescription}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} className="admin-input" rows={3} value={values.seoDescription} maxLength={500} onChange={(e) => set('seoDescription', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </FormField>
      </fieldset>
    </>
  );
}
