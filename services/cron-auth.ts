import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { config } from '@/domain/config.mjs';

/**
 * The cron routes (app/api/cron/*) are authorised by `Authorization: Bearer <CRON_SECRET>`, as
 * Vercel Cron sends it; nobody is while CRON_SECRET is unset.
 */

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function cronAuthorised(request: Request): boolean {
  // Unset (or, never past start-up validation, too short): nobody is authorised.
  const secret = config().CRON_SECRET ?? '';
  if (secret.length < 16) return false;
  const header = request.headers.get('authorization') ?? '';
  return timingSafeEqual(digest(header), digest(`Bearer ${secret}`));
}

export const NO_STORE = { 'Cache-Control': 'no-store' };

export const unauthorised = () => Response.json({ error: 'unauthorized' }, { status: 401, headers: { ...NO_STORE, 'WWW-Authenticate': 'Bearer' } });
