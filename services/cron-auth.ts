import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { getDb, type Database } from '@/db/client';
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

/**
 * A cron route's handler: authorised, then `work`, whose report is the answer; a failure is logged
 * and answered 503 with `Retry-After`, saying that what was due stays due.
 */
export function cronHandler<R extends object>(label: string, work: (db: Database) => Promise<R>, onFailure: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!cronAuthorised(request)) return unauthorised();
    try {
      return Response.json({ ok: true, ...(await work(await getDb())) }, { headers: NO_STORE });
    } catch (error) {
      console.error(`[gazette] ${label}: the cron run failed:`, error instanceof Error ? error.message : error);
      return Response.json({ ok: false, error: onFailure }, { status: 503, headers: { ...NO_STORE, 'Retry-After': '30' } });
    }
  };
}
