import { sql } from 'drizzle-orm';
import type { Database } from '../client';

/**
 * Forgets every rendered page kept in the database (ADR 0015). The page store survives restarts and
 * trusts cache-tag expiry to know when a page changed; a command line that rewrites content
 * without expiring tags (a seed, an import into the database, an edit by hand) must call this, or
 * a server would go on serving the pages it stored before.
 */
export async function forgetStoredPages(db: Database): Promise<void> {
  // The walk that renders every story ahead of readers (ADR 0016) starts again for the new content.
  await db.execute(sql`truncate page_store, page_warm`);
}
