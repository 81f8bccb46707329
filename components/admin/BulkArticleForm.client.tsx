'use client';

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormDialog } from '@/components/admin/editor/FormDialog.client';
import { IDLE_FORM, type FormAction } from '@/domain/form-state';
import { needsConfirmation, type BulkTransition, type ConfirmedBulkTransition } from '@/domain/bulk-actions';
import { adminT } from '@/domain/i18n/admin';
import type { Locale } from '@/domain/i18n/messages';

const LABELS = { publish: 'bulkPublish', unpublish: 'bulkUnpublish', archive: 'bulkArchive', trash: 'bulkTrash', restore: 'bulkRestore' } as const;

interface Props {
  action: FormAction;
  locale: Locale;
  /** The actions this list offers (the trash offers only restore). */
  options: BulkTransition[];
  /** The article table, whose row checkboxes are named `ids`. */
  children: ReactNode;
}

interface Pending {
  data: FormData;
  transition: ConfirmedBulkTransition;
  count: number;
}

/**
 * The article list's bulk form. The menu starts on a neutral entry that does nothing; an action
 * that changes what readers see is confirmed in a dialog naming it and the number of stories;
 * the server answers in words. Without JavaScript the form still posts (and the server still
 * refuses an empty selection or action).
 */
export function BulkArticleForm({ action, locale, options, children }: Props) {
  const t = adminT(locale);
  const [state, dispatch, busy] = useActionState(action, IDLE_FORM);
  const [local, setLocal] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status === 'idle') return;
    // A done action leaves nothing selected: the next one starts from the neutral entry again.
    formRef.current?.reset();
    if (state.status === 'error') alertRef.current?.focus();
  }, [state]);

  const send = (data: FormData) => {
    setLocal(null);
    startTransition(() => dispatch(data));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const transition = String(data.get('transition') ?? '') as BulkTransition | '';
    const count = data.getAll('ids').length;
    if (!count) return setLocal(t('bulkNothingSelected'));
    if (!transition) return setLocal(t('bulkChooseAction'));
    if (needsConfirmation(transition)) return setPending({ data, transition, count });
    send(data);
  }

  const error = local ?? (state.status === 'error' ? state.error : null);
  return (
    <form ref={formRef} onSubmit={onSubmit} action={dispatch} className="space-y-3" aria-busy={busy}>
      {children}
      {options.length ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label>
            <span className="sr-only">{t('bulkChoose')}</span>
            <select name="transition" defaultValue="" className="admin-input" onChange={() => setLocal(null)}>
              <option value="">{t('bulkChoose')}</option>
              {options.map((o) => (
                <option key={o} value={o}>
                  {t(LABELS[o])}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="admin-button" disabled={busy}>
            {t('apply')}
          </button>
        </div>
      ) : null}
      {/* Live regions stay in the DOM so that each new answer is announced. */}
      <p ref={alertRef} tabIndex={-1} role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200">
        {error ?? ''}
      </p>
      <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900 empty:hidden dark:bg-emerald-950 dark:text-emerald-100">
        {!local && state.status === 'ok' ? state.message : ''}
      </p>
      {pending ? (
        <FormDialog
          open
          title={t('bulkConfirmTitle', { action: t(LABELS[pending.transition]) })}
          submitLabel={t(LABELS[pending.transition])}
          cancelLabel={t('cancel')}
          onClose={() => setPending(null)}
          onSubmit={() => {
            setPending(null);
            send(pending.data);
          }}
        >
          <p className="text-sm">{t(`bulkConfirm_${pending.transition}`, { count: pending.count, articles: pending.count === 1 ? 'article' : 'articles' })}</p>
        </FormDialog>
      ) : null}
    </form>
  );
}
