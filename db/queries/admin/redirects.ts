import 'server-only';
import { and, asc, count, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { withTx } from '../../tx';
import { pages, redirects, sections, tags, users } from '../../schema';
import { containsText } from '../like';
import { cacheTags } from '../../../domain/cache-tags';
import { can } from '../../../domain/permissions';
import { ActionError, forbiddenError, notFoundError, type Message } from '../../../domain/errors';
import { localTargetPath, type RedirectInput } from '../../../domain/validation/redirect';
import { writeAudit } from './audit';
import type { StaffActor } from './sections';

export interface AdminRedirectDTO {
  id: number;
  fromPath: string;
  toPath: string;
  statusCode: number;
  hits: number;
  lastHitAt: Date | null;
  updatedAt: Date;
}

const columns = {
  id: redirects.id,
  fromPath: redirects.fromPath,
  toPath: redirects.toPath,
  statusCode: redirects.statusCode,
  hits: redirects.hits,
  lastHitAt: redirects.lastHitAt,
  updatedAt: redirects.updatedAt,
};

/** Longer chains than this are refused as if they looped: nobody follows them anyway. */
const MAX_CHAIN = 20;

export async function listRedirects(db: Database, filter: { q?: string; page: number; pageSize: number }) {
  const where = filter.q ? or(containsText(redirects.fromPath, filter.q), containsText(redirects.toPath, filter.q)) : undefined;
  const [[total], items] = await Promise.all([
    db.select({ n: count() }).from(redirects).where(where),
    // The unique index on from_path serves this order, also for an archive's worth of imported URLs.
    db.select(columns).from(redirects).where(where).orderBy(asc(redirects.fromPath)).limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  return { items: items as AdminRedirectDTO[], total: n, page: filter.page, pageCount: Math.max(1, Math.ceil(n / filter.pageSize)) };
}

export async function getRedirectForManage(db: Database, id: number): Promise<AdminRedirectDTO | null> {
  const [row] = await db.select(columns).from(redirects).where(eq(redirects.id, id));
  return row ?? null;
}

/** Every redirect in path order, for the CSV download. */
export async function allRedirects(db: Database): Promise<AdminRedirectDTO[]> {
  return db.select(columns).from(redirects).orderBy(asc(redirects.fromPath));
}

/** Something Gazette shows at `path`, which would win over a redirect from it. */
async function liveOwner(tx: Database, path: string): Promise<Message | null> {
  const [first, second, ...deeper] = path.split('/').slice(1);
  if (!first || deeper.length) return null;
  if (second === undefined) {
    const [section] = await tx.select({ title: sections.title }).from(sections).where(eq(sections.slug, first));
    if (section) return { code: 'slugUsedBySection', params: { slug: first, title: section.title } };
    const [page] = await tx.select({ title: pages.title }).from(pages).where(eq(pages.slug, first));
    if (page) return { code: 'slugUsedByPage', params: { slug: first, title: page.title } };
    return null;
  }
  if (first === 'tags') {
    const [tag] = await tx.select({ name: tags.name }).from(tags).where(eq(tags.slug, second));
    return tag ? { code: 'redirectFromLiveTag', params: { path, name: tag.name } } : null;
  }
  if (first === 'authors') {
    const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.slug, second));
    return author ? { code: 'redirectFromLiveAuthor', params: { path, name: author.name } } : null;
  }
  return null;
}

/** Follows `target` through the table: reaching `from` again (or walking too far) is a loop. */
async function assertNoLoop(tx: Database, from: string, target: string, selfId?: number): Promise<void> {
  let next = localTargetPath(target);
  for (let hop = 0; next !== null; hop++) {
    if (next === from || hop >= MAX_CHAIN) throw ActionError.onField(422, 'toPath', { code: 'redirectLoop', params: { path: next } });
    const [row] = await tx
      .select({ toPath: redirects.toPath })
      .from(redirects)
      .where(selfId ? and(eq(redirects.fromPath, next), ne(redirects.id, selfId)) : eq(redirects.fromPath, next));
    next = row ? localTargetPath(row.toPath) : null;
  }
}

async function checkRedirect(tx: Database, input: RedirectInput, selfId?: number): Promise<void> {
  const owner = await liveOwner(tx, input.fromPath);
  if (owner) throw ActionError.onField(409, 'fromPath', owner);
  const [taken] = await tx
    .select({ id: redirects.id, toPath: redirects.toPath })
    .from(redirects)
    .where(selfId ? and(eq(redirects.fromPath, input.fromPath), ne(redirects.id, selfId)) : eq(redirects.fromPath, input.fromPath));
  if (taken) throw ActionError.onField(409, 'fromPath', { code: 'redirectFromTaken', params: { path: input.fromPath, to: taken.toPath } });
  await assertNoLoop(tx, input.fromPath, input.toPath, selfId);
}

// Redirect lookups are cached per path under one tag: any change expires them all.
const expireLookups = [cacheTags.redirects];

export async function createRedirect(db: Database, actor: StaffActor, input: RedirectInput) {
  if (!can(actor.role, 'redirect:manage')) throw forbiddenError();
  return withTx(db, async (tx) => {
    await checkRedirect(tx, input);
    const [row] = await tx.insert(redirects).values(input).returning({ id: redirects.id });
    await writeAudit(tx, { actorId: actor.id, ip: actor.ip, action: 'redirect.create', entityType: 'redirect', entityId: row!.id, summary: input.fromPath, data: input });
    return { id: row!.id, invalidate: expireLookups };
  });
}

export async function updateRedirect(db: Database, actor: StaffActor, id: number, input: RedirectInput) {
  if (!can(actor.role, 'redirect:manage')) throw forbiddenError();
  return withTx(db, async (tx) => {
    const [current] = await tx.select(columns).from(redirects).where(eq(redirects.id, id)).for('update');
    if (!current) throw notFoundError();
    await checkRedirect(tx, input, id);
    await tx.update(redirects).set({ ...input, updatedAt: new Date() }).where(eq(redirects.id, id));
    const data = { from: { fromPath: current.fromPath, toPath: current.toPath, statusCode: current.statusCode }, to: input };
    await writeAudit(tx, { actorId: actor.id, ip: actor.ip, action: 'redirect.update', entityType: 'redirect', entityId: id, summary: input.fromPath, data });
    return { id, invalidate: expireLookups };
  });
}

export async function deleteRedirect(db: Database, actor: StaffActor, id: number) {
  if (!can(actor.role, 'redirect:manage')) throw forbiddenError();
  return withTx(db, async (tx) => {
    const [gone] = await tx.delete(redirects).where(eq(redirects.id, id)).returning({ fromPath: redirects.fromPath, toPath: redirects.toPath });
    if (!gone) throw notFoundError();
    await writeAudit(tx, { actorId: actor.id, ip: actor.ip, action: 'redirect.delete', entityType: 'redirect', entityId: id, summary: gone.fromPath, data: gone });
    return { id, invalidate: expireLookups };
  });
}

export interface RedirectImportRow extends RedirectInput {
  line: number;
}

/**
 * All or nothing: every row is checked against the table as the earlier rows leave it, and the
 * first refusal names its line and rolls the whole file back. A row whose address already
 * redirects replaces that redirect (importing a corrected export updates it).
 */
export async function importRedirects(db: Database, actor: StaffActor, rows: RedirectImportRow[]) {
  if (!can(actor.role, 'redirect:manage')) throw forbiddenError();
  return withTx(db, async (tx) => {
    const existing = rows.length
      ? await tx
          .select({ id: redirects.id, fromPath: redirects.fromPath })
          .from(redirects)
          .where(inArray(redirects.fromPath, rows.map((r) => r.fromPath)))
      : [];
    const idOf = new Map(existing.map((r) => [r.fromPath, r.id]));
    let created = 0;
    let updated = 0;
    for (const { line, ...input } of rows) {
      const selfId = idOf.get(input.fromPath);
      try {
        await checkRedirect(tx, input, selfId);
      } catch (error) {
        // The line's own reason goes with it, translated like any field message.
        if (error instanceof ActionError) throw new ActionError(error.status, { code: 'redirectImportRefused', params: { line } }, { file: [error.reason] }, { line });
        throw error;
      }
      if (selfId) {
        await tx.update(redirects).set({ toPath: input.toPath, statusCode: input.statusCode, updatedAt: new Date() }).where(eq(redirects.id, selfId));
        updated++;
      } else {
        const [row] = await tx.insert(redirects).values(input).returning({ id: redirects.id });
        idOf.set(input.fromPath, row!.id);
        created++;
      }
    }
    await writeAudit(tx, { actorId: actor.id, ip: actor.ip, action: 'redirect.import', entityType: 'redirect', summary: `${created} + ${updated}`, data: { created, updated } });
    return { created, updated, invalidate: expireLookups };
  });
}

/** Adds buffered hit counts (path → hits since the last write) in one statement; unknown paths change nothing. */
export async function addRedirectHits(db: Database, hits: Map<string, number>, at: Date): Promise<void> {
  if (!hits.size) return;
  const values = sql.join(
    [...hits].map(([path, n]) => sql`(${path}, ${n}::int)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${redirects} set hits = ${redirects.hits} + h.n, last_hit_at = greatest(${redirects.lastHitAt}, ${at.toISOString()}::timestamptz)
    from (values ${values}) as h(path, n)
    where ${redirects.fromPath} = h.path`);
}
