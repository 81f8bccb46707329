import { cronAuthorised, NO_STORE, unauthorised } from '@/services/cron-auth';
import { flushAllViews } from '@/services/views/flush';

/**
 * Writes the pending view counts to PostgreSQL: for Vercel Cron (vercel.json), where no server process
 * lives long enough for the flush timer or the SIGTERM flush, or for any scheduler
 * (`curl -H "Authorization: Bearer $CRON_SECRET" https://…/api/cron/flush-views`).
 *
 * With REDIS_URL the pending counts of every instance are in Redis, and any instance flushes them all
 * (one at a time, under the Redis flush lock). Without Redis it flushes this process's own buffer.
 *
 * Authorised by `Authorization: Bearer <CRON_SECRET>`, as Vercel Cron sends it; 401 otherwise, and
 * always while CRON_SECRET is unset.
 */

export const dynamic = 'force-dynamic';

async function run(request: Request): Promise<Response> {
  if (!cronAuthorised(request)) return unauthorised();
  try {
    const result = await flushAllViews();
    return Response.json({ ok: true, ...result }, { headers: NO_STORE });
  } catch (error) {
    console.error('[gazette] views: the cron flush failed:', error instanceof Error ? error.message : error);
    return Response.json({ ok: false, error: 'flush failed; the counts stay pending' }, { status: 503, headers: { ...NO_STORE, 'Retry-After': '30' } });
  }
}

export const GET = run;
export const POST = run;
