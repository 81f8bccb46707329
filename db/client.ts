import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { config } from '../domain/config.mjs';
import { dataDir, env } from '../domain/env';
import { runMigrations } from './migrate';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

interface Connection {
  db: Database;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

// One connection per process, shared by route handlers, pages and instrumentation (which live in
// different module graphs under Next.js), hence globalThis rather than a module variable.
const globalKey = Symbol.for('gazette.db');
type Holder = { [globalKey]?: Promise<Connection> };
const holder = globalThis as Holder;

/**
 * A time limit for every statement on a replica connection (reader queries only: a page's reads
 * take milliseconds, and a runaway one must not hold a replica's connection). The primary has none:
 * its connections also serve the admin, migrations and scripts, which may legitimately run long
 * (an index built over a large archive); reader search sets its own limit in its transaction.
 */
export const READER_STATEMENT_TIMEOUT_MS = 15_000;

export async function openConnection(options: { url?: string; dir?: string; statementTimeoutMs?: number } = {}): Promise<Connection> {
  const url = options.url ?? env().DATABASE_URL;
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(url, {
      max: 10,
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 60,
      // Every query here is a short index read; PostgreSQL's JIT, which starts above a cost
      // estimate, spent 50–600 ms compiling plans that then ran in under 1 ms (ADR 0008).
      connection: { application_name: 'gazette', jit: 'off', ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}) },
    });
    if (config().DATABASE_PREPARE) preparedStatements(client);
    const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dir = options.dir ?? path.join(dataDir(), 'pglite');
  if (dir !== 'memory://') fs.mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create(dir === 'memory://' ? undefined : dir);
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
  return { db, kind: 'pglite', close: () => client.close() };
}

/**
 * Drizzle sends each query as an unnamed statement, which PostgreSQL parses and plans every time
 * and postgres.js describes in a round trip of its own first: about half of the database's time on
 * an uncached article page (six short index reads; ADR 0010). Named statements are parsed once per
 * connection and reuse their plan. postgres.js keeps one per distinct SQL text, and the app's SQL
 * texts are a fixed set (values are always parameters). DATABASE_PREPARE=0 turns this off behind a
 * pooler in transaction mode that cannot carry prepared statements.
 */
function preparedStatements(client: import('postgres').Sql): void {
  const unsafe = client.unsafe.bind(client);
  client.unsafe = ((query, params, options) => unsafe(query, params ?? [], { ...options, prepare: true })) as typeof client.unsafe;
}

/** The process-wide database, migrated on first use. */
export function connection(): Promise<Connection> {
  if (!holder[globalKey]) {
    holder[globalKey] = (async () => {
      const conn = await openConnection();
      await runMigrations(conn.db, conn.kind);
      return conn;
    })();
    // A failed open (e.g. PostgreSQL not up yet) must not be cached forever.
    holder[globalKey].catch(() => {
      delete holder[globalKey];
    });
  }
  return holder[globalKey];
}

export async function getDb(): Promise<Database> {
  return (await connection()).db;
}

/** Tests point the process at a database they created. */
export function installConnection(conn: Connection): void {
  holder[globalKey] = Promise.resolve(conn);
  void closeReaderReplicas();
}

export async function closeConnection(): Promise<void> {
  const current = holder[globalKey];
  delete holder[globalKey];
  await closeReaderReplicas();
  if (current) await (await current).close();
}

// --- Read replicas -------------------------------------------------------------------------------
// DATABASE_REPLICA_URLS (comma-separated postgres:// URLs of streaming replicas) serve the reader
// site's queries (services/reader.ts) through Drizzle's withReplicas: its selects go to a replica picked
// at random, anything else (execute, transactions, writes) to the primary. The admin, sign-in,
// view counting and migrations use getDb(), the primary, always. Replicas are never migrated here:
// they replay the primary.

const readerKey = Symbol.for('gazette.db.reader');
type ReaderHolder = { [readerKey]?: Promise<{ db: Database; close: () => Promise<void> }> };
const readerHolder = globalThis as ReaderHolder;

export function replicaUrls(): string[] {
  return config().DATABASE_REPLICA_URLS;
}

/** The database for reader queries: the primary with its replicas, or just the primary. */
export async function getReaderDb(): Promise<Database> {
  const urls = replicaUrls();
  if (!urls.length) return getDb();
  if (!readerHolder[readerKey]) {
    const opening = (async () => {
      const primary = await connection();
      if (primary.kind !== 'postgres') throw new Error('DATABASE_REPLICA_URLS needs DATABASE_URL (PostgreSQL); PGlite has no replicas');
      const replicas = await Promise.all(urls.map((url) => openConnection({ url, statementTimeoutMs: READER_STATEMENT_TIMEOUT_MS })));
      const { withReplicas } = await import('drizzle-orm/pg-core');
      const [first, ...rest] = replicas.map((r) => r.db);
      const db = withReplicas(primary.db, [first!, ...rest]) as unknown as Database;
      return { db, close: async () => void (await Promise.all(replicas.map((r) => r.close()))) };
    })();
    readerHolder[readerKey] = opening;
    opening.catch(() => {
      if (readerHolder[readerKey] === opening) delete readerHolder[readerKey];
    });
  }
  return (await readerHolder[readerKey]).db;
}

async function closeReaderReplicas(): Promise<void> {
  const current = readerHolder[readerKey];
  delete readerHolder[readerKey];
  if (current) await (await current.catch(() => null))?.close();
}

export { schema };
