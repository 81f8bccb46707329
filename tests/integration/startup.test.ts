import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '@/db/client';
import { migrationsFolder, runMigrations, STARTUP_LOCK_KEY, StartupError } from '@/db/migrate';
import { articles, siteSettings, users } from '@/db/schema';
import { demoArticles } from '@/services/seed/demo-content';
import { prepareDatabase } from '@/services/startup';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { rows } from './helpers';

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
const OWNER = { name: 'Owner', email: 'owner@example.test', password: 'a-long-owner-password-1' };

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const tdb = await createTestDatabase(options);
  cleanups.push(() => tdb.drop());
  return tdb;
}

/** Separate connections (pools) to one database, as separate servers would hold. */
async function servers(tdb: TestDatabase, n: number) {
  const conns = await Promise.all(Array.from({ length: n }, () => openConnection({ url: tdb.url! })));
  cleanups.push(() => Promise.all(conns.map((c) => c.close())));
  return conns;
}

async function migrationRows(tdb: TestDatabase): Promise<{ created_at: string; n: string | number }[]> {
  return rows(tdb.db, sql`select created_at, count(*) as n from drizzle.__drizzle_migrations group by created_at order by created_at`);
}

/** drizzle/ with its journal cut to the first `keep` migrations: the code of an older release. */
function olderMigrationsFolder(keep: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-migrations-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(migrationsFolder, dir, { recursive: true });
  const cut = { ...journal, entries: journal.entries.slice(0, keep) };
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(cut));
  return dir;
}

describe.skipIf(testDatabaseKind !== 'postgres')('start-up on several servers at once (PostgreSQL)', () => {
  it('three concurrent migration runs on a fresh database all succeed and apply each migration once', async () => {
    const tdb = await database({ migrate: false });
    const conns = await servers(tdb, 3);
    const applied = await Promise.all(conns.map((c) => runMigrations(c.db, c.kind)));
    expect(applied.sort()).toEqual([0, 0, journal.entries.length]);
    const recorded = await migrationRows(tdb);
    expect(recorded.map((r) => Number(r.created_at))).toEqual(journal.entries.map((e) => e.when));
    expect(recorded.every((r) => Number(r.n) === 1)).toBe(true);
  });

  it('two `npm run db:migrate` at once on a fresh database: both exit 0, each migration applied once', async () => {
    const tdb = await database({ migrate: false });
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
    const run = () =>
      new Promise<{ code: number; output: string }>((resolve) => {
        const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: tdb.url!, NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) };
        execFile(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/migrate.ts')], { cwd: root, env, encoding: 'utf8' }, (error, stdout: string, stderr: string) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
        );
      });
    const results = await Promise.all([run(), run()]);
    for (const r of results) expect(r.code, r.output).toBe(0);
    expect(results.map((r) => r.output).join('\n')).toMatch(/Applied \d+ migration\(s\)/);
    expect(results.map((r) => r.output).join('\n')).toMatch(/The schema was up to date/);
    const recorded = await migrationRows(tdb);
    expect(recorded.map((r) => Number(r.created_at))).toEqual(journal.entries.map((e) => e.when));
    expect(recorded.every((r) => Number(r.n) === 1)).toBe(true);
  });

  it('a migration run waits while another session holds the start-up lock, then finds nothing to do', async () => {
    const tdb = await database();
    const holder = postgres(tdb.url!, { max: 1, onnotice: () => {} });
    cleanups.push(() => holder.end());
    await holder.unsafe(`select pg_advisory_lock(${STARTUP_LOCK_KEY})`);
    let done = false;
    const run = runMigrations(tdb.db, tdb.kind).then((n) => ((done = true), n));
    await new Promise((r) => setTimeout(r, 500));
    expect(done).toBe(false);
    await holder.unsafe(`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`);
    expect(await run).toBe(0);
  });

  it('three servers starting at once on an empty database seed the demo and create the owner exactly once', async () => {
    const tdb = await database({ migrate: false });
    const conns = await servers(tdb, 3);
    const results = await Promise.all(
      conns.map(async (c) => {
        await runMigrations(c.db, c.kind);
        return prepareDatabase(c.db, c.kind, { seedDemo: true, owner: OWNER });
      }),
    );
    expect(results.filter((r) => r.seeded !== null)).toHaveLength(1);
    expect(results.find((r) => r.seeded !== null)!.seeded).toBe(demoArticles.length);
    expect(results.filter((r) => r.owner !== null)).toEqual([{ seeded: expect.anything(), owner: OWNER.email }]);
    const [articleCount] = await tdb.db.select({ n: count() }).from(articles);
    expect(Number(articleCount!.n)).toBe(demoArticles.length);
    const [settingsCount] = await tdb.db.select({ n: count() }).from(siteSettings);
    expect(Number(settingsCount!.n)).toBe(1);
    const owners = await tdb.db.select({ email: users.email }).from(users).where(sql`${users.isOwner}`);
    expect(owners).toEqual([{ email: OWNER.email }]);
  });
});

describe(`schema version at start-up (${testDatabaseKind})`, () => {
  it('refuses a database whose schema is newer than the code, with a clear message', async () => {
    const tdb = await database();
    const future = journal.entries.at(-1)!.when + 86_400_000;
    await tdb.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', ${future})`);
    const refusal = runMigrations(tdb.db, tdb.kind);
    await expect(refusal).rejects.toBeInstanceOf(StartupError);
    await expect(refusal).rejects.toThrow(/database schema is newer than this code: it has 1 migration\(s\) that drizzle\/meta\/_journal\.json does not list/);
  });

  it('migrates a database that is older than the code: the missing migrations only', async () => {
    const tdb = await database({ migrate: false });
    const keep = journal.entries.length - 1;
    expect(await runMigrations(tdb.db, tdb.kind, olderMigrationsFolder(keep))).toBe(keep);
    expect(await runMigrations(tdb.db, tdb.kind)).toBe(1);
    expect((await migrationRows(tdb)).map((r) => Number(r.created_at))).toEqual(journal.entries.map((e) => e.when));
  });

  it('an older release refuses the database a newer one migrated', async () => {
    const tdb = await database();
    await expect(runMigrations(tdb.db, tdb.kind, olderMigrationsFolder(journal.entries.length - 1))).rejects.toThrow(/schema is newer than this code/);
  });

  it('a missing migrations folder is a start-up error naming what is missing, before the database is touched', async () => {
    const tdb = await database({ migrate: false });
    const missing = path.join(os.tmpdir(), 'gazette-no-such-drizzle');
    await expect(runMigrations(tdb.db, tdb.kind, missing)).rejects.toThrow(new StartupError(
      `No database migrations at ${missing} (meta/_journal.json is missing). The drizzle/ folder must be deployed with the app ` +
        '(the standalone output and Docker image must copy it next to the server), or the schema cannot be checked and migrated.',
    ));
    const [schemas] = await rows<{ n: number | string }>(tdb.db, sql`select count(*) as n from information_schema.schemata where schema_name = 'drizzle'`);
    expect(Number(schemas!.n)).toBe(0);
  });
});
