// `npm run export -- site.ndjson [--media] [--with-secrets] [--with-audit]`: the whole site as one
// NDJSON file (docs/export.md), from the embedded database (server stopped) or DATABASE_URL.
// `-` writes to standard output. With --media the files go into `site.media/` beside the file.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openConnection } from '../db/client';
import { runMigrations } from '../db/migrate';
import { exportSite } from '../services/export/export';
import { assertEmbeddedDatabaseFree } from './lib/embedded-lock';
import { lineSink, siblingMediaDir } from './lib/export-files';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { media: { type: 'boolean', default: false }, 'with-secrets': { type: 'boolean', default: false }, 'with-audit': { type: 'boolean', default: false } },
});

const file = positionals[0];
if (!file || positionals.length > 1 || (file === '-' && values.media)) {
  console.error('Usage: npm run export -- site.ndjson [--media] [--with-secrets] [--with-audit]   (- for standard output, without --media)');
  process.exit(2);
}

assertEmbeddedDatabaseFree();
const conn = await openConnection();
const started = Date.now();
const temp = file === '-' ? null : `${file}.partial`;
try {
  await runMigrations(conn.db, conn.kind);
  const mediaDir = values.media ? siblingMediaDir(file) : null;
  const sink = lineSink(temp ? fs.createWriteStream(temp) : process.stdout);
  const result = await exportSite(conn.db, sink.write, { withSecrets: values['with-secrets'], withAudit: values['with-audit'], mediaDir });
  await sink.end();
  // Written under another name and renamed at the end: a file named site.ndjson is always complete.
  if (temp) fs.renameSync(temp, file);
  const log = file === '-' ? console.error : console.log;
  log(`Exported ${Object.entries(result.counts).map(([type, n]) => `${n} ${type}`).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`);
  if (mediaDir) log(`Media files: ${result.mediaFiles.written} written to ${mediaDir}${result.mediaFiles.missing ? `, ${result.mediaFiles.missing} missing from the storage` : ''}.`);
  if (values['with-secrets']) log('The file holds webhook secrets: keep it as you keep passwords.');
} catch (error) {
  if (temp) fs.rmSync(temp, { force: true });
  throw error;
} finally {
  await conn.close();
}
