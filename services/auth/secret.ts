import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../../domain/config.mjs';
import { dataDir } from '../../domain/env';

let cached: string | undefined;

/**
 * AUTH_SECRET signs sessions and preview links. Production on PostgreSQL must set it (a rule of
 * domain/config.mjs); otherwise one is generated on first start and kept in the data folder so
 * sessions survive restarts.
 */
export function authSecret(): string {
  if (cached) return cached;
  const configured = config().AUTH_SECRET;
  if (configured) return (cached = configured);
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
