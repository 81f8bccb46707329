import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '../env';

export class MissingSecretError extends Error {}

let cached: string | undefined;

/**
 * AUTH_SECRET signs sessions and preview links. Production on PostgreSQL must set it; the embedded
 * default generates one on first start and keeps it in the data folder so sessions survive restarts.
 */
export function authSecret(): string {
  if (cached) return cached;
  const configured = process.env.AUTH_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) throw new MissingSecretError('AUTH_SECRET must be at least 32 characters long.');
    return (cached = configured);
  }
  if (process.env.DATABASE_URL && process.env.NODE_ENV === 'production') {
    throw new MissingSecretError(
      'AUTH_SECRET is required in production with DATABASE_URL. Generate one with `openssl rand -base64 48` and set it in the environment.',
    );
  }
  const file = path.join(dataDir(), 'auth-secret');
  try {
    return (cached = fs.readFileSync(file, 'utf8').trim());
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(48).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return (cached = secret);
  }
}
