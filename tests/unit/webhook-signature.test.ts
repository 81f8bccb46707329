import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nextAttemptAt, RETRY_DELAYS_MS, RETRY_WINDOW_MS, giveUpAtFrom } from '@/domain/webhooks/schedule';
import { newWebhookSecret, signedHeaders, verifyWebhook, webhookSignature } from '@/domain/webhooks/signature';

describe('webhook signature', () => {
  const secret = 'whsec_test';
  const body = '{"event":"article.published"}';

  it('is hex HMAC-SHA256 over "timestamp.body", as docs/webhooks.md tells receivers', () => {
    const expected = crypto.createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(webhookSignature(secret, 1700000000, body)).toBe(expected);
    expect(signedHeaders(secret, 'abc', 1700000000, body)).toEqual({
      'Content-Type': 'application/json',
      'Webhook-Id': 'abc',
      'Webhook-Timestamp': '1700000000',
      'Webhook-Signature': `v1=${expected}`,
    });
  });

  it('verifies within five minutes, and refuses replays, other bodies, other timestamps and other secrets', () => {
    const headers = signedHeaders(secret, 'abc', 1700000000, body);
    const h = { timestamp: headers['Webhook-Timestamp']!, signature: headers['Webhook-Signature']! };
    expect(verifyWebhook(secret, h, body, 1700000000 + 300)).toBe(true);
    expect(verifyWebhook(secret, h, body, 1700000000 + 301)).toBe(false);
    expect(verifyWebhook(secret, h, body, 1700000000 - 301)).toBe(false);
    expect(verifyWebhook(secret, h, `${body} `, 1700000000)).toBe(false);
    expect(verifyWebhook(secret, { ...h, timestamp: '1700000001' }, body, 1700000000)).toBe(false);
    expect(verifyWebhook('whsec_other', h, body, 1700000000)).toBe(false);
    expect(verifyWebhook(secret, { ...h, signature: `v1=${'0'.repeat(64)} ${h.signature}` }, body, 1700000000), 'one of several').toBe(true);
    expect(verifyWebhook(secret, { ...h, signature: 'v1=zz' }, body, 1700000000)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: null, signature: null }, body, 1700000000)).toBe(false);
  });

  it('secrets are random and long', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe('retry schedule', () => {
  const start = new Date('2025-01-01T00:00:00Z');
  const giveUp = giveUpAtFrom(start);

  it('waits 1, 5, 15, 60 minutes, then 3, 6, 12 hours after each failed attempt', () => {
    expect(RETRY_DELAYS_MS.map((ms) => ms / 60_000)).toEqual([1, 5, 15, 60, 180, 360, 720]);
    let now = start;
    const waits: number[] = [];
    for (let attempts = 1; ; attempts++) {
      const next = nextAttemptAt(attempts, now, giveUp);
      if (!next) break;
      waits.push((next.getTime() - now.getTime()) / 60_000);
      now = next;
    }
    expect(waits).toEqual([1, 5, 15, 60, 180, 360, 720]);
    // 22 h 21 min in: another 12 hours would pass the day, so the eighth failure is final.
    expect(now.getTime() - start.getTime()).toBeLessThan(RETRY_WINDOW_MS);
  });

  it('gives up once the next attempt would fall after a day', () => {
    expect(giveUp.getTime() - start.getTime()).toBe(24 * 3_600_000);
    expect(nextAttemptAt(1, new Date(giveUp.getTime() - 30_000), giveUp)).toBeNull();
    expect(nextAttemptAt(1, new Date(giveUp.getTime() - 60_000), giveUp)).toEqual(giveUp);
    expect(nextAttemptAt(20, start, giveUp)!.getTime() - start.getTime()).toBe(720 * 60_000);
  });
});
