// `npm run db:migrate`: apply drizzle/ to DATABASE_URL, or to the embedded database in DATA_DIR.
// Do not run it against the embedded database while the server is running (one process per folder).
import { openConnection } from '../db/client';
import { runMigrations } from '../db/migrate';
import { assertEmbeddedDatabaseFree } from './lib/embedded-lock';

assertEmbeddedDatabaseFree();
const conn = await openConnection();
const started = Date.now();
await runMigrations(conn.db, conn.kind);
await conn.close();
console.log(`Migrations applied (${conn.kind}) in ${Date.now() - started} ms.`);
