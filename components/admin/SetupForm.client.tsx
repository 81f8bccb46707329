'use client';

import { useActionState } from 'react';
import { setupOwnerAction, type SetupState } from '@/actions/setup';
import { FieldError } from './FieldError';

interface Labels {
  name: string;
  email: string;
  password: string;
  submit: string;
  setupCode: string;
  setupCodeHint: string;
}

export function SetupForm({ labels, requireCode }: { labels: Labels; requireCode: boolean }) {
  const [state, action, pending] = useActionState<SetupState, FormData>(setupOwnerAction, { error: null });
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      ) : null}
      {requireCode ? (
        <label className="block">
          <span className="text-sm font-medium">{labels.setupCode}</span>
          <span id="setup-code-hint" className="block text-xs text-neutral-600 dark:text-neutral-400">
            {labels.setupCodeHint}
          </span>
          <input name="setupCode" required autoComplete="off" spellCheck={false} maxLength={64} aria-describedby="setup-code-hint" className="admin-input mt-1 font-mono" />
          <FieldError messages={state.fieldErrors?.setupCode} />
        </label>
      ) : null}
      <label className="block">
        <span className="text-sm font-medium">{labels.name}</span>
        <input name="name" required maxLength={100} autoComplete="name" className="admin-input mt-1" />
        <FieldError messages={state.fieldErrors?.name} />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{labels.email}</span>
        <input name="email" type="email" required autoComplete="username" className="admin-input mt-1" />
        <FieldError messages={state.fieldErrors?.email} />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{labels.password}</span>
        <input name="password" type="password" required minLength={8} maxLength={256} autoComplete="new-password" className="admin-input mt-1" />
        <FieldError messages={state.fieldErrors?.password} />
      </label>
      <button type="submit" disabled={pending} className="admin-button-primary w-full">
        {labels.submit}
      </button>
    </form>
  );
}
