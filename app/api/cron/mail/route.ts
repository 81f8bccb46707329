import { cronHandler } from '@/services/cron-auth';
import { sendDueMail } from '@/services/mail/sender';

/**
 * Sends the mail that is due (docs/configuration.md, "Mail"): for Vercel Cron (vercel.json), where no
 * server process lives long enough for the sender's timer, or for any scheduler. Beside the timer of
 * a long-running server it is safe: each message is claimed by one sender.
 */

export const dynamic = 'force-dynamic';

const run = cronHandler('mail', sendDueMail, 'sending failed; the messages stay pending');

export const GET = run;
export const POST = run;
