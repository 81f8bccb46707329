import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret of a personal API token: `gz_` and 32 random bytes in base64url. The prefix makes a
 * leaked token recognisable (secret scanners, logs); the database keeps only its SHA-256, which
 * is enough for a secret with 256 bits of entropy (no salt or slow hash needed: nothing to guess).
 */
export const API_TOKEN_PREFIX = 'gz_';
const SHAPE = /^gz_[A-Za-z0-9_-]{43}$/;
/** How much of the secret the lists show: the marker and four characters. */
const SHOWN = API_TOKEN_PREFIX.length + 4;

export function newApiTokenSecret(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function isApiTokenShape(secret: string): boolean {
  return SHAPE.test(secret);
}

export function hashApiToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function apiTokenPrefix(secret: string): string {
  return secret.slice(0, SHOWN);
}

