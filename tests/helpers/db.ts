import postgres from 'postgres';
import { openConnection, installConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';

export type TestDatabase = Awaited<ReturnType<typeof openConnection>> & {
  /** A postgres:// URL for a server process, when running on PostgreSQL. */
  url?: string;
  drop: () => Promise<void>;
};

export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', ''].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

/** A new, empty, migrated database: in-memory PGlite, or a throwaway database on TEST_DATABASE_URL. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const conn = await openConnection({ dir: 'memory://' });
    if (options.migrate !== false) await runMigrations(conn.db, conn.kind);
    return { ...conn, drop: conn.close };
  }
  assertLocal(adminUrl);
  const name = `gazette_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const conn = await openConnection({ url: url.toString() });
  if (options.migrate !== false) await runMigrations(conn.db, conn.kind);
  return {
    ...conn,
    url: url.toString(),
    drop: async () => {
      await conn.close().catch(() => {});
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Points the app's `getDb()` at the test database (for code that does not take a db argument). */
export function installTestDatabase(db: TestDatabase): void {
  installConnection(db);
}
