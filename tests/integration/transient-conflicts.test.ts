import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isTransientConflict, pgErrorCode, retryTransientConflicts } from '@/domain/db-errors';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { rows } from './helpers';

// PGlite runs one connection, so it cannot deadlock; this runs on PostgreSQL only.
describe.skipIf(testDatabaseKind !== 'postgres')('transactions aborted by a deadlock (postgres)', () => {
  let handle: TestDatabase;

  beforeAll(async () => {
    handle = await createTestDatabase({ migrate: false });
    await handle.db.execute(sql`create table counters (id int primary key, hits int not null)`);
    await handle.db.execute(sql`insert into counters values (1, 0), (2, 0)`);
  });
  afterAll(() => handle?.drop());

  it('runs the aborted transaction again, so both writers succeed and each change lands exactly once', async () => {
    const { db } = handle;
    let attempts = 0;
    const firstLocks: Promise<void>[] = [];
    const gates = [0, 1].map(() => {
      let open!: () => void;
      firstLocks.push(new Promise<void>((resolve) => (open = resolve)));
      return () => open();
    });
    // Two transactions take the same two rows in opposite order: PostgreSQL aborts one with 40P01.
    const writer = (first: number, second: number, gate: number) =>
      retryTransientConflicts(() => {
        attempts++;
        return db.transaction(async (tx) => {
          await tx.execute(sql`update counters set hits = hits + 1 where id = ${first}`);
          gates[gate]!();
          await Promise.all(firstLocks);
          await tx.execute(sql`update counters set hits = hits + 1 where id = ${second}`);
        });
      });
    await Promise.all([writer(1, 2, 0), writer(2, 1, 1)]);
    const [row] = await rows<{ hits: string }>(db, sql`select string_agg(hits::text, ',' order by id) as hits from counters`);
    expect(row?.hits).toBe('2,2');
    expect(attempts).toBe(3);
  });

  it('recognises a deadlock through the error Drizzle wraps around it, and gives up after three attempts', async () => {
    const raise = () => handle.db.execute(sql`do $$ begin raise exception 'simulated' using errcode = '40P01'; end $$`);
    const deadlock = await raise().catch((e: unknown) => e);
    expect(pgErrorCode(deadlock)).toBe('40P01');
    expect(isTransientConflict(deadlock)).toBe(true);
    let attempts = 0;
    await expect(retryTransientConflicts(() => (attempts++, raise()))).rejects.toSatisfy(isTransientConflict);
    expect(attempts).toBe(3);
    attempts = 0;
    const other = () => handle.db.execute(sql`select 1/0`);
    await expect(retryTransientConflicts(() => (attempts++, other()))).rejects.toSatisfy((e) => pgErrorCode(e) === '22012');
    expect(attempts).toBe(1);
  });
});
