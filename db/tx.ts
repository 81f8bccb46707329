import type { SQL } from 'drizzle-orm';
import type { Database } from './client';

type TransactionConfig = Parameters<Database['transaction']>[1];

/**
 * Runs `work` in one transaction and hands it the transaction as a `Database`, so the DAL's helpers
 * take one type whether or not they run inside a transaction. Drizzle types a transaction as a
 * subclass without `$withReplicas`' extras; the cast lives here once instead of at every call.
 */
export function withTx<T>(db: Database, work: (tx: Database) => Promise<T>, config?: TransactionConfig): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Database), config);
}

/** Rows of a raw query: postgres.js returns an array, PGlite `{ rows }`. */
export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
