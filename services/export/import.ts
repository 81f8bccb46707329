import type { Database } from '@/db/client';
import { withTx } from '@/db/tx';
import { insertRecords, nonEmptyTables, resetSequences } from '@/db/queries/export/write';
import { rebuildRecentViews } from '@/db/queries/view-rollup';
import { ExportFormatError, parseHeader, RecordReader } from '../../domain/export/parse';
import type { Counts, ExportHeader, ExportRecord, RecordOf, RecordType } from '../../domain/export/records';
import { dayInZone } from '../../domain/views/day';
import { newWebhookSecret } from '../../domain/webhooks/signature';
import { mediaStorage } from '../media/storage';
import { restoreMediaFiles } from './media-files';

/** The import will not run: the database is not empty. Nothing was written. */
export class ImportRefused extends Error {}

export interface ImportOptions {
  /** The folder of media files written by `npm run export -- --media` (`site.media/`). */
  mediaDir?: string | null;
  onProgress?: (counts: Counts) => void;
}

export interface ImportReport {
  header: ExportHeader;
  counts: Counts;
  mediaFiles: { written: number; present: number; missing: number };
  /** Webhooks that came without their secret: given a new one and switched off. */
  webhooksDisabled: number;
  /** Every imported account is without a password; these are the owners. */
  owners: string[];
}

const BATCH = 500;

/**
 * Reads an export line by line and writes it into an empty database in one transaction: any refused
 * line (with its number), a failed write or a file cut short rolls everything back, and the media
 * files this run put into the storage are removed again. Memory holds one batch of records.
 */
export async function importSite(db: Database, lines: AsyncIterable<string>, options: ImportOptions = {}): Promise<ImportReport> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new ExportFormatError(0, 'the file is empty.');
  const header = parseHeader(first.value);

  const occupied = await nonEmptyTables(db);
  if (occupied.length) {
    const list = occupied.map((t) => `${t.table} (${t.rows})`).join(', ');
    throw new ImportRefused(`The database is not empty: ${list}. Import into a new, empty database (the server seeds demo content on its first start unless SEED_DEMO=0).`);
  }

  const written: string[] = [];
  const report: ImportReport = { header, counts: {}, mediaFiles: { written: 0, present: 0, missing: 0 }, webhooksDisabled: 0, owners: [] };
  try {
    await withTx(db, async (tx) => {
      const reader = new RecordReader();
      let batch: ExportRecord[] = [];
      let batchStart = 2;
      let timeZone = 'Asia/Shanghai';
      const flush = async (lastLine: number) => {
        if (!batch.length) return;
        const type = batch[0]!.type;
        try {
          await insertRecords(tx, type, batch as RecordOf<RecordType>[]);
        } catch (error) {
          const cause = error as { cause?: { message?: string }; message?: string };
          throw new ExportFormatError(batchStart, `lines ${batchStart}–${lastLine} (${type}) could not be written: ${cause.cause?.message ?? cause.message}`);
        }
        batch = [];
        options.onProgress?.(reader.counts);
      };
      let line = 1;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        line++;
        const parsed = reader.next(next.value, line);
        if (!parsed) continue;
        if (parsed.kind === 'end') {
          await flush(line - 1);
          continue;
        }
        const record = await prepare(parsed.record, options.mediaDir ?? null, report, written);
        if (record.type === 'settings') timeZone = record.timeZone;
        if (batch.length && (batch[0]!.type !== record.type || batch.length >= BATCH)) await flush(line - 1);
        if (!batch.length) batchStart = line;
        batch.push(record);
      }
      reader.finish(line);
      await resetSequences(tx);
      if (reader.counts.views) await rebuildRecentViews(tx, dayInZone(new Date(), timeZone));
      report.counts = reader.counts;
    });
  } catch (error) {
    // The rows are rolled back; the files this run added to the storage go too.
    const storage = mediaStorage();
    if (written.length) await storage.delete(written).catch(() => {});
    throw error;
  }
  return report;
}

/** What a record needs before its write: media files into the storage, a secret for a webhook without one. */
async function prepare(record: ExportRecord, mediaDir: string | null, report: ImportReport, written: string[]): Promise<ExportRecord> {
  if ((record.type === 'media' || record.type === 'attachment') && mediaDir) {
    const result = await restoreMediaFiles(mediaDir, record);
    written.push(...result.written);
    report.mediaFiles.written += result.written.length;
    report.mediaFiles.present += result.present;
    report.mediaFiles.missing += result.missing;
  }
  if (record.type === 'webhook' && !record.secret) {
    report.webhooksDisabled++;
    return { ...record, secret: newWebhookSecret(), active: false };
  }
  if (record.type === 'user' && record.isOwner) report.owners.push(record.email);
  return record;
}
