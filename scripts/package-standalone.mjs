#!/usr/bin/env node
// After `STANDALONE=1 npm run build`: make `.next/standalone` a complete, self-starting app.
// Next writes a minimal server.js of its own there; Gazette's server entry replaces it (the one that
// stamps the peer address, sends 301s, keeps the micro-cache and stops gracefully, like `npm start`),
// and the static assets Next leaves out (`.next/static`, `public/`) are copied in. The committed
// migrations come in through next.config.mjs `outputFileTracingIncludes`.
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const standalone = path.join(root, '.next', 'standalone');

if (process.env.STANDALONE !== '1') process.exit(0);
if (!fs.existsSync(path.join(standalone, '.next', 'required-server-files.json'))) {
  console.error('[gazette] STANDALONE=1 but next build wrote no .next/standalone');
  process.exit(1);
}

/** The server entry and every file it imports by a relative path, as project-relative paths. */
function entryFiles(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    for (const match of source.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
      visit(path.relative(root, path.resolve(path.dirname(path.join(root, file)), match[1])));
    }
  };
  visit(entry);
  return [...seen];
}

const copied = [];
for (const file of entryFiles('server/cluster.mjs')) {
  fs.mkdirSync(path.dirname(path.join(standalone, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(standalone, file));
  copied.push(file);
}
fs.cpSync(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true });
if (fs.existsSync(path.join(root, 'public'))) fs.cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });

// Run from anywhere: the data folder (DATA_DIR, default .data) is resolved from the working directory
// it was started in, as with `npm start`; then, as Next's own standalone server does, it works from
// its own folder (Next resolves the cache handler and the migrations from there).
fs.writeFileSync(
  path.join(standalone, 'server.js'),
  `// Written by scripts/package-standalone.mjs: Gazette's server entry for the standalone output.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGazette } from './server/cluster.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
process.env.DATA_DIR = path.resolve(process.env.DATA_DIR || '.data');
process.chdir(dir);
const { config } = JSON.parse(fs.readFileSync(path.join(dir, '.next', 'required-server-files.json'), 'utf8'));
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
try {
  await startGazette({ dir, conf: config });
} catch (error) {
  console.error('[gazette] the server could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
`,
);
console.log(`[gazette] standalone output ready: node .next/standalone/server.js (server entry: ${copied.join(', ')})`);
