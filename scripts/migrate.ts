// `npm run db:migrate`: apply drizzle/ to DATABASE_URL, or to the embedded database in DATA_DIR.
// On PostgreSQL it takes the same advisory lock as the servers' start-up (db/migrate.ts), so it may
// run while servers start or serve: each migration is applied once. Do not run it against the
// embedded database while the server is running (one process per folder).
import { assertConfig } from '../domain/config.mjs';
import { openConnection } from '../db/client';
import { runMigrations, StartupError } from '../db/migrate';
import { assertEmbeddedDatabaseFree } from './lib/embedded-lock';

assertConfig();
assertEmbeddedDatabaseFree();
const conn = await openConnection();
const started = Date.now();
try {
  const applied = await runMigrations(conn.db, conn.kind);
  console.log(`${applied ? `Applied ${applied} migration(s)` : 'The schema was up to date'} (${conn.kind}) in ${Date.now() - started} ms.`);
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exitCode = 1;
} finally {
  await conn.close();
}
