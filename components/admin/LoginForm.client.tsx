'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '@/actions/sign-in';

interface Labels {
  email: string;
  password: string;
  signIn: string;
  wrongCredentials: string;
  rateLimited: string;
}

export function LoginForm({ labels }: { labels: Labels }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: null });
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {labels[state.error]}
        </p>
      ) : null}
      <label className="block">
        <span className="text-sm font-medium">{labels.email}</span>
        <input name="email" type="email" autoComplete="username" required className="admin-input mt-1" />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{labels.password}</span>
        <input name="password" type="password" autoComplete="current-password" required maxLength={256} className="admin-input mt-1" />
      </label>
      <button type="submit" disabled={pending} className="admin-button-primary w-full">
        {labels.signIn}
      </button>
    </form>
  );
}
