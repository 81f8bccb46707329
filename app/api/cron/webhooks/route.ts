import { cronHandler } from '@/services/cron-auth';
import { sendDueWebhooks } from '@/services/webhooks/sender';

/**
 * Sends the webhook deliveries that are due (docs/webhooks.md): for Vercel Cron (vercel.json), where
 * no server process lives long enough for the sender's timer, or for any scheduler
 * (`curl -H "Authorization: Bearer $CRON_SECRET" https://…/api/cron/webhooks`). Running it beside
 * the timer of a long-running server is safe: each delivery is claimed by one sender.
 */

export const dynamic = 'force-dynamic';

const run = cronHandler('webhooks', (db) => sendDueWebhooks(db), 'sending failed; the deliveries stay pending');

export const GET = run;
export const POST = run;
