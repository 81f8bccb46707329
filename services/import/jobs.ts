import 'server-only';
import fs from 'node:fs';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { writeAudit } from '@/db/queries/admin/audit';
import { createImportJob, finishImportJob, recordImportProgress } from '@/db/queries/admin/import-jobs';
import { cacheTags } from '../../domain/cache-tags';
import { config } from '../../domain/config.mjs';
import { ActionError } from '../../domain/errors';
import { fileNameFromHeader } from '../../domain/media/names';
import type { CurrentUser } from '../auth/session';
import { invalidateTags } from '../cache-invalidation';
import { receiveToTempFile } from '../media/receive';
import { importWordPress, type ImportProgress } from './wordpress';
import { WxrError } from '../../domain/import/wordpress/wxr-types';

/** Progress is written at most this often: a 100,000-item file would otherwise write 100,000 times. */
const PROGRESS_EVERY_MS = 1_000;

/** An import touches sections, tags, stories, pages, authors and redirects: every reader page may change. */
const EVERYTHING = [cacheTags.settings, cacheTags.sections, cacheTags.home, cacheTags.feeds, cacheTags.redirects, cacheTags.mostRead, 'tags', 'authors'];

/**
 * Receives a WordPress export (the request body, streamed to a temp file under IMPORT_MAX_BYTES)
 * and runs the import after the answer, on this server; its progress and report go to the job's
 * row, which the page polls through any server. The caller has checked who may import.
 */
export async function startWordPressImport(request: Request, user: CurrentUser, ip: string | null): Promise<number> {
  const max = config().IMPORT_MAX_BYTES;
  if (Number(request.headers.get('content-length') ?? 0) > max) throw new ActionError(413, { code: 'importFileTooLarge', params: { mb: Math.round(max / 1024 / 1024) } });
  const name = fileNameFromHeader(request.headers.get('x-file-name'));
  const received = await receiveToTempFile(request.body, max);
  const db = await getDb();
  const id = await createImportJob(db, { id: user.id, role: user.role, ip }, { name, bytes: received.bytes });
  // after(): on Vercel the function is kept alive for it (up to its maxDuration); elsewhere it just runs.
  after(() => runImportJob(id, received.file, user.id));
  return id;
}

async function runImportJob(id: number, file: string, importerId: number): Promise<void> {
  const db = await getDb();
  let last = 0;
  const onProgress = async (progress: ImportProgress) => {
    const now = Date.now();
    if (progress.phase !== 'done' && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    await recordImportProgress(db, id, progress);
  };
  try {
    const report = await importWordPress(db, () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }), { fetchMedia: true, importerId, onProgress });
    await finishImportJob(db, id, { report: report as unknown as Record<string, unknown> });
    await writeAudit(db, { actorId: importerId, action: 'import.finish', entityType: 'import', entityId: id, summary: report.site });
  } catch (error) {
    // A refused file (not WordPress, entities, broken XML) says why; anything else is logged in full.
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof WxrError)) console.error(`[gazette] import #${id} failed:`, error);
    await finishImportJob(db, id, { error: message }).catch(() => {});
  } finally {
    // What was imported before a failure is whole and public at once (each item is its own transaction).
    invalidateTags(EVERYTHING);
    await fs.promises.rm(file, { force: true });
  }
}
