import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles, topicArticles, topics } from '../../schema';
import { withTx } from '../../tx';
import { writeAudit } from './audit';
import { recordRedirect, type StaffActor } from './sections';
import { retargetNav } from './settings';
import { cacheTags } from '../../../domain/cache-tags';
import { ActionError, forbiddenError, notFoundError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import { normalizeSlugInput, slugify, uniqueSlug } from '../../../domain/slug';
import { topicPath } from '../../../domain/urls';
import { parseStoryRefs, TOPIC_STORIES_MAX, type TopicInput } from '../../../domain/validation/topic';
import { effectiveStatus } from '../visibility';
import type { TopicDTO } from '../topics';

export interface AdminTopicRowDTO {
  id: number;
  slug: string;
  title: string;
  published: boolean;
  stories: number;
  updatedAt: string;
}

export interface EditableTopicDTO extends Omit<TopicDTO, 'updatedAt'> {
  published: boolean;
  /** Its stories in order, with what the editor needs to recognise them. */
  stories: { id: number; title: string; status: string }[];
}

function requireManager(actor: StaffActor): void {
  if (!can(actor.role, 'topic:manage')) throw forbiddenError();
}

/** The topics for the admin list, newest change first (topics_published_idx serves readers; a handful of rows). */
export async function listTopicsForAdmin(db: Database): Promise<AdminTopicRowDTO[]> {
  const rows = await db
    .select({ id: topics.id, slug: topics.slug, title: topics.title, published: topics.published, updatedAt: topics.updatedAt, stories: sql<number>`(select count(*)::int from ${topicArticles} where ${topicArticles.topicId} = ${topics.id})` })
    .from(topics)
    .orderBy(desc(topics.updatedAt), desc(topics.id));
  return rows.map((r) => ({ ...r, stories: Number(r.stories), updatedAt: r.updatedAt.toISOString() }));
}

export async function getTopicForEdit(db: Database, id: number): Promise<EditableTopicDTO | null> {
  const [topic] = await db
    .select({ id: topics.id, slug: topics.slug, title: topics.title, intro: topics.intro, coverImageUrl: topics.coverImageUrl, coverImageAlt: topics.coverImageAlt, published: topics.published })
    .from(topics)
    .where(eq(topics.id, id));
  if (!topic) return null;
  const stories = await db
    .select({ id: articles.id, title: articles.title, status: effectiveStatus })
    .from(topicArticles)
    .innerJoin(articles, eq(articles.id, topicArticles.articleId))
    .where(eq(topicArticles.topicId, id))
    .orderBy(asc(topicArticles.sortOrder));
  return { ...topic, stories };
}

/** The stories of `text`, each existing and not in the trash; otherwise 422 on the field, naming what is wrong. */
async function resolveStories(tx: Database, text: string): Promise<number[]> {
  const { ids, bad } = parseStoryRefs(text);
  if (bad.length) throw ActionError.onField(422, 'stories', { code: 'topicStoryLines', params: { lines: bad.slice(0, 5).join('、') } });
  if (ids.length > TOPIC_STORIES_MAX) throw ActionError.onField(422, 'stories', { code: 'topicTooManyStories', params: { max: TOPIC_STORIES_MAX } });
  if (!ids.length) return [];
  const found = await tx.select({ id: articles.id }).from(articles).where(and(inArray(articles.id, ids), isNull(articles.deletedAt)));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw ActionError.onField(422, 'stories', { code: 'topicStoriesMissing', params: { ids: missing.slice(0, 10).join(', ') } });
  return ids;
}

async function resolveTopicSlug(tx: Database, typed: string, title: string, self?: { id: number; slug: string }): Promise<string> {
  const taken = async (slug: string) => Boolean((await tx.select({ id: topics.id }).from(topics).where(self ? and(eq(topics.slug, slug), ne(topics.id, self.id)) : eq(topics.slug, slug)))[0]);
  if (typed) {
    const slug = normalizeSlugInput(typed);
    if (!slug) throw ActionError.onField(422, 'slug', { code: 'slugNeedsLetters' });
    if (slug !== self?.slug && (await taken(slug))) throw ActionError.onField(409, 'slug', { code: 'topicSlugTaken' });
    return slug;
  }
  if (self) return self.slug;
  return uniqueSlug(slugify(title, 'topic'), taken);
}

async function writeStories(tx: Database, topicId: number, ids: number[]): Promise<number[]> {
  const before = (await tx.select({ id: topicArticles.articleId }).from(topicArticles).where(eq(topicArticles.topicId, topicId))).map((r) => r.id);
  await tx.delete(topicArticles).where(eq(topicArticles.topicId, topicId));
  if (ids.length) await tx.insert(topicArticles).values(ids.map((articleId, sortOrder) => ({ topicId, articleId, sortOrder })));
  // Every story that was or is in it: their pages show which topics they belong to.
  return [...new Set([...before, ...ids])];
}

const expireFor = (topicId: number, storyIds: number[]) => [cacheTags.topic(topicId), cacheTags.topics, cacheTags.feeds, ...storyIds.map(cacheTags.article)];

export async function createTopic(db: Database, actor: StaffActor, input: TopicInput): Promise<{ id: number; invalidate: string[] }> {
  requireManager(actor);
  return withTx(db, async (t) => {
    const ids = await resolveStories(t, input.stories);
    const slug = await resolveTopicSlug(t, input.slug, input.title);
    const [row] = await t
      .insert(topics)
      .values({ slug, title: input.title, intro: input.intro, coverImageUrl: input.coverImageUrl, coverImageAlt: input.coverImageAlt, published: input.published })
      .returning({ id: topics.id });
    const touched = await writeStories(t, row!.id, ids);
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'topic.create', entityType: 'topic', entityId: row!.id, summary: input.title, data: { slug, stories: ids.length } });
    return { id: row!.id, invalidate: expireFor(row!.id, touched) };
  });
}

/** Saves the whole form; a new slug leaves a redirect from the old address and moves a menu entry with it. */
export async function saveTopic(db: Database, actor: StaffActor, id: number, input: TopicInput): Promise<{ id: number; invalidate: string[] }> {
  requireManager(actor);
  return withTx(db, async (t) => {
    const [current] = await t.select({ id: topics.id, slug: topics.slug }).from(topics).where(eq(topics.id, id)).for('update');
    if (!current) throw notFoundError('This item');
    const ids = await resolveStories(t, input.stories);
    const slug = await resolveTopicSlug(t, input.slug, input.title, current);
    await t
      .update(topics)
      .set({ slug, title: input.title, intro: input.intro, coverImageUrl: input.coverImageUrl, coverImageAlt: input.coverImageAlt, published: input.published, updatedAt: new Date() })
      .where(eq(topics.id, id));
    const touched = await writeStories(t, id, ids);
    const invalidate = expireFor(id, touched);
    if (slug !== current.slug) {
      await recordRedirect(t, topicPath({ slug: current.slug }), topicPath({ slug }));
      invalidate.push(cacheTags.redirects);
      if (await retargetNav(t, topicPath({ slug: current.slug }), topicPath({ slug }))) invalidate.push(cacheTags.settings);
    }
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'topic.update', entityType: 'topic', entityId: id, summary: input.title, data: { slug, stories: ids.length, published: input.published } });
    return { id, invalidate };
  });
}

export async function deleteTopic(db: Database, actor: StaffActor, id: number): Promise<{ invalidate: string[] }> {
  requireManager(actor);
  return withTx(db, async (t) => {
    const [current] = await t.select({ title: topics.title }).from(topics).where(eq(topics.id, id)).for('update');
    if (!current) throw notFoundError('This item');
    const touched = await writeStories(t, id, []);
    await t.delete(topics).where(eq(topics.id, id));
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'topic.delete', entityType: 'topic', entityId: id, summary: current.title });
    return { invalidate: expireFor(id, touched) };
  });
}

/** How many topics there are (the admin's empty state). */
export async function countTopics(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(topics);
  return Number(row?.n ?? 0);
}
