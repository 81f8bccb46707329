import 'server-only';
import crypto from 'node:crypto';
import { authSecret } from './auth/secret';

/**
 * Signed, expiring links that let someone without an account read one unpublished article.
 * Token = base64url(JSON {a: articleId, e: expiry in unix seconds}) "." base64url(HMAC-SHA256).
 */

export const PREVIEW_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

export interface PreviewClaims {
  articleId: number;
  /** Expiry, unix seconds. */
  exp: number;
}

// A key of its own, derived from the auth secret, so a preview signature can never double as
// (or be forged from) any other signature made with the same secret.
function signingKey(secret: string): Buffer {
  return crypto.createHmac('sha256', secret).update('gazette/preview-link/v1').digest();
}

function sign(payload: string, secret: string): string {
  return crypto.createHmac('sha256', signingKey(secret)).update(payload).digest('base64url');
}

export function createPreviewToken(
  articleId: number,
  options: { lifetimeSeconds?: number; now?: number; secret?: string } = {},
): { token: string; expiresAt: string } {
  const now = options.now ?? Date.now();
  const exp = Math.floor(now / 1000) + (options.lifetimeSeconds ?? PREVIEW_LIFETIME_SECONDS);
  const payload = Buffer.from(JSON.stringify({ a: articleId, e: exp })).toString('base64url');
  return { token: `${payload}.${sign(payload, options.secret ?? authSecret())}`, expiresAt: new Date(exp * 1000).toISOString() };
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,200}\.[A-Za-z0-9_-]{43}$/;

/** The claims of a genuine, unexpired token; null for anything else. */
export function verifyPreviewToken(token: string, options: { now?: number; secret?: string } = {}): PreviewClaims | null {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [payload = '', signature = ''] = token.split('.');
  const expected = Buffer.from(sign(payload, options.secret ?? authSecret()), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { a, e } = (claims ?? {}) as { a?: unknown; e?: unknown };
  if (!Number.isSafeInteger(a) || (a as number) < 1 || !Number.isSafeInteger(e)) return null;
  const now = options.now ?? Date.now();
  if ((e as number) * 1000 <= now) return null;
  return { articleId: a as number, exp: e as number };
}
