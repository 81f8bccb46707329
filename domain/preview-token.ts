import crypto from 'node:crypto';

/**
 * Signed links that let someone without an account read one unpublished article. Every link is a
 * row in preview_links (db/queries/admin/preview-links.ts), which can be revoked and is checked
 * on every open; the token only names that row and proves it was issued here.
 * Token = base64url(JSON {l: link id, a: articleId, e: expiry in unix seconds}) "." base64url(HMAC-SHA256).
 */

/** How long a new link works: two days. */
export const PREVIEW_LIFETIME_SECONDS = 48 * 60 * 60;

export interface PreviewClaims {
  linkId: number;
  articleId: number;
  /** Expiry, unix seconds. */
  exp: number;
}

// A key of its own, derived from the auth secret, so a preview signature can never double as
// (or be forged from) any other signature made with the same secret. v2: links with a stored row;
// a v1 link (no row, unrevocable, 7 days) no longer verifies.
function signingKey(secret: string): Buffer {
  return crypto.createHmac('sha256', secret).update('gazette/preview-link/v2').digest();
}

function sign(payload: string, secret: string): string {
  return crypto.createHmac('sha256', signingKey(secret)).update(payload).digest('base64url');
}

/** `secret` is the site's auth secret (services/auth/secret.ts); passed in, so this stays pure. */
export function createPreviewToken(claims: PreviewClaims, options: { secret: string }): string {
  const payload = Buffer.from(JSON.stringify({ l: claims.linkId, a: claims.articleId, e: claims.exp })).toString('base64url');
  return `${payload}.${sign(payload, options.secret)}`;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,200}\.[A-Za-z0-9_-]{43}$/;

const positiveId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= 2_147_483_647;

/** The claims of a genuine, unexpired token; null for anything else. The link's row decides the rest. */
export function verifyPreviewToken(token: string, options: { now?: number; secret: string }): PreviewClaims | null {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [payload = '', signature = ''] = token.split('.');
  const expected = Buffer.from(sign(payload, options.secret), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { l, a, e } = (claims ?? {}) as { l?: unknown; a?: unknown; e?: unknown };
  if (!positiveId(l) || !positiveId(a) || !Number.isSafeInteger(e)) return null;
  const now = options.now ?? Date.now();
  if ((e as number) * 1000 <= now) return null;
  return { linkId: l, articleId: a, exp: e as number };
}
