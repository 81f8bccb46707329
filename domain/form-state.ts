/** What a management form's server action answers; plain JSON so it crosses to the client. */
export type FormState =
  | { status: 'idle' }
  | { status: 'ok'; message: string; at: number }
  | { status: 'error'; error: string; fieldErrors: Record<string, string[]>; at: number };

export const IDLE_FORM: FormState = { status: 'idle' };

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;
