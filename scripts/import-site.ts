// `npm run import -- site.ndjson [--media-dir DIR]`: a Gazette export (docs/export.md) into an
// empty database (embedded with the server stopped, or DATABASE_URL). One transaction: a refused
// line or a failure leaves the database empty. Media files come from `site.media/` when it exists.
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { openConnection } from '../db/client';
import { runMigrations } from '../db/migrate';
import { forgetStoredPages } from '../db/queries/page-store';
import { ExportFormatError } from '../domain/export/parse';
import { importSite, ImportRefused } from '../services/export/import';
import { assertEmbeddedDatabaseFree } from './lib/embedded-lock';
import { fileExists, siblingMediaDir } from './lib/export-files';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'media-dir': { type: 'string' } } });

const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error('Usage: npm run import -- site.ndjson [--media-dir site.media]');
  process.exit(2);
}
if (!fileExists(file)) {
  console.error(`No such file: ${file}`);
  process.exit(2);
}
const mediaDir = values['media-dir'] ?? (fs.existsSync(siblingMediaDir(file)) ? siblingMediaDir(file) : null);
if (values['media-dir'] && !fs.existsSync(values['media-dir'])) {
  console.error(`No such folder: ${values['media-dir']}`);
  process.exit(2);
}

assertEmbeddedDatabaseFree();
const conn = await openConnection();
const started = Date.now();
try {
  await runMigrations(conn.db, conn.kind);
  const lines = readline.createInterface({ input: fs.createReadStream(file, { highWaterMark: 256 * 1024 }), crlfDelay: Infinity });
  let lastPrinted = 0;
  const report = await importSite(conn.db, lines, {
    mediaDir,
    onProgress: (counts) => {
      if (!process.stderr.isTTY || Date.now() - lastPrinted < 500) return;
      lastPrinted = Date.now();
      process.stderr.write(`\rimporting: ${counts.article ?? 0} stories   `);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  await forgetStoredPages(conn.db);
  console.log(`Imported ${Object.entries(report.counts).map(([type, n]) => `${n} ${type}`).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (exported ${report.header.exportedAt}, schema ${report.header.schema}).`);
  const m = report.mediaFiles;
  if (mediaDir) console.log(`Media files from ${mediaDir}: ${m.written} copied into the storage, ${m.present} already there, ${m.missing} missing.`);
  else if (report.counts.media) console.log('No media folder: copy the files into the media storage yourself (docs/export.md), or images will not load.');
  if (report.webhooksDisabled) console.log(`${report.webhooksDisabled} webhook(s) came without their secret: they have a new one and are switched off; share the new secret with each receiver, then switch them on.`);
  console.log('No account has a password yet (the file holds none). Set one with:');
  for (const email of report.owners.length ? report.owners : ['you@example.com']) console.log(`  npm run user -- reset-password --email ${email} --password '…'`);
} catch (error) {
  if (error instanceof ExportFormatError || error instanceof ImportRefused) {
    console.error(`Refused: ${error.message}\nNothing was written.`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await conn.close();
}
