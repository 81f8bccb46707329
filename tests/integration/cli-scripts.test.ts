import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../helpers/db';

/**
 * Issue 14's command lines, run as a newcomer runs them (`node --conditions=react-server --import tsx
 * scripts/…`, what `npm run …` runs) on the embedded database: a WordPress export in, the site out
 * as NDJSON, that file into an empty site, and out again with the same counts. The scripts share
 * their code with the PostgreSQL path, which the other integration files cover; this runs once.
 */

const root = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(script: string, args: string[], dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: '0', NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', `scripts/${script}`, ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

const countsOf = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)!) as { counts: Record<string, number> }).counts;

describe.skipIf(testDatabaseKind === 'postgres')('the command lines on the embedded database', () => {
  it('imports a WordPress export, exports the site, restores it into an empty one, and exports the same again', () => {
    const first = path.join(tmp, 'first');
    const fixture = path.join(tmp, 'wordpress.xml');
    fs.writeFileSync(fixture, fs.readFileSync(path.join(root, 'tests/fixtures/wordpress/site.xml'), 'utf8').replaceAll('__ORIGIN__', 'https://old.example.test'));
    const imported = run('import-wordpress.ts', [fixture, '--no-media'], first);
    expect(imported.status, imported.out).toBe(0);
    expect(imported.out).toMatch(/post/i);

    const file = path.join(tmp, 'site.ndjson');
    const exported = run('export.ts', [file], first);
    expect(exported.status, exported.out).toBe(0);
    const counts = countsOf(file);
    expect(counts.article).toBeGreaterThanOrEqual(5);
    expect(counts.section).toBeGreaterThan(0);

    const second = path.join(tmp, 'second');
    const restored = run('import-site.ts', [file], second);
    expect(restored.status, restored.out).toBe(0);
    const again = path.join(tmp, 'again.ndjson');
    expect(run('export.ts', [again], second).status).toBe(0);
    expect(countsOf(again)).toEqual(counts);

    // Into a site that is not empty: refused, with a message, exit code not 0.
    const refused = run('import-site.ts', [file], second);
    expect(refused.status).not.toBe(0);
    expect(refused.out).toMatch(/empty/i);
  }, 300_000);

  it('says how to use them when the arguments are wrong', () => {
    for (const script of ['export.ts', 'import-site.ts', 'import-wordpress.ts']) {
      const wrong = run(script, [], path.join(tmp, 'unused'));
      expect(wrong.status, script).toBe(2);
      expect(wrong.out, script).toMatch(/Usage: npm run/);
    }
  });
});
