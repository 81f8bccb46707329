'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { EditorTranslator } from '@/domain/i18n/admin-editor';
import type { Locale } from '@/domain/i18n/messages';
import { translateMessage } from '@/domain/i18n/server-messages';
import { blockingFailures, type ChecklistItem } from '@/domain/publishing/checklist';

export type PublishMode = 'now' | 'later';

interface Props {
  t: EditorTranslator;
  uiLocale: Locale;
  timeZone: string;
  /** How the panel opens: 发布 → now, 定时发布 → at a time. */
  initialMode: PublishMode;
  /** The form's publish time (site wall clock), offered when it is still ahead. */
  initialLocal: string;
  checklist: ChecklistItem[];
  /** The site wall clock as ISO with offset ('' when not a time). */
  toIso: (local: string) => string;
  formatTime: (iso: string) => string;
  busy: boolean;
  onConfirm: (mode: PublishMode, publishAtIso: string) => void;
  onClose: () => void;
}

/**
 * The publish panel: now or at a time, the checklist (the same function the server runs, so
 * what passes here is not refused there), then a confirmation naming what will happen. A native
 * modal <dialog>: focus moves in, Escape closes it, and the caller returns focus to the opener.
 */
export function PublishDialog({ t, uiLocale, timeZone, initialMode, initialLocal, checklist, toIso, formatTime, busy, onConfirm, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [mode, setMode] = useState<PublishMode>(initialMode);
  const [local, setLocal] = useState(() => {
    const iso = toIso(initialLocal);
    return iso && new Date(iso).getTime() > Date.now() ? initialLocal : '';
  });
  const [step, setStep] = useState<'check' | 'confirm'>('check');
  // "In the future" as of opening the panel (render stays pure); the server checks again on confirm.
  const [openedAt] = useState(() => Date.now());

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const iso = mode === 'later' ? toIso(local) : '';
  const timeOk = mode === 'now' || Boolean(iso && new Date(iso).getTime() > openedAt);
  const blocked = blockingFailures(checklist).length > 0;

  const itemText = (item: ChecklistItem) => {
    const label = t(`check_${item.code}`, item.params);
    if (item.ok) return label;
    // A failing item also says what is wrong, in the words the server would refuse it with.
    return `${label}${uiLocale === 'en' ? ': ' : '：'}${translateMessage(uiLocale, { code: item.code, params: item.params })}`;
  };

  // Portalled to <body>: the editor is a <form>, and forms cannot nest.
  return createPortal(
    <dialog ref={ref} className="editor-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="publish-dialog">
      <div className="space-y-4">
        <h2 id={titleId} className="text-lg font-semibold">
          {t('publishPanelTitle')}
        </h2>
        {step === 'check' ? (
          <>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t('publishWhen')}</legend>
              <div className="flex flex-wrap gap-4 text-sm">
                {(['now', 'later'] as const).map((value) => (
                  <label key={value} className="flex items-center gap-1">
                    <input type="radio" name="publish-mode" value={value} checked={mode === value} onChange={() => setMode(value)} autoFocus={value === initialMode} />
                    {value === 'now' ? t('publishNow') : t('publishLater')}
                  </label>
                ))}
              </div>
              {mode === 'later' ? (
                <label className="block text-sm">
                  <span className="block font-medium">{t('publishTimeLabel', { zone: timeZone })}</span>
                  <input type="datetime-local" className="admin-input" value={local} onChange={(e) => setLocal(e.target.value)} aria-invalid={!timeOk || undefined} aria-describedby={timeOk ? undefined : `${titleId}-time`} />
                  {timeOk ? null : (
                    <span id={`${titleId}-time`} className="text-red-700 dark:text-red-300">
                      {t('scheduleNeedsFuture')}
                    </span>
                  )}
                </label>
              ) : null}
            </fieldset>
            <section aria-labelledby={`${titleId}-check`} className="space-y-1">
              <h3 id={`${titleId}-check`} className="text-sm font-medium">
                {t('checklistHeading')}
              </h3>
              <ul className="space-y-1 text-sm" data-testid="publish-checklist">
                {checklist.map((item) => (
                  <li key={item.code} data-ok={item.ok} className={item.ok ? '' : item.blocking ? 'text-red-700 dark:text-red-300' : 'text-amber-800 dark:text-amber-300'}>
                    <span aria-hidden="true">{item.ok ? '✓ ' : item.blocking ? '✗ ' : '! '}</span>
                    <span className="sr-only">{item.ok ? t('checkPassed') : item.blocking ? t('checkFailed') : t('checkWarning')}: </span>
                    {itemText(item)}
                    {!item.ok && !item.blocking ? ` (${t('checkWarning')})` : null}
                  </li>
                ))}
              </ul>
              {blocked ? <p className="text-sm">{t('checklistBlocked')}</p> : null}
            </section>
            <div className="flex flex-wrap justify-end gap-2">
              <button type="button" className="admin-button" onClick={onClose}>
                {t('cancel')}
              </button>
              <button type="button" className="admin-button-primary" disabled={blocked || !timeOk} onClick={() => setStep('confirm')}>
                {mode === 'now' ? t('publishNow') : t('publishLater')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="text-sm" data-testid="publish-confirm-text">
              {mode === 'now' ? t('publishConfirmNow') : t('publishConfirmLater', { time: formatTime(iso) })}
            </p>
            <div className="flex flex-wrap justify-end gap-2">
              <button type="button" className="admin-button" onClick={() => setStep('check')} disabled={busy}>
                {t('back')}
              </button>
              <button type="button" className="admin-button-primary" autoFocus disabled={busy} aria-busy={busy || undefined} onClick={() => onConfirm(mode, iso)}>
                {mode === 'now' ? t('confirmPublish') : t('confirmSchedule')}
              </button>
            </div>
          </>
        )}
      </div>
    </dialog>,
    document.body,
  );
}
