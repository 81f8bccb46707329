'use client';

import { createContext, startTransition, use, useActionState, useEffect, useRef } from 'react';
import { IDLE_FORM, type FormAction, type FormState } from '../../../domain/form-state';

const FormContext = createContext<{ state: FormState; pending: boolean; idPrefix: string }>({ state: IDLE_FORM, pending: false, idPrefix: '' });

interface Props {
  action: FormAction;
  /** Prefix of the ids of this form's fields (`${idPrefix}-${name}`), unique on the page. */
  idPrefix: string;
  children: React.ReactNode;
  className?: string;
  /** Asked before submitting (deletes and other changes that cannot be undone). */
  confirmText?: string;
  /** Empty the fields after a success (create forms). */
  resetOnSuccess?: boolean;
  ariaLabel?: string;
  /** Long forms show the answer beside their submit button, at the end. */
  messagesAtEnd?: boolean;
}

/**
 * A form posting to a server action, with its answer shown in place. Without JavaScript it still
 * posts; with it, the fields keep what was typed when the server refuses it (React would reset them).
 */
export function ActionForm({ action, idPrefix, children, className, confirmText, resetOnSuccess, ariaLabel, messagesAtEnd }: Props) {
  const [state, dispatch, pending] = useActionState(action, IDLE_FORM);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state.status === 'ok' && resetOnSuccess) formRef.current?.reset();
    if (state.status !== 'error') return;
    const firstField = Object.keys(state.fieldErrors)[0];
    const input = firstField ? document.getElementById(`${idPrefix}-${firstField}`) : null;
    // A field in a collapsed section (SEO) must be shown before it can take focus.
    input?.closest('details')?.setAttribute('open', '');
    (input ?? alertRef.current)?.focus();
  }, [state, idPrefix, resetOnSuccess]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmText && !window.confirm(confirmText)) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }

  const gap = messagesAtEnd ? 'mt-3' : 'mb-3';
  const messages = (
    <>
      {state.status === 'error' ? (
        <p ref={alertRef} tabIndex={-1} role="alert" className={`${gap} rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200`}>
          {state.error}
        </p>
      ) : null}
      {state.status === 'ok' ? (
        <p role="status" className={`${gap} rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100`}>
          ✓ {state.message}
        </p>
      ) : null}
    </>
  );

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} className={className} aria-label={ariaLabel} aria-busy={pending}>
      <FormContext value={{ state, pending, idPrefix }}>
        {messagesAtEnd ? null : messages}
        {children}
        {messagesAtEnd ? messages : null}
      </FormContext>
    </form>
  );
}

/** The server's words about one field; always present so `aria-describedby` can point at it. */
export function FieldErrors({ name }: { name: string }) {
  const { state, idPrefix } = use(FormContext);
  const messages = state.status === 'error' ? state.fieldErrors[name] : undefined;
  return (
    <span id={`${idPrefix}-${name}-error`} className="mt-1 block text-sm text-red-700 empty:hidden dark:text-red-300">
      {messages?.join(' ')}
    </span>
  );
}

export function SubmitButton({ children, className = 'admin-button-primary', name, value }: { children: React.ReactNode; className?: string; name?: string; value?: string }) {
  const { pending } = use(FormContext);
  return (
    <button type="submit" name={name} value={value} disabled={pending} className={className}>
      {children}
    </button>
  );
}
