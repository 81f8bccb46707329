'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { EditorTranslator } from '@/domain/i18n/admin-editor';
import { DiffText } from './DiffText';
import type { EditorValues } from './form-model';
import { applyChoices, FIELD_LABELS, mergeRows, type MergeField } from './merge-fields';
import { richTextToPlainText } from '@/domain/rich-text/plain-text';
import type { EditorContext } from './types';


interface Props {
  t: EditorTranslator;
  context: EditorContext;
  mine: EditorValues;
  base: EditorValues;
  /** null while the current version loads. */
  server: { version: number; values: EditorValues } | null;
  loadError: string | null;
  saving: boolean;
  onSave: (merged: EditorValues, serverVersion: number) => void;
  onClose: () => void;
}

/** Side by side, field by field: the version on the server and the edits that could not be saved. */
export function ConflictDialog({ t, context, mine, base, server, loadError, saving, onSave, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [choices, setChoices] = useState<Partial<Record<MergeField, 'mine' | 'theirs'>>>({});

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const resolvers = {
    bodyText: richTextToPlainText,
    sectionName: (id: number) => context.sections.find((s) => s.id === id)?.title,
    authorName: (id: number) => context.staff.find((s) => s.id === id)?.name,
  };
  const rows = server ? mergeRows(mine, server.values, base, resolvers) : [];
  const choiceOf = (field: MergeField, preferred: 'mine' | 'theirs') => choices[field] ?? preferred;
  const setAll = (side: 'mine' | 'theirs') => setChoices(Object.fromEntries(rows.map((r) => [r.field, side])));

  const save = () => {
    if (!server) return;
    const resolved = Object.fromEntries(rows.map((r) => [r.field, choiceOf(r.field, r.preferred)]));
    onSave(applyChoices(mine, server.values, resolved), server.version);
  };

  const label = (field: MergeField) => (field === 'publishedAtLocal' ? t('fieldPublishedAt', { zone: context.timeZone }) : t(FIELD_LABELS[field]));

  return (
    <dialog ref={ref} className="editor-dialog editor-merge-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} className="text-lg font-semibold">
        {t('mergeTitle')}
      </h2>
      {!server ? (
        <p role={loadError ? 'alert' : 'status'} className="my-4">
          {loadError ?? t('mergeLoading')}
        </p>
      ) : (
        <>
          <p className="my-2 text-sm">{t('mergeIntro', { version: server.version })}</p>
          <p className="mb-3 text-xs text-neutral-700 dark:text-neutral-300">{t('mergeLegend')}</p>
          {rows.length ? (
            <div className="mb-3 flex flex-wrap gap-2">
              <button type="button" className="admin-button" onClick={() => setAll('mine')}>
                {t('allMine')}
              </button>
              <button type="button" className="admin-button" onClick={() => setAll('theirs')}>
                {t('allTheirs')}
              </button>
            </div>
          ) : (
            <p className="my-3">{t('noDifferences')}</p>
          )}
          <div className="space-y-4">
            {rows.map((row) => (
              <fieldset key={row.field} className="rounded border border-neutral-300 p-3 dark:border-neutral-700">
                <legend className="px-1 font-medium">{label(row.field)}</legend>
                {row.field === 'body' || row.field === 'excerpt' ? (
                  row.formattingOnly ? (
                    <p className="text-sm">{t('formattingOnly')}</p>
                  ) : (
                    <DiffText parts={row.parts} insertedLabel={t('inserted')} deletedLabel={t('deleted')} className="max-h-64 overflow-y-auto text-sm" />
                  )
                ) : (
                  <dl className="grid gap-1 text-sm sm:grid-cols-[8rem_1fr]">
                    <dt className="text-neutral-700 dark:text-neutral-300">{t('serverVersion')}</dt>
                    <dd className="break-words">{row.theirs || t('empty')}</dd>
                    <dt className="text-neutral-700 dark:text-neutral-300">{t('yourVersion')}</dt>
                    <dd className="break-words">{row.mine || t('empty')}</dd>
                    {row.parts.length ? (
                      <dd className="sm:col-start-2">
                        <DiffText parts={row.parts} insertedLabel={t('inserted')} deletedLabel={t('deleted')} />
                      </dd>
                    ) : null}
                  </dl>
                )}
                <div className="mt-2 flex flex-wrap gap-4 text-sm">
                  <label className="flex items-center gap-1">
                    <input type="radio" name={`merge-${row.field}`} checked={choiceOf(row.field, row.preferred) === 'mine'} onChange={() => setChoices({ ...choices, [row.field]: 'mine' })} />
                    {t('keepMine')}
                  </label>
                  <label className="flex items-center gap-1">
                    <input type="radio" name={`merge-${row.field}`} checked={choiceOf(row.field, row.preferred) === 'theirs'} onChange={() => setChoices({ ...choices, [row.field]: 'theirs' })} />
                    {t('keepTheirs')}
                  </label>
                </div>
              </fieldset>
            ))}
          </div>
        </>
      )}
      <div className="sticky bottom-0 mt-4 flex flex-wrap justify-end gap-2 bg-white pt-2 dark:bg-neutral-900">
        <button type="button" className="admin-button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="admin-button-primary" disabled={!server || saving} onClick={save}>
          {t('saveMerged')}
        </button>
      </div>
    </dialog>
  );
}
