#!/usr/bin/env node
// `npm start`: serve the production build. The app migrates (and seeds demo content into an empty
// database) on start-up, see instrumentation.ts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
process.chdir(root);

if (!fs.existsSync('.next/BUILD_ID')) {
  console.error('[gazette] No production build found. Run `npm run build` first.');
  process.exit(1);
}

// Rendered pages and cached queries from an earlier run may describe a database that has changed
// since (a reseed, a restore); the cache is rebuilt on demand, so start from an empty one.
for (const dir of ['.next/cache/fetch-cache', '.next/server/route-cache']) {
  fs.rmSync(dir, { recursive: true, force: true });
}

const port = process.env.PORT ?? '3000';
const args = [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', port];
if (process.env.HOSTNAME_BIND) args.push('-H', process.env.HOSTNAME_BIND);

const child = spawn(process.execPath, args, {
  stdio: 'inherit',
  env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
