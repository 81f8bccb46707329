import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { demoArticles } from '@/services/seed/demo-content';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { freePort, startServer, tempDataDir, type RunningServer } from '../helpers/server';
import { TcpProxy } from '../helpers/tcp-proxy';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const journal = JSON.parse(fs.readFileSync(path.join(root, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An empty PostgreSQL database that only the servers will connect to. */
async function emptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrate: false });
  await database.close();
  cleanups.push(() => database.drop());
  return database;
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await client.unsafe(text)) as unknown as T[];
  } finally {
    await client.end();
  }
}

/** `npm start` that is expected to fail: how it ended, what it said, how long it took. */
async function failedStart(options: Parameters<typeof startServer>[0]): Promise<{ message: string; ms: number }> {
  const started = Date.now();
  const dataDir = tempDataDir();
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const error = await startServer({ dataDir, ...options }).then(
    (server) => (cleanups.push(() => server.stop()), new Error('the server started')),
    (e: Error) => e,
  );
  return { message: error.message, ms: Date.now() - started };
}

describe.skipIf(!onPostgres)('two production servers starting at once on one empty PostgreSQL database', () => {
  it('both come up healthy, each migration is applied once and the demo publication is seeded once', async () => {
    const database = await emptyDatabase();
    const env = { SEED_DEMO: '1' };
    const started = await Promise.allSettled([startServer({ databaseUrl: database.url, env }), startServer({ databaseUrl: database.url, env })]);
    const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    for (const server of servers) cleanups.push(() => server.stop());
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    const [a, b] = servers as [RunningServer, RunningServer];

    for (const server of [a, b]) {
      expect((await fetch(`${server.baseURL}/api/health`)).status).toBe(200);
      expect((await fetch(server.baseURL)).status).toBe(200);
    }
    const migrations = await query<{ created_at: string; n: string }>(
      database.url!,
      'select created_at, count(*) as n from drizzle.__drizzle_migrations group by created_at order by created_at',
    );
    expect(migrations.map((m) => Number(m.created_at))).toEqual(journal.entries.map((e) => e.when));
    expect(migrations.every((m) => Number(m.n) === 1)).toBe(true);
    const [counts] = await query<{ settings: string; articles: string }>(
      database.url!,
      'select (select count(*) from site_settings) as settings, (select count(*) from articles) as articles',
    );
    expect(Number(counts!.settings)).toBe(1);
    expect(Number(counts!.articles)).toBe(demoArticles.length);
    const seededBy = [a, b].filter((s) => s.logs().includes('seeded the demo publication'));
    expect(seededBy).toHaveLength(1);
  }, 240_000);

  it('a production server on a new PostgreSQL database starts empty: no demo stories unless SEED_DEMO=1', async () => {
    const database = await emptyDatabase();
    const server = await startServer({ databaseUrl: database.url, env: { SEED_DEMO: '' } });
    cleanups.push(() => server.stop());
    const [counts] = await query<{ articles: string; migrations: string }>(
      database.url!,
      'select (select count(*) from articles) as articles, (select count(*) from drizzle.__drizzle_migrations) as migrations',
    );
    expect(Number(counts!.articles)).toBe(0);
    expect(Number(counts!.migrations)).toBe(journal.entries.length);
  }, 120_000);

  it('a server refuses a database whose schema is newer than its code: exit 1 with a clear message', async () => {
    const database = await emptyDatabase();
    const first = await startServer({ databaseUrl: database.url, env: { SEED_DEMO: '0' } });
    await first.stop();
    await query(database.url!, `insert into drizzle.__drizzle_migrations (hash, created_at) values ('newer-release', ${journal.entries.at(-1)!.when + 1000})`);
    const { message } = await failedStart({ databaseUrl: database.url });
    expect(message).toMatch(/Server exited early \(1\)/);
    expect(message).toContain('The database schema is newer than this code');
  }, 120_000);
});

describe('invalid configuration stops `npm start`', () => {
  it('a malformed DATABASE_URL: exit 1 within seconds, with a message naming the variable', async () => {
    const { message, ms } = await failedStart({ databaseUrl: 'mysql://gazette@127.0.0.1/gazette' });
    expect(message).toMatch(/Server exited early \(1\)/);
    expect(message).toContain('DATABASE_URL: must be a URL like postgres://user:password@host:5432/database');
    expect(message).not.toContain('database unavailable');
    expect(ms).toBeLessThan(20_000);
  });

  it('PORT=abc: exit 1 before anything listens, with a message naming PORT', async () => {
    const { message, ms } = await failedStart({ env: { PORT: 'abc', MICRO_CACHE_MS: '-5' } });
    expect(message).toMatch(/Server exited early \(1\)/);
    expect(message).toContain('PORT: must be a whole number from 1 to 65535, got "abc"');
    expect(message).toContain('MICRO_CACHE_MS: must be a whole number from 0 to 60000, got "-5"');
    expect(ms).toBeLessThan(20_000);
  });

  it('several invalid variables: one message each, and the process ends without retrying', async () => {
    const { message, ms } = await failedStart({ env: { REDIS_URL: 'http://127.0.0.1:6379', VIEWS_FLUSH_MS: 'soon', SEED_DEMO: 'maybe' } });
    expect(message).toMatch(/Server exited early \(1\)/);
    expect(message).toContain('REDIS_URL: must be a URL like redis://host:6379');
    expect(message).toContain('VIEWS_FLUSH_MS: must be a whole number from 100 to 3600000, got "soon"');
    expect(message).toContain('SEED_DEMO: must be 1 or 0');
    expect(ms).toBeLessThan(20_000);
  });
});

/** `npm start` against a database address, without waiting for it to be healthy. */
function spawnStart(databaseUrl: string, extra: Record<string, string> = {}) {
  const dataDir = tempDataDir();
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  return freePort().then((port) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: 'e2e-test-secret-that-is-long-enough-0123456789',
      NEXT_TELEMETRY_DISABLED: '1',
      ...extra,
    };
    let output = '';
    const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    cleanups.push(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    });
    /** Polls /api/health until it answers `until` (or anything, when not given). */
    const health = async (until?: number, tries = 100): Promise<number> => {
      let status = 0;
      for (let i = 0; i < tries && child.exitCode === null; i++) {
        status = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0);
        if (status && (until === undefined || status === until)) break;
        await new Promise((r) => setTimeout(r, 300));
      }
      return status;
    };
    return { child, port, health, output: () => output };
  });
}

describe('a database that cannot be reached at start', () => {
  it('is not fatal: the server starts, answers 503 and keeps running', async () => {
    const closed = await freePort(); // nothing listens there: connection refused
    const server = await spawnStart(`postgres://gazette@127.0.0.1:${closed}/gazette`);
    expect(await server.health(), server.output()).toBe(503);
    await new Promise((r) => setTimeout(r, 1000));
    expect(server.child.exitCode, server.output()).toBeNull();
    expect(server.output()).toContain('database unavailable at start-up');
  }, 60_000);

  // Issue 10, item 3: a failed start once opened the database again on every probe and grew to 19.7 GB in
  // 6 minutes. OUTAGE_PROBE_SECONDS=600 runs the issue's own 10-minute drill; CI runs one minute of probes
  // twenty times as fast as that report's one a second.
  const probeSeconds = Number(process.env.OUTAGE_PROBE_SECONDS ?? 60);
  it('probes against an unreachable database keep its memory flat (resident within 50 MB)', { timeout: (probeSeconds + 60) * 1000 }, async () => {
    const closed = await freePort();
    const server = await spawnStart(`postgres://gazette@127.0.0.1:${closed}/gazette`);
    expect(await server.health(), server.output()).toBe(503);
    const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    const probe = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`).then((r) => (r.body?.cancel(), r.status), () => 0);
    const warmUntil = Date.now() + Math.min(10, probeSeconds / 6) * 1000;
    const end = Date.now() + probeSeconds * 1000;
    let baseline = NaN;
    let probes = 0;
    const statuses = new Set<number>();
    const samples: number[] = [];
    let nextSample = Date.now();
    while (Date.now() < end) {
      const answers = await Promise.all(['/api/health', '/', '/articles/1', '/search?q=%E7%BC%93%E5%AD%98'].map(probe));
      for (const answer of answers) statuses.add(answer);
      probes += answers.length;
      if (Number.isNaN(baseline) && Date.now() > warmUntil) baseline = rssMb();
      if (Date.now() >= nextSample) {
        samples.push(Math.round(rssMb()));
        nextSample += 5_000;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    // Resident memory is a sawtooth: garbage piles up until V8 collects it, and how high V8 lets the heap
    // settle depends on how busy the machine is (CI runs two end-to-end layers at once: 100 MB above the
    // warm-up reading, then flat). What must not happen is growth once it has settled: the floor of the
    // last quarter against the third quarter's. The old leak (19.7 GB in 6 minutes) grew ~50 MB a second.
    const quarter = Math.max(1, Math.floor(samples.length / 4));
    const thirdQuarter = Math.min(...samples.slice(2 * quarter, 3 * quarter));
    const lastQuarter = Math.min(...samples.slice(3 * quarter));
    console.log(`[outage memory] ${probes} probes in ${probeSeconds} s: resident ${baseline.toFixed(0)} MB after warm-up, lowest in the third quarter ${thirdQuarter} MB, in the last ${lastQuarter} MB; every 5 s: ${samples.join(', ')} MB`);
    expect(server.child.exitCode, server.output()).toBeNull();
    expect([...statuses]).toEqual([503]);
    expect(lastQuarter - thirdQuarter, 'resident memory still growing once settled').toBeLessThan(50);
    expect(lastQuarter - baseline, 'resident memory far above its warm-up reading').toBeLessThan(200);
  });

  it.skipIf(!onPostgres)('when it comes up, the start-up completes by itself: migrated, seeded, healthy', async () => {
    const database = await emptyDatabase();
    const target = new URL(database.url!);
    const port = await freePort();
    const viaProxy = new URL(database.url!);
    viaProxy.host = `127.0.0.1:${port}`;
    const server = await spawnStart(viaProxy.toString(), { SEED_DEMO: '1' });
    expect(await server.health(), server.output()).toBe(503);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start(port);
    cleanups.push(() => proxy.cut());
    expect(await server.health(200, 200), server.output()).toBe(200);
    for (let i = 0; i < 100 && !server.output().includes('database ready'); i++) await new Promise((r) => setTimeout(r, 300));
    expect(server.output()).toContain('seeded the demo publication');
    const [counts] = await query<{ articles: string; migrations: string }>(
      database.url!,
      'select (select count(*) from articles) as articles, (select count(*) from drizzle.__drizzle_migrations) as migrations',
    );
    expect(Number(counts!.articles)).toBe(demoArticles.length);
    expect(Number(counts!.migrations)).toBe(journal.entries.length);
  }, 120_000);
});
