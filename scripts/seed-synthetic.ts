// `npm run seed:synthetic -- 100000`: adds N generated stories (for benchmarks), in batches; see
// services/seed/synthetic.ts for what they contain. On the embedded database, stop the server first.
// SEED_BATCH (stories per INSERT, default 500) and SEED_CONCURRENCY (batches in flight, default 2
// on PostgreSQL, 1 on PGlite) tune the load.
import { openConnection } from '../db/client';
import { runMigrations } from '../db/migrate';
import { forgetStoredPages } from '../db/queries/page-store';
import { hasContent, seedDemo } from '../services/seed';
import { seedSynthetic } from '../services/seed/synthetic';
import { assertEmbeddedDatabaseFree } from './lib/embedded-lock';

const count = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('Usage: npm run seed:synthetic -- <count between 1 and 1000000>');
  process.exit(2);
}
const optionalInt = (name: string) => {
  const value = process.env[name] ? Number(process.env[name]) : undefined;
  if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
    console.error(`${name} must be a positive integer.`);
    process.exit(2);
  }
  return value;
};
const batchSize = optionalInt('SEED_BATCH');
const concurrency = optionalInt('SEED_CONCURRENCY');

assertEmbeddedDatabaseFree();
const conn = await openConnection();
await runMigrations(conn.db, conn.kind);
if (!(await hasContent(conn.db))) await seedDemo(conn.db);
const started = Date.now();
const result = await seedSynthetic(conn.db, count, {
  kind: conn.kind,
  batchSize,
  concurrency,
  onProgress: (done, total) => {
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`\r${done} / ${total} stories, ${Math.round(done / seconds)}/s`);
  },
});
await forgetStoredPages(conn.db);
await conn.close();
const rate = Math.round(count / result.insertSeconds);
console.log(
  `\nAdded ${count} synthetic stories (${conn.kind}) in ${result.insertSeconds.toFixed(1)} s (${rate} stories/s), ` +
    `then ${conn.kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} in ${result.analyzeSeconds.toFixed(1)} s: ` +
    `${result.tagLinks} tag links over ${result.tags} tags, ${result.authorLinks} author links over ${result.authors} authors, ` +
    `${result.viewRows} daily view rows.`,
);
