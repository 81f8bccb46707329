import { redactForLog } from '../../domain/redact-log';

/**
 * next-auth's error logger. Wrong passwords and unreadable session cookies are client input, not
 * server faults, and stay out of stderr; anything else is logged redacted (no emails, hashes or
 * query values: issue 10, item 16).
 */
export function logAuthError(error: Error): void {
  const type = (error as { type?: string }).type;
  // CredentialsSignin and its subclasses (RateLimitedError) all carry type 'CredentialsSignin'.
  if (type === 'CredentialsSignin' || type === 'JWTSessionError') return;
  console.error('[auth]', redactForLog(error));
}
