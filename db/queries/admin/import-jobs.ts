import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { importJobs, users } from '../../schema';
import { writeAudit } from './audit';
import type { StaffActor } from './sections';

export type ImportJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

export interface ImportJobDTO {
  id: number;
  status: ImportJobStatus;
  fileName: string;
  bytes: number;
  phase: string;
  done: number;
  total: number;
  report: Record<string, unknown> | null;
  error: string | null;
  startedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * A job whose server stopped (a restart, a crash) never reports again: after this long without
 * progress it reads as interrupted. The import is resumable, so running the file again finishes it.
 */
const SILENT_MS = 120_000;

const columns = {
  id: importJobs.id,
  status: importJobs.status,
  fileName: importJobs.fileName,
  bytes: importJobs.bytes,
  phase: importJobs.phase,
  done: importJobs.done,
  total: importJobs.total,
  report: importJobs.report,
  error: importJobs.error,
  startedBy: users.name,
  createdAt: importJobs.createdAt,
  updatedAt: importJobs.updatedAt,
  finishedAt: importJobs.finishedAt,
};

type Row = { status: string; createdAt: Date; updatedAt: Date; finishedAt: Date | null } & Omit<ImportJobDTO, 'status' | 'createdAt' | 'finishedAt'>;

function toDto({ updatedAt, createdAt, finishedAt, status, ...row }: Row, now = Date.now()): ImportJobDTO {
  const silent = (status === 'running' || status === 'queued') && now - updatedAt.getTime() > SILENT_MS;
  return { ...row, status: silent ? 'interrupted' : (status as ImportJobStatus), createdAt: createdAt.toISOString(), finishedAt: finishedAt?.toISOString() ?? null };
}

export async function createImportJob(db: Database, actor: StaffActor, file: { name: string; bytes: number }): Promise<number> {
  const [row] = await db.insert(importJobs).values({ fileName: file.name, bytes: file.bytes, startedById: actor.id }).returning({ id: importJobs.id });
  await writeAudit(db, { actorId: actor.id, ip: actor.ip, action: 'import.start', entityType: 'import', entityId: row!.id, summary: file.name, data: { bytes: file.bytes } });
  return row!.id;
}

export async function recordImportProgress(db: Database, id: number, progress: { phase: string; done: number; total: number }): Promise<void> {
  await db.update(importJobs).set({ status: 'running', ...progress, updatedAt: sql`now()` }).where(eq(importJobs.id, id));
}

export async function finishImportJob(db: Database, id: number, outcome: { report: Record<string, unknown> } | { error: string }): Promise<void> {
  const values = 'report' in outcome ? { status: 'done', phase: 'done', report: outcome.report } : { status: 'failed', error: outcome.error.slice(0, 2000) };
  await db.update(importJobs).set({ ...values, updatedAt: sql`now()`, finishedAt: sql`now()` }).where(eq(importJobs.id, id));
}

export async function getImportJob(db: Database, id: number): Promise<ImportJobDTO | null> {
  const [row] = await db.select(columns).from(importJobs).leftJoin(users, eq(users.id, importJobs.startedById)).where(eq(importJobs.id, id));
  return row ? toDto(row) : null;
}

export async function listImportJobs(db: Database, limit = 10): Promise<ImportJobDTO[]> {
  const rows = await db.select(columns).from(importJobs).leftJoin(users, eq(users.id, importJobs.startedById)).orderBy(desc(importJobs.id)).limit(limit);
  const now = Date.now();
  return rows.map((row) => toDto(row, now));
}
