import { sectionColumns } from '../public';
import { withTx } from '../../tx';
import 'server-only';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles, pages, redirects, sections } from '../../schema';
import { cacheTags } from '../../../domain/cache-tags';
import { can, type Actor } from '../../../domain/permissions';
import { normalizeSlugInput, slugify, uniqueSlug } from '../../../domain/slug';
import { isReservedSlug, type SectionInput } from '../../../domain/validation/section';
import { ActionError, forbiddenError, notFoundError, type Message } from '../../../domain/errors';
import { writeAudit } from './audit';
import { retargetNav } from './settings';

export type StaffActor = Actor & { ip?: string | null };

/** Reader code walks section trails at most 10 steps; keep trees well inside that. */
export const MAX_SECTION_DEPTH = 5;

export interface AdminSectionDTO {
  id: number;
  parentId: number | null;
  slug: string;
  title: string;
  description: string;
  seoTitle: string;
  seoDescription: string;
  sortOrder: number;
  /** 0 for top-level sections. */
  depth: number;
  /** Every article filed here, trash included (they all block a delete). */
  articleCount: number;
  childCount: number;
}

export interface SectionWriteResult {
  id: number;
  slug: string;
  invalidate: string[];
}

// ---------------------------------------------------------------------------------------------
// The `/{slug}` namespace, shared by sections and static pages, and the redirects it leaves.

const PATH_NAMESPACE_LOCK = 7_201_001;

/** Serialises every change to `/{slug}` owners: no unique index spans sections and pages. */
export async function lockPathNamespace(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PATH_NAMESPACE_LOCK})`);
}

type PathOwnerKind = 'section' | 'page';

async function pathConflict(tx: Database, slug: string, self: { kind: PathOwnerKind; id?: number }): Promise<Message | null> {
  if (isReservedSlug(slug)) return { code: 'slugReserved', params: { slug } };
  const [section] = await tx
    .select({ title: sections.title })
    .from(sections)
    .where(self.kind === 'section' && self.id ? and(eq(sections.slug, slug), ne(sections.id, self.id)) : eq(sections.slug, slug));
  if (section) return { code: 'slugUsedBySection', params: { slug, title: section.title } };
  const [page] = await tx
    .select({ title: pages.title })
    .from(pages)
    .where(self.kind === 'page' && self.id ? and(eq(pages.slug, slug), ne(pages.id, self.id)) : eq(pages.slug, slug));
  if (page) return { code: 'slugUsedByPage', params: { slug, title: page.title } };
  return null;
}

/**
 * The slug a section or page gets: a typed one must be free (409 otherwise); an empty one keeps
 * the current slug, or on create is generated from the title and made free with -2, -3…
 * Call inside a transaction holding `lockPathNamespace`.
 */
export async function resolvePathSlug(tx: Database, typed: string, title: string, self: { kind: PathOwnerKind; id?: number }, current?: string): Promise<string> {
  if (typed) {
    const slug = normalizeSlugInput(typed);
    if (!slug) throw ActionError.onField(422, 'slug', { code: 'slugNeedsLetters' });
    if (slug === current) return slug;
    const conflict = await pathConflict(tx, slug, self);
    if (conflict) throw ActionError.onField(409, 'slug', conflict);
    return slug;
  }
  if (current) return current;
  return uniqueSlug(slugify(title, self.kind), async (candidate) => (await pathConflict(tx, candidate, self)) !== null);
}

/**
 * Old links keep working: `from` answers with a permanent redirect to `to`. Earlier redirects to
 * `from` are pointed straight at `to` and any redirect away from `to` is dropped, so a target never
 * redirects again: no chains, no loops, however often things are renamed back and forth.
 */
export async function recordRedirect(tx: Database, from: string, to: string): Promise<void> {
  const now = new Date();
  await tx.delete(redirects).where(eq(redirects.fromPath, to));
  await tx.update(redirects).set({ toPath: to, updatedAt: now }).where(eq(redirects.toPath, from));
  await tx
    .insert(redirects)
    .values({ fromPath: from, toPath: to, statusCode: 301 })
    .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath: to, statusCode: 301, updatedAt: now } });
}

// ---------------------------------------------------------------------------------------------
// Reads.

/** Depth-first: each parent followed by its children, siblings by sort order then title. */
function inTreeOrder<T extends { id: number; parentId: number | null; sortOrder: number; title: string }>(rows: T[]): (T & { depth: number })[] {
  const byParent = new Map<number | null, T[]>();
  for (const row of rows) {
    const parent = row.parentId !== null && rows.some((r) => r.id === row.parentId) ? row.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), row]);
  }
  const out: (T & { depth: number })[] = [];
  const visit = (parentId: number | null, depth: number) => {
    const children = (byParent.get(parentId) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title, 'zh-CN') || a.id - b.id);
    for (const child of children) {
      out.push({ ...child, depth });
      if (depth < 20) visit(child.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export async function listSectionsForAdmin(db: Database): Promise<AdminSectionDTO[]> {
  const articleCounts = db
    .select({ sectionId: articles.sectionId, n: count().as('n') })
    .from(articles)
    .groupBy(articles.sectionId)
    .as('article_counts');
  const rows = await db
    .select({ ...sectionColumns, articleCount: sql<number>`coalesce(${articleCounts.n}, 0)`.mapWith(Number) })
    .from(sections)
    .leftJoin(articleCounts, eq(articleCounts.sectionId, sections.id))
    .orderBy(asc(sections.sortOrder), asc(sections.id));
  const childCount = (id: number) => rows.filter((r) => r.parentId === id).length;
  return inTreeOrder(rows).map((row) => ({
    ...row,
    seoTitle: row.seoTitle ?? '',
    seoDescription: row.seoDescription ?? '',
    childCount: childCount(row.id),
  }));
}

// ---------------------------------------------------------------------------------------------
// Writes.

async function loadForUpdate(tx: Database, id: number) {
  const [row] = await tx
    .select({ id: sections.id, parentId: sections.parentId, slug: sections.slug, title: sections.title })
    .from(sections)
    .where(eq(sections.id, id))
    .for('update');
  if (!row) throw notFoundError('This section');
  return row;
}

/** The parent must exist, must not be the section or one of its descendants, and keep the tree shallow. */
async function checkParent(tx: Database, parentId: number | null, selfId?: number): Promise<void> {
  if (parentId === null) return;
  const all = await tx.select({ id: sections.id, parentId: sections.parentId }).from(sections);
  if (!all.some((s) => s.id === parentId)) throw ActionError.onField(422, 'parentId', { code: 'parentMissing' });
  let parentDepth = 0;
  for (let current: number | null | undefined = parentId; current !== null && current !== undefined; parentDepth++) {
    if (current === selfId || parentDepth > 50) throw ActionError.onField(422, 'parentId', { code: 'parentCycle' });
    const here: number = current;
    current = all.find((s) => s.id === here)?.parentId;
  }
  // The moved subtree's own height counts too.
  let subtreeHeight = 1;
  if (selfId !== undefined) {
    let level = [selfId];
    while (level.length && subtreeHeight < 50) {
      level = all.filter((s) => s.parentId !== null && level.includes(s.parentId)).map((s) => s.id);
      if (level.length) subtreeHeight++;
    }
  }
  if (parentDepth + subtreeHeight > MAX_SECTION_DEPTH) {
    throw ActionError.onField(422, 'parentId', { code: 'tooDeep', params: { max: MAX_SECTION_DEPTH } });
  }
}

function sectionValues(input: SectionInput) {
  return {
    title: input.title,
    parentId: input.parentId,
    description: input.description,
    seoTitle: input.seoTitle || null,
    seoDescription: input.seoDescription || null,
    sortOrder: input.sortOrder,
  };
}

function sectionTags(...ids: (number | null)[]): string[] {
  const tags = new Set<string>([cacheTags.sections, cacheTags.home]);
  for (const id of ids) if (id !== null) tags.add(cacheTags.section(id));
  return [...tags];
}

export async function createSection(db: Database, actor: StaffActor, input: SectionInput): Promise<SectionWriteResult> {
  if (!can(actor.role, 'section:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    await lockPathNamespace(t);
    await checkParent(t, input.parentId);
    const slug = await resolvePathSlug(t, input.slug, input.title, { kind: 'section' });
    const [row] = await t.insert(sections).values({ ...sectionValues(input), slug }).returning({ id: sections.id });
    const id = row!.id;
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'section.create', entityType: 'section', entityId: id, summary: input.title, data: { slug, parentId: input.parentId } });
    return { id, slug, invalidate: sectionTags(id, input.parentId) };
  });
}

/**
 * Saves a section. A new slug leaves a redirect from the old address and moves the menu entry
 * that pointed there, so published links and the site's navigation keep working.
 */
export async function updateSection(db: Database, actor: StaffActor, id: number, input: SectionInput): Promise<SectionWriteResult> {
  if (!can(actor.role, 'section:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    await lockPathNamespace(t);
    const current = await loadForUpdate(t, id);
    await checkParent(t, input.parentId, id);
    const slug = await resolvePathSlug(t, input.slug, input.title, { kind: 'section', id }, current.slug);
    await t
      .update(sections)
      .set({ ...sectionValues(input), slug, updatedAt: new Date() })
      .where(eq(sections.id, id));
    const invalidate = sectionTags(id, current.parentId, input.parentId);
    if (slug !== current.slug) {
      await recordRedirect(t, `/${current.slug}`, `/${slug}`);
      invalidate.push(cacheTags.redirects);
      if (await retargetNav(t, `/${current.slug}`, `/${slug}`)) invalidate.push(cacheTags.settings);
    }
    await writeAudit(t, {
      actorId: actor.id,
      ip: actor.ip,
      action: 'section.update',
      entityType: 'section',
      entityId: id,
      summary: input.title,
      data: { slug: slug !== current.slug ? { from: current.slug, to: slug } : undefined, parentId: input.parentId !== current.parentId ? { from: current.parentId, to: input.parentId } : undefined },
    });
    return { id, slug, invalidate };
  });
}

/** Only an empty section goes: its articles and subsections must be moved first (409 otherwise). */
export async function deleteSection(db: Database, actor: StaffActor, id: number): Promise<SectionWriteResult> {
  if (!can(actor.role, 'section:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    const current = await loadForUpdate(t, id);
    const [[articleRow], [childRow]] = await Promise.all([
      t.select({ n: count() }).from(articles).where(eq(articles.sectionId, id)),
      t.select({ n: count() }).from(sections).where(eq(sections.parentId, id)),
    ]);
    const articleCount = Number(articleRow?.n ?? 0);
    const childCount = Number(childRow?.n ?? 0);
    if (articleCount || childCount) {
      const counts = { articles: articleCount, children: childCount };
      throw new ActionError(409, { code: 'sectionNotEmpty', params: counts }, undefined, counts);
    }
    await t.delete(sections).where(eq(sections.id, id));
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'section.delete', entityType: 'section', entityId: id, summary: current.title, data: { slug: current.slug } });
    return { id, slug: current.slug, invalidate: sectionTags(id, current.parentId) };
  });
}
