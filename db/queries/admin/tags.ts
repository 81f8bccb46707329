import { withTx } from '../../tx';
import 'server-only';
import { and, asc, count, eq, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleTags, tags } from '../../schema';
import { cacheTags } from '../../../domain/cache-tags';
import { qualified } from '../qualified';
import { ActionError, forbiddenError, notFoundError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import { normalizeSlugInput, slugify, uniqueSlug } from '../../../domain/slug';
import { tagPath } from '../../../domain/urls';
import type { TagInput } from '../../../domain/validation/tag';
import { writeAudit } from './audit';
import { recordRedirect, type StaffActor } from './sections';
import { containsText } from '../like';


export interface AdminTagDTO {
  id: number;
  name: string;
  slug: string;
  description: string;
  articleCount: number;
}

export interface TagWriteResult {
  id: number;
  slug: string;
  invalidate: string[];
}

const TAG_LIST_CAP = 5000;


const articleCount = sql<number>`(select count(*) from ${articleTags} where ${articleTags.tagId} = ${qualified(tags, 'id')})`.mapWith(Number);

export async function listTagsForManage(db: Database, filter: { q?: string; page: number; pageSize: number }) {
  const where = filter.q ? or(containsText(tags.name, filter.q), containsText(tags.slug, filter.q)) : undefined;
  const [[total], items] = await Promise.all([
    db.select({ n: count() }).from(tags).where(where),
    db
      .select({ id: tags.id, name: tags.name, slug: tags.slug, description: tags.description, articleCount })
      .from(tags)
      .where(where)
      .orderBy(asc(tags.name), asc(tags.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  return { items: items as AdminTagDTO[], total: n, page: filter.page, pageCount: Math.max(1, Math.ceil(n / filter.pageSize)) };
}

export async function getTagForManage(db: Database, id: number): Promise<AdminTagDTO | null> {
  const [row] = await db.select({ id: tags.id, name: tags.name, slug: tags.slug, description: tags.description, articleCount }).from(tags).where(eq(tags.id, id));
  return row ?? null;
}

/** Merge targets for a select box. */
export async function listTagChoices(db: Database): Promise<{ id: number; name: string }[]> {
  return db.select({ id: tags.id, name: tags.name }).from(tags).orderBy(asc(tags.name)).limit(TAG_LIST_CAP);
}

async function loadForUpdate(tx: Database, id: number) {
  const [row] = await tx.select({ id: tags.id, name: tags.name, slug: tags.slug }).from(tags).where(eq(tags.id, id)).for('update');
  if (!row) throw notFoundError('This tag');
  return row;
}

/** Names are unique regardless of case: the article form finds tags by their name that way. */
async function assertNameFree(tx: Database, name: string, exceptId?: number): Promise<void> {
  const sameName = sql`lower(${tags.name}) = lower(${name})`;
  const [row] = await tx.select({ id: tags.id }).from(tags).where(exceptId ? and(sameName, ne(tags.id, exceptId)) : sameName);
  if (row) throw ActionError.onField(409, 'name', { code: 'tagNameTaken', params: { name } });
}

async function slugOwner(tx: Database, slug: string, exceptId?: number) {
  const [row] = await tx.select({ name: tags.name }).from(tags).where(exceptId ? and(eq(tags.slug, slug), ne(tags.id, exceptId)) : eq(tags.slug, slug));
  return row ?? null;
}

async function resolveTagSlug(tx: Database, input: TagInput, exceptId?: number, current?: string): Promise<string> {
  if (input.slug) {
    const slug = normalizeSlugInput(input.slug);
    if (!slug) throw ActionError.onField(422, 'slug', { code: 'slugNeedsLetters' });
    if (slug === current) return slug;
    const owner = await slugOwner(tx, slug, exceptId);
    if (owner) throw ActionError.onField(409, 'slug', { code: 'tagSlugTaken', params: { name: owner.name, slug } });
    return slug;
  }
  return current ?? uniqueSlug(slugify(input.name, 'tag'), async (s) => (await slugOwner(tx, s)) !== null);
}

async function articleIdsOf(tx: Database, tagId: number): Promise<number[]> {
  const rows = await tx.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, tagId));
  return rows.map((r) => r.id);
}

/** The tag's archive, its lookups by slug, and every article page that lists it. */
function tagReaderTags(tagIds: number[], slugs: string[], articleIds: number[]): string[] {
  return [...new Set(['tags', cacheTags.feeds, ...tagIds.map(cacheTags.tag), ...slugs.map((s) => `tag-slug:${s}`), ...articleIds.map(cacheTags.article)])];
}

export async function createTag(db: Database, actor: StaffActor, input: TagInput): Promise<TagWriteResult> {
  if (!can(actor.role, 'tag:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    await assertNameFree(t, input.name);
    const slug = await resolveTagSlug(t, input);
    const [row] = await t.insert(tags).values({ name: input.name, slug, description: input.description }).returning({ id: tags.id });
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'tag.create', entityType: 'tag', entityId: row!.id, summary: input.name, data: { slug } });
    // A reader may have asked for this slug before it existed (a cached "not found").
    return { id: row!.id, slug, invalidate: tagReaderTags([row!.id], [slug], []) };
  });
}

/** Renames a tag; its slug changes only when a new one is typed, and the old address then redirects. */
export async function updateTag(db: Database, actor: StaffActor, id: number, input: TagInput): Promise<TagWriteResult> {
  if (!can(actor.role, 'tag:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    const current = await loadForUpdate(t, id);
    await assertNameFree(t, input.name, id);
    const slug = await resolveTagSlug(t, input, id, current.slug);
    await t.update(tags).set({ name: input.name, slug, description: input.description, updatedAt: new Date() }).where(eq(tags.id, id));
    const invalidate = tagReaderTags([id], [current.slug, slug], await articleIdsOf(t, id));
    if (slug !== current.slug) {
      await recordRedirect(t, tagPath({ slug: current.slug }), tagPath({ slug }));
      invalidate.push(cacheTags.redirects);
    }
    await writeAudit(t, {
      actorId: actor.id,
      ip: actor.ip,
      action: 'tag.update',
      entityType: 'tag',
      entityId: id,
      summary: input.name,
      data: { name: current.name !== input.name ? { from: current.name, to: input.name } : undefined, slug: slug !== current.slug ? { from: current.slug, to: slug } : undefined },
    });
    return { id, slug, invalidate };
  });
}

/**
 * Folds `sourceId` into `targetId`: its articles carry the target instead (once), the source is
 * deleted, and its archive address redirects to the target's.
 */
export async function mergeTags(db: Database, actor: StaffActor, sourceId: number, targetId: number): Promise<TagWriteResult> {
  if (!can(actor.role, 'tag:manage')) throw forbiddenError();
  if (sourceId === targetId) throw ActionError.onField(422, 'targetId', { code: 'mergeSame' });
  return withTx(db, async (t) => {
    // Lock in id order so two opposite merges cannot deadlock.
    const [first, second] = sourceId < targetId ? [sourceId, targetId] : [targetId, sourceId];
    const a = await loadForUpdate(t, first);
    const b = await loadForUpdate(t, second);
    const source = a.id === sourceId ? a : b;
    const target = a.id === targetId ? a : b;
    const articleIds = await articleIdsOf(t, sourceId);
    await t.execute(sql`
      insert into ${articleTags} (article_id, tag_id, sort_order)
      select ${articleTags.articleId}, ${targetId}, ${articleTags.sortOrder} from ${articleTags} where ${articleTags.tagId} = ${sourceId}
      on conflict do nothing`);
    await t.delete(tags).where(eq(tags.id, sourceId));
    await recordRedirect(t, tagPath(source), tagPath(target));
    await writeAudit(t, {
      actorId: actor.id,
      ip: actor.ip,
      action: 'tag.merge',
      entityType: 'tag',
      entityId: targetId,
      summary: `${source.name} → ${target.name}`,
      data: { sourceId, sourceSlug: source.slug, articles: articleIds.length },
    });
    return { id: targetId, slug: target.slug, invalidate: [...tagReaderTags([sourceId, targetId], [source.slug, target.slug], articleIds), cacheTags.redirects] };
  });
}

/** Deletes a tag and its links to articles; the articles themselves stay. */
export async function deleteTag(db: Database, actor: StaffActor, id: number): Promise<TagWriteResult> {
  if (!can(actor.role, 'tag:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    const current = await loadForUpdate(t, id);
    const articleIds = await articleIdsOf(t, id);
    await t.delete(tags).where(eq(tags.id, id));
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'tag.delete', entityType: 'tag', entityId: id, summary: current.name, data: { slug: current.slug, articles: articleIds.length } });
    return { id, slug: current.slug, invalidate: tagReaderTags([id], [current.slug], articleIds) };
  });
}
