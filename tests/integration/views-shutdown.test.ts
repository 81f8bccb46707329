import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { tempDataDir } from '../helpers/server';
import { seedViewsFixture, storedCount } from './views-helpers';

/**
 * SIGTERM in the middle: views buffered (flush interval 60 s, so nothing was written yet) must be in
 * the database after the process is stopped, even though the process's own signal handler calls
 * process.exit at once, as `next start` does. The same against the real server is in
 * tests/e2e/views.test.ts.
 */

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database the child can open after we let go of it (PGlite: one process per folder). */
async function prepareDatabase(): Promise<{ env: Record<string, string>; articleId: number; read: (id: number) => Promise<number> }> {
  if (testDatabaseKind === 'postgres') {
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    const { published } = await seedViewsFixture(database.db);
    return { env: { DATABASE_URL: database.url! }, articleId: published, read: (id) => storedCount(database.db, id) };
  }
  const dataDir = tempDataDir('gazette-views-');
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const dir = path.join(dataDir, 'pglite');
  const conn = await openConnection({ dir });
  await runMigrations(conn.db, conn.kind);
  const { published } = await seedViewsFixture(conn.db);
  await conn.close();
  return {
    env: { DATA_DIR: dataDir },
    articleId: published,
    read: async (id) => {
      const again = await openConnection({ dir });
      try {
        return await storedCount(again.db, id);
      } finally {
        await again.close();
      }
    },
  };
}

async function runChild(env: Record<string, string>): Promise<{ code: number | null; output: string; stoppedAfterMs: number }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, VIEWS_FLUSH_MS: '60000', TRUST_PROXY: '1', VIEWS_RATE_LIMIT: '0' };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', path.join(root, 'tests/integration/views-shutdown.child.ts')], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('buffered ')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`child exited early (${code}):\n${output}`)));
  });
  const stopped = Date.now();
  child.kill('SIGTERM');
  const code = await exited;
  return { code, output, stoppedAfterMs: Date.now() - stopped };
}

describe(`SIGTERM flushes the buffer (${testDatabaseKind})`, () => {
  it('with a handler that exits at once, as next start has', { timeout: 120_000 }, async () => {
    const db = await prepareDatabase();
    const result = await runChild({ ...db.env, ARTICLE_ID: String(db.articleId), BEACONS: '300' });
    expect(result.output).toContain('flushed 300 buffered views before exit');
    expect(result.code).toBe(143);
    expect(await db.read(db.articleId)).toBe(100 + 300);
    console.log(`[views] ${testDatabaseKind}: stopped with 300 buffered views, exit after ${result.stoppedAfterMs} ms`);
  });

  it('with nobody else handling the signal: our hook flushes and exits', { timeout: 120_000 }, async () => {
    const db = await prepareDatabase();
    const result = await runChild({ ...db.env, ARTICLE_ID: String(db.articleId), BEACONS: '40', NEXT_LIKE_HANDLER: '0' });
    expect(result.code).toBe(143);
    expect(await db.read(db.articleId)).toBe(140);
  });
});
