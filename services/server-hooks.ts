import { sql } from 'drizzle-orm';
import { closeConnection, getDb } from '@/db/client';
import { onShutdown, provideDatabaseProbe, SHUTDOWN_CLOSE } from './server-bridge.mjs';

/**
 * What Gazette's HTTP server (server/main.mjs) needs from the app: a way to ask whether the
 * database answers (its outage guard), and the database's close when the server stops, after the
 * last view counts are written. Harmless where that server does not run (nobody calls them).
 */
export function connectServerEntry(): void {
  provideDatabaseProbe(async () => {
    const db = await getDb();
    await db.execute(sql`select 1`);
  });
  onShutdown('database', SHUTDOWN_CLOSE, closeConnection);
}
