import { describe, expect, it } from 'vitest';
import { createPreviewToken, PREVIEW_LIFETIME_SECONDS, verifyPreviewToken } from '@/lib/preview-token';

const secret = 'a-test-secret-that-is-long-enough-for-hmac-0123456789';
const now = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('preview tokens', () => {
  it('round-trips the article id and expires after seven days by default', () => {
    const { token, expiresAt } = createPreviewToken(42, { secret, now });
    expect(verifyPreviewToken(token, { secret, now })).toEqual({ articleId: 42, exp: now / 1000 + PREVIEW_LIFETIME_SECONDS });
    expect(expiresAt).toBe(new Date(now + PREVIEW_LIFETIME_SECONDS * 1000).toISOString());
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('refuses an expired token', () => {
    const { token } = createPreviewToken(42, { secret, now, lifetimeSeconds: 60 });
    expect(verifyPreviewToken(token, { secret, now: now + 59_000 })).not.toBeNull();
    expect(verifyPreviewToken(token, { secret, now: now + 60_000 })).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const { token } = createPreviewToken(42, { secret: `${secret}-other`, now });
    expect(verifyPreviewToken(token, { secret, now })).toBeNull();
  });

  it('refuses a payload changed to another article or a later expiry', () => {
    const { token } = createPreviewToken(42, { secret, now });
    const signature = token.split('.')[1];
    const forgedArticle = Buffer.from(JSON.stringify({ a: 43, e: now / 1000 + 100 })).toString('base64url');
    expect(verifyPreviewToken(`${forgedArticle}.${signature}`, { secret, now })).toBeNull();
  });

  it('refuses malformed input without throwing', () => {
    for (const bad of ['', 'abc', 'a.b', '..', `${'x'.repeat(500)}.${'y'.repeat(43)}`, 'eyJhIjoxfQ.' + '!'.repeat(43), 'é.é']) {
      expect(verifyPreviewToken(bad, { secret, now })).toBeNull();
    }
  });

  it('accepts ids up to the database maximum', () => {
    const { token } = createPreviewToken(2_147_483_647, { secret, now });
    expect(verifyPreviewToken(token, { secret, now })?.articleId).toBe(2_147_483_647);
  });
});
