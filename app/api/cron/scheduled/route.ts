import { getDb } from '@/db/client';
import { cronAuthorised, NO_STORE, unauthorised } from '@/services/cron-auth';
import { runTimedWork } from '@/services/scheduled';

/**
 * The clock's work (scheduled stories going live, an expired breaking-news banner leaving the cached
 * pages) for Vercel Cron (vercel.json), where no server process keeps the 30-second timer, or for
 * any scheduler (`curl -H "Authorization: Bearer $CRON_SECRET" https://…/api/cron/scheduled`).
 */

export const dynamic = 'force-dynamic';

async function run(request: Request): Promise<Response> {
  if (!cronAuthorised(request)) return unauthorised();
  await runTimedWork(await getDb());
  return Response.json({ ok: true }, { headers: NO_STORE });
}

export const GET = run;
export const POST = run;
