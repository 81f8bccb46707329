'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/services/auth';

export interface SignInState {
  error: 'wrongCredentials' | 'rateLimited' | null;
}

/** The form's way in; next-auth's own POST route is guarded by the same limit. */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirectTo: '/admin',
    });
    return { error: null };
  } catch (error) {
    if (error instanceof AuthError) {
      return { error: (error as { code?: string }).code === 'rate_limited' ? 'rateLimited' : 'wrongCredentials' };
    }
    throw error; // the redirect after a successful sign-in
  }
}
