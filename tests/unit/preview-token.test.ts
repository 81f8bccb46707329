import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { createPreviewToken, PREVIEW_LIFETIME_SECONDS, verifyPreviewToken } from '@/domain/preview-token';

const secret = 'a-test-secret-that-is-long-enough-for-hmac-0123456789';
const now = Date.UTC(2025, 0, 1, 12, 0, 0);
const exp = now / 1000 + 3600;

describe('preview tokens', () => {
  it('round-trips the link id, the article id and the expiry', () => {
    const token = createPreviewToken({ linkId: 7, articleId: 42, exp }, { secret });
    expect(verifyPreviewToken(token, { secret, now })).toEqual({ linkId: 7, articleId: 42, exp });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('new links last 48 hours (issue 10, item 8)', () => {
    expect(PREVIEW_LIFETIME_SECONDS).toBe(48 * 3600);
  });

  it('refuses an expired token', () => {
    const token = createPreviewToken({ linkId: 1, articleId: 42, exp: now / 1000 + 60 }, { secret });
    expect(verifyPreviewToken(token, { secret, now: now + 59_000 })).not.toBeNull();
    expect(verifyPreviewToken(token, { secret, now: now + 60_000 })).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const token = createPreviewToken({ linkId: 1, articleId: 42, exp }, { secret: `${secret}-other` });
    expect(verifyPreviewToken(token, { secret, now })).toBeNull();
  });

  it('refuses a payload changed to another link, another article or a later expiry', () => {
    const token = createPreviewToken({ linkId: 1, articleId: 42, exp }, { secret });
    const signature = token.split('.')[1];
    for (const forged of [{ l: 2, a: 42, e: exp }, { l: 1, a: 43, e: exp }, { l: 1, a: 42, e: exp + 100 }]) {
      expect(verifyPreviewToken(`${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`, { secret, now })).toBeNull();
    }
  });

  it('refuses the old, unrevocable links (no link id, the v1 key)', () => {
    const payload = Buffer.from(JSON.stringify({ a: 42, e: exp })).toString('base64url');
    const v1Key = crypto.createHmac('sha256', secret).update('gazette/preview-link/v1').digest();
    const v1 = `${payload}.${crypto.createHmac('sha256', v1Key).update(payload).digest('base64url')}`;
    expect(verifyPreviewToken(v1, { secret, now })).toBeNull();
  });

  it('refuses malformed input without throwing', () => {
    for (const bad of ['', 'abc', 'a.b', '..', `${'x'.repeat(500)}.${'y'.repeat(43)}`, 'eyJhIjoxfQ.' + '!'.repeat(43), 'é.é']) {
      expect(verifyPreviewToken(bad, { secret, now })).toBeNull();
    }
  });

  it('accepts ids up to the database maximum', () => {
    const token = createPreviewToken({ linkId: 2_147_483_647, articleId: 2_147_483_647, exp }, { secret });
    expect(verifyPreviewToken(token, { secret, now })).toMatchObject({ linkId: 2_147_483_647, articleId: 2_147_483_647 });
  });
});
