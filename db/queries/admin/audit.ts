import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '../../client';
import { auditLog, users } from '../../schema';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  summary?: string;
  data?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * The API token the writes of `work` came through, named on every audit row they write. Carried
 * by the async context rather than passed down, so that no DAL function needs to know about API
 * tokens and none can forget to pass it on.
 */
const viaToken = new AsyncLocalStorage<string>();

export function withAuditToken<T>(tokenName: string | undefined, work: () => Promise<T>): Promise<T> {
  return tokenName === undefined ? work() : viaToken.run(tokenName, work);
}

/** Written inside the same transaction as the change it describes. */
export async function writeAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    viaToken: viaToken.getStore() ?? null,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    summary: (entry.summary ?? '').slice(0, 500),
    data: entry.data ?? null,
    ip: entry.ip ?? null,
  });
}

export interface AuditRowDTO {
  id: number;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  viaToken: string | null;
  createdAt: string;
}

export async function listAudit(db: Database, options: { before?: number; limit: number; actorId?: number; entityType?: string }): Promise<AuditRowDTO[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      actorName: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      viaToken: auditLog.viaToken,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        options.before ? lt(auditLog.id, options.before) : undefined,
        options.actorId ? eq(auditLog.actorId, options.actorId) : undefined,
        options.entityType ? eq(auditLog.entityType, options.entityType) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(options.limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
