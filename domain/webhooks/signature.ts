import crypto from 'node:crypto';

/**
 * The signature receivers verify (docs/webhooks.md): HMAC-SHA256 with the webhook's secret over
 * `${timestamp}.${body}`, hex, sent as `Webhook-Signature: v1=<hex>`. The timestamp is inside the
 * signed text so that a captured request cannot be replayed later with a fresh timestamp; the
 * receiver refuses timestamps older than REPLAY_WINDOW_SECONDS.
 */

export const SIGNATURE_VERSION = 'v1';
export const REPLAY_WINDOW_SECONDS = 5 * 60;

export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The three headers of one attempt; `timestamp` is unix seconds at the time of sending. */
export function signedHeaders(secret: string, deliveryId: string, timestamp: number, body: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'Webhook-Id': deliveryId,
    'Webhook-Timestamp': String(timestamp),
    'Webhook-Signature': `${SIGNATURE_VERSION}=${webhookSignature(secret, timestamp, body)}`,
  };
}

/**
 * What a receiver does, here for the tests and as the reference for the documented snippet:
 * the header may list several signatures (`v1=… v1=…`, for a secret being rotated); one must match.
 */
export function verifyWebhook(secret: string, headers: { timestamp: string | null; signature: string | null }, body: string, nowSeconds: number): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > REPLAY_WINDOW_SECONDS) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, body), 'hex');
  return (headers.signature ?? '').split(/[\s,]+/).some((part) => {
    const [version, hex] = part.split('=');
    if (version !== SIGNATURE_VERSION || !hex || !/^[0-9a-f]{64}$/i.test(hex)) return false;
    return crypto.timingSafeEqual(Buffer.from(hex, 'hex'), expected);
  });
}

/** A new secret: 32 random bytes, prefixed so that it is recognisable in a receiver's configuration. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64url')}`;
}
