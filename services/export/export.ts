import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '@/db/client';
import { migrationsFolder } from '@/db/migrate';
import { withTx } from '@/db/tx';
import * as read from '@/db/queries/export/read';
import { EXPORT_FORMAT, EXPORT_VERSION, type Counts, type ExportHeader } from '../../domain/export/records';
import { saveMediaFiles } from './media-files';

export interface ExportOptions {
  /** Webhook secrets (credentials: they sign deliveries). API tokens never leave, hashed or not. */
  withSecrets?: boolean;
  /** The audit log: history, not content, and it holds addresses; only when asked. */
  withAudit?: boolean;
  /** Also copy the media files into this folder (`site.media/`). */
  mediaDir?: string | null;
  /**
   * Read everything in one repeatable-read transaction, so the file is one moment of the site.
   * Off for PGlite behind a running server: its one connection would be held for the whole download.
   */
  snapshot?: boolean;
}

export interface ExportResult {
  counts: Counts;
  mediaFiles: { written: number; missing: number };
}

/** The newest migration the code knows: which schema the file was written from. */
export function schemaTag(): string {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.at(-1)?.tag ?? 'none';
}

/**
 * Writes the whole site as NDJSON through `write` (one call per line, awaited: the sink's own
 * back-pressure keeps memory flat), in RECORD_TYPES order, then the end line with the counts.
 */
export async function exportSite(db: Database, write: (line: string) => Promise<void>, options: ExportOptions = {}): Promise<ExportResult> {
  const header: ExportHeader = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), schema: schemaTag() };
  const run = async (tx: Database): Promise<ExportResult> => {
    await write(JSON.stringify(header));
    const counts: Counts = {};
    const mediaFiles = { written: 0, missing: 0 };
    const sources = [
      read.settingsRecords(tx),
      read.userRecords(tx),
      read.sectionRecords(tx),
      read.tagRecords(tx),
      mediaWithFiles(read.mediaRecords(tx), options.mediaDir ?? null, mediaFiles),
      read.articleRecords(tx),
      read.revisionRecords(tx),
      read.noticeRecords(tx),
      read.commentRecords(tx),
      mediaWithFiles(read.attachmentRecords(tx), options.mediaDir ?? null, mediaFiles),
      read.topicRecords(tx),
      read.viewRecords(tx),
      read.pageRecords(tx),
      read.redirectRecords(tx),
      read.breakingRecords(tx),
      read.webhookRecords(tx, options.withSecrets ?? false),
      read.importSourceRecords(tx),
      ...(options.withAudit ? [read.auditRecords(tx)] : []),
    ];
    for (const source of sources) {
      for await (const record of source) {
        counts[record.type] = (counts[record.type] ?? 0) + 1;
        await write(JSON.stringify(record));
      }
    }
    await write(JSON.stringify({ type: 'end', counts }));
    return { counts, mediaFiles };
  };
  return options.snapshot === false ? run(db) : withTx(db, run, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/** Records with stored files (media, attachments), each file copied into `dir` when one is given. */
async function* mediaWithFiles(records: ReturnType<typeof read.mediaRecords | typeof read.attachmentRecords>, dir: string | null, tally: { written: number; missing: number }) {
  for await (const record of records) {
    if (dir) {
      const { written, missing } = await saveMediaFiles(dir, record);
      tally.written += written;
      tally.missing += missing;
    }
    yield record;
  }
}
