import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { withTx } from '../../tx';
import { apiTokens, users } from '../../schema';
import { apiTokenPrefix, hashApiToken, isApiTokenShape, newApiTokenSecret } from '../../../domain/auth/api-token';
import { notFoundError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions';
import { staffColumns, toStaff, type StaffUserDTO } from './users';
import { writeAudit } from './audit';

/**
 * Personal API tokens (issue 12). A token is its user: resolving one reads the user as the
 * database has them now, so a changed role applies at once and a disabled account's tokens stop.
 */

export interface ApiTokenDTO {
  id: number;
  name: string;
  prefix: string;
  userId: number;
  userName: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ResolvedApiToken {
  tokenId: number;
  name: string;
  user: StaffUserDTO;
}

/** last_used_at is written at most this often per token, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const listColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  userId: apiTokens.userId,
  userName: users.name,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

interface ListRow {
  id: number;
  name: string;
  prefix: string;
  userId: number;
  userName: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toDTO = (r: ListRow): ApiTokenDTO => ({ ...r, createdAt: r.createdAt.toISOString(), expiresAt: iso(r.expiresAt), lastUsedAt: iso(r.lastUsedAt), revokedAt: iso(r.revokedAt) });

/** Tokens of one user (`userId`), or of everyone (the users admin page), newest first. */
export async function listApiTokens(db: Database, options: { userId?: number; limit?: number } = {}): Promise<ApiTokenDTO[]> {
  const rows = await db
    .select(listColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(options.userId === undefined ? undefined : eq(apiTokens.userId, options.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(options.limit ?? 200);
  return rows.map(toDTO);
}

/** Creates a token for the actor; the answer carries the secret, which is never readable again. */
export async function createApiToken(db: Database, actor: Actor & { ip?: string | null }, input: { name: string; expiresInDays: number | null }): Promise<{ token: ApiTokenDTO; secret: string }> {
  const secret = newApiTokenSecret();
  return withTx(db, async (t) => {
    const [row] = await t
      .insert(apiTokens)
      .values({
        userId: actor.id,
        name: input.name,
        tokenHash: hashApiToken(secret),
        prefix: apiTokenPrefix(secret),
        expiresAt: input.expiresInDays === null ? null : sql`now() + make_interval(days => ${input.expiresInDays}::int)`,
      })
      .returning({ id: apiTokens.id });
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'api-token.create', entityType: 'user', entityId: actor.id, summary: input.name, data: { tokenId: row!.id } });
    const [created] = await t.select(listColumns).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).where(eq(apiTokens.id, row!.id));
    return { token: toDTO(created!), secret };
  });
}

/** Revokes one token: its owner may, and whoever holds `api-token:revoke-any`. Revoking twice is a no-op. */
export async function revokeApiToken(db: Database, actor: Actor & { ip?: string | null }, tokenId: number): Promise<ApiTokenDTO> {
  return withTx(db, async (t) => {
    const [row] = await t.select({ userId: apiTokens.userId, name: apiTokens.name, revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, tokenId)).for('update');
    if (!row) throw notFoundError('This item');
    if (row.userId !== actor.id) {
      // Someone else's token: those who may not revoke it must not learn it exists either.
      if (!can(actor.role, 'api-token:revoke-any')) throw notFoundError('This item');
    }
    if (!row.revokedAt) {
      await t.update(apiTokens).set({ revokedAt: sql`now()`, revokedById: actor.id }).where(eq(apiTokens.id, tokenId));
      await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'api-token.revoke', entityType: 'user', entityId: row.userId, summary: row.name, data: { tokenId } });
    }
    const [updated] = await t.select(listColumns).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).where(eq(apiTokens.id, tokenId));
    return toDTO(updated!);
  });
}

/**
 * The token and its user, when the secret is one of ours, unrevoked and unexpired, and its user
 * can still sign in (not disabled, has a password); null otherwise, for every reason alike.
 */
export async function resolveApiToken(db: Database, secret: string): Promise<ResolvedApiToken | null> {
  if (!isApiTokenShape(secret)) return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, tokenName: apiTokens.name, lastUsedAt: apiTokens.lastUsedAt, ...staffColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(secret)),
        isNull(apiTokens.revokedAt),
        sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > now())`,
        isNull(users.disabledAt),
        sql`${users.passwordHash} is not null`,
      ),
    );
  if (!row) return null;
  const { tokenId, tokenName, lastUsedAt, ...staff } = row;
  if (!lastUsedAt || Date.now() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // The condition again in SQL: of several servers seeing the same stale time, one writes.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiTokens.id, tokenId), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - make_interval(secs => ${LAST_USED_RESOLUTION_MS / 1000}))`));
  }
  return { tokenId, name: tokenName, user: toStaff(staff) };
}

