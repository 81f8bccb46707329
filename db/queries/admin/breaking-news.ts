import 'server-only';
import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import { breakingColumns, toBreakingDto } from '../breaking-news';
import type { Database } from '../../client';
import { withTx } from '../../tx';
import { breakingNews } from '../../schema';
import { cacheTags } from '../../../domain/cache-tags';
import { can } from '../../../domain/permissions';
import { forbiddenError } from '../../../domain/errors';
import type { BreakingNewsInput } from '../../../domain/validation/breaking-news';
import { writeAudit } from './audit';
import type { StaffActor } from './sections';

/** Every page shows the banner: a change expires them all, once. */
const expirePages = [cacheTags.breakingNews];

/** Puts a banner up (ending the one shown now, if any), for `hours` from now. */
export async function setBreakingNews(db: Database, actor: StaffActor, input: BreakingNewsInput) {
  if (!can(actor.role, 'breaking:manage')) throw forbiddenError();
  return withTx(db, async (tx) => {
    await tx.update(breakingNews).set({ endedAt: sql`now()` }).where(isNull(breakingNews.endedAt));
    const [row] = await tx
      .insert(breakingNews)
      .values({ text: input.text, href: input.href, expiresAt: sql`now() + make_interval(hours => ${input.hours}::int)`, createdById: actor.id })
      .returning(breakingColumns);
    await writeAudit(tx, { actorId: actor.id, ip: actor.ip, action: 'breaking.set', entityType: 'breaking', entityId: row!.id, summary: input.text, data: { href: input.href, hours: input.hours } });
    return { banner: toBreakingDto(row!), invalidate: expirePages };
  });
}

/** Takes the banner down now; nothing to end is not an error (two editors may press it at once). */
export async function endBreakingNews(db: Database, actor: StaffActor) {
  if (!can(actor.role, 'breaking:manage')) throw forbiddenError();
  return withTx(db, async (tx) => {
    const ended = await tx.update(breakingNews).set({ endedAt: sql`now()` }).where(isNull(breakingNews.endedAt)).returning({ id: breakingNews.id, text: breakingNews.text });
    for (const row of ended) await writeAudit(tx, { actorId: actor.id, ip: actor.ip, action: 'breaking.end', entityType: 'breaking', entityId: row.id, summary: row.text });
    return { ended: ended.length, invalidate: ended.length ? expirePages : [] };
  });
}

/**
 * Banners whose time ran out since the last tick: the pages cached while they showed must go.
 * Marked in the same statement, so of several servers ticking at once only one expires them.
 */
export async function noteExpiredBreakingNews(db: Database): Promise<{ invalidate: string[] }> {
  const noted = await db
    .update(breakingNews)
    .set({ expiryNoted: true })
    .where(and(isNull(breakingNews.endedAt), eq(breakingNews.expiryNoted, false), lte(breakingNews.expiresAt, sql`now()`)))
    .returning({ id: breakingNews.id });
  return { invalidate: noted.length ? expirePages : [] };
}

/** The last banners, for the admin screen's history. */
export async function listBreakingNews(db: Database, limit = 10) {
  const rows = await db
    .select({ ...breakingColumns, endedAt: breakingNews.endedAt, createdAt: breakingNews.createdAt })
    .from(breakingNews)
    .orderBy(desc(breakingNews.id))
    .limit(limit);
  return rows.map((r) => ({ ...toBreakingDto(r), endedAt: r.endedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() }));
}
