import { connection } from '@/db/client';
import { hasContent, seedDemo } from '@/db/seed';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env } from './env';

export async function startUp(): Promise<void> {
  const started = Date.now();
  try {
    const conn = await connection();
    if (conn.kind === 'pglite') claimEmbeddedDatabase();
    if (env().SEED_DEMO !== '0' && !(await hasContent(conn.db))) {
      const { articles } = await seedDemo(conn.db);
      console.log(`[gazette] seeded the demo publication (${articles} articles)`);
    }
    console.log(`[gazette] database ready (${conn.kind}) in ${Date.now() - started} ms`);
  } catch (error) {
    // A database that is down at boot must not keep the server from starting: pages answer 503
    // and the connection is retried on the next request.
    console.error('[gazette] database unavailable at start-up:', error instanceof Error ? error.message : error);
  }
}

/** Marks the PGlite folder as held by this process, so `npm run seed` refuses to open it meanwhile. */
function claimEmbeddedDatabase(): void {
  const pidFile = path.join(dataDir(), 'server.pid');
  fs.writeFileSync(pidFile, String(process.pid));
  process.once('exit', () => fs.rmSync(pidFile, { force: true }));
}
