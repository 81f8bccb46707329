#!/usr/bin/env node
// `npm start`: serve the production build through Gazette's HTTP server (server/http-server.mjs).
// The app migrates (and seeds demo content into an empty database) on start-up, see instrumentation.ts.
import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
process.chdir(root);
process.env.NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

if (!fs.existsSync('.next/BUILD_ID')) {
  console.error('[gazette] No production build found. Run `npm run build` first.');
  process.exit(1);
}

// Rendered pages and cached queries from an earlier run may describe a database that has changed
// since (a reseed, a restore); the cache is rebuilt on demand, so start from an empty one.
// Workers (WEB_CONCURRENCY > 1) run this file again; the primary has cleaned up already.
for (const dir of cluster.isPrimary ? ['.next/cache/fetch-cache', '.next/server/route-cache'] : []) {
  fs.rmSync(dir, { recursive: true, force: true });
}

const { startGazette } = await import('../server/cluster.mjs');
try {
  await startGazette({ dir: root });
} catch (error) {
  console.error('[gazette] the server could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
