import { getDb } from '@/db/client';
import { cronAuthorised, NO_STORE, unauthorised } from '@/services/cron-auth';
import { sendDueWebhooks } from '@/services/webhooks/sender';

/**
 * Sends the webhook deliveries that are due (docs/webhooks.md): for Vercel Cron (vercel.json), where
 * no server process lives long enough for the sender's timer, or for any scheduler
 * (`curl -H "Authorization: Bearer $CRON_SECRET" https://…/api/cron/webhooks`). Running it beside
 * the timer of a long-running server is safe: each delivery is claimed by one sender.
 */

export const dynamic = 'force-dynamic';

async function run(request: Request): Promise<Response> {
  if (!cronAuthorised(request)) return unauthorised();
  try {
    const report = await sendDueWebhooks(await getDb());
    return Response.json({ ok: true, ...report }, { headers: NO_STORE });
  } catch (error) {
    console.error('[gazette] webhooks: the cron run failed:', error instanceof Error ? error.message : error);
    return Response.json({ ok: false, error: 'sending failed; the deliveries stay pending' }, { status: 503, headers: { ...NO_STORE, 'Retry-After': '30' } });
  }
}

export const GET = run;
export const POST = run;
