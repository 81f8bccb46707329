// `npm run seed`: replace the publication's content with the demo content (staff accounts stay).
import { openConnection } from '../db/client';
import { runMigrations } from '../db/migrate';
import { forgetStoredPages } from '../db/queries/page-store';
import { clearContent, seedDemo } from '../services/seed';
import { assertEmbeddedDatabaseFree } from './lib/embedded-lock';

assertEmbeddedDatabaseFree();
const conn = await openConnection();
await runMigrations(conn.db, conn.kind);
await clearContent(conn.db);
const { articles } = await seedDemo(conn.db, { images: true });
await forgetStoredPages(conn.db);
await conn.close();
console.log(`Seeded the demo publication: ${articles} articles (${conn.kind}).`);
console.log('A running server still holds the old pages in its cache: restart it to see the new content.');
