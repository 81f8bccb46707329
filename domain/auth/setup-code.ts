import crypto from 'node:crypto';

/**
 * The one-time code of the first-run setup form (issue 10, item 4). On a fresh production deploy
 * without ADMIN_EMAIL, /admin/setup would otherwise make whoever reaches it first the owner.
 *
 * Derived, not stored: code = HMAC-SHA256(AUTH_SECRET, purpose), shown as 12 characters of
 * Crockford base32 (60 bits). Why derive it rather than generate one under the start-up lock and
 * keep its hash in the database:
 * - every server computes the same code, so the form works whichever server a load balancer picks,
 *   and every server can print it to its own log (no "which server made the code?" hunt), also on
 *   serverless instances that never ran the start-up lock;
 * - nothing to migrate, no start-up race, nothing to clean up afterwards;
 * - it protects nothing that AUTH_SECRET does not already protect: whoever knows the secret can
 *   sign session cookies for any account anyway.
 * It is one-time in effect: once an owner exists the form is closed for good. Guessing is bounded
 * by a per-address limit (login_throttle, scope `setup`). Rotating AUTH_SECRET changes the code.
 */
const PURPOSE = 'gazette:first-run-setup-code:v1';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U

export function setupCodeFor(secret: string): string {
  const digest = crypto.createHmac('sha256', secret).update(PURPOSE).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 12; i++) out += ALPHABET[Number((bits >> BigInt(59 - i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** What a person types: any case, spaces or dashes, and O/I/L read as 0/1/1. */
export function normalizeSetupCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function setupCodeMatches(secret: string, input: string): boolean {
  const expected = Buffer.from(normalizeSetupCode(setupCodeFor(secret)));
  const given = Buffer.from(normalizeSetupCode(input).slice(0, 64));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * Production asks for the code, the embedded (PGlite) quick start included: `npm start` prints it
 * in the same terminal. `next dev` keeps the open form, marked as such on the page.
 */
export function setupCodeRequired(nodeEnv = process.env.NODE_ENV): boolean {
  return nodeEnv === 'production';
}
