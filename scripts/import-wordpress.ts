// `npm run import:wordpress -- export.xml [--dry-run] [--no-media]`: a WordPress export (WXR) into
// this Gazette (PGlite with the server stopped, or DATABASE_URL). Run it again with the same file
// to finish an interrupted import: what is already there is skipped.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openConnection } from '../db/client';
import { runMigrations } from '../db/migrate';
import { forgetStoredPages } from '../db/queries/page-store';
import { formatReport } from '../domain/import/report';
import { WxrError } from '../domain/import/wordpress/wxr-types';
import { importWordPress } from '../services/import/wordpress';
import { assertEmbeddedDatabaseFree } from './lib/embedded-lock';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'dry-run': { type: 'boolean', default: false }, 'no-media': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
});

const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error('Usage: npm run import:wordpress -- export.xml [--dry-run] [--no-media] [--json]');
  process.exit(2);
}
if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
  console.error(`No such file: ${file}`);
  process.exit(2);
}

const dryRun = values['dry-run'];
const open = () => fs.createReadStream(file, { highWaterMark: 256 * 1024 });
let lastPrinted = 0;
const onProgress = ({ phase, done, total }: { phase: string; done: number; total: number }) => {
  if (!process.stderr.isTTY || Date.now() - lastPrinted < 500) return;
  lastPrinted = Date.now();
  process.stderr.write(`\r${phase === 'checking' ? `checking: ${done} items read` : `importing: ${done} of ${total}`}   `);
};

if (!dryRun) assertEmbeddedDatabaseFree();
const conn = dryRun ? null : await openConnection();
try {
  if (conn) await runMigrations(conn.db, conn.kind);
  const report = await importWordPress(conn?.db ?? null, open, { dryRun, fetchMedia: !values['no-media'], onProgress });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  if (conn && !dryRun) await forgetStoredPages(conn.db);
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (conn && !dryRun) console.log('A running server still holds the old pages in its cache: restart it to see the imported content.');
} catch (error) {
  if (error instanceof WxrError) {
    console.error(`Refused: ${error.message}\nNothing was written.`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await conn?.close();
}
