import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createTopic, deleteTopic, getTopicForEdit, saveTopic } from '@/db/queries/admin/topics';
import { listFeedItems } from '@/db/queries/feeds';
import { getArticle, getRedirect } from '@/db/queries/public';
import { getTopicBySlug, getTopicStories, listPublishedTopics } from '@/db/queries/topics';
import { siteSettings, topics } from '@/db/schema';
import { topicInput } from '@/domain/validation/topic';
import { testFileDatabase } from '../fixtures/database';
import { expectActionError, makeArticle, sectionIdBySlug } from './admin-helpers';

/** Issue 13: 专题, ordered collections of stories with their own page, feed and menu entry. */

const { db, staff } = await testFileDatabase({ staffPrefix: 'topic', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');
const editor = { ...staff.editor, ip: '192.0.2.9' };
const input = (values: Partial<Record<keyof typeof topicInput.shape, unknown>>) => topicInput.parse({ title: '年终专题', published: true, ...values });

describe('topics', () => {
  it('keeps its stories in the editors’ order; readers see the published ones only, and each story names its topics', async () => {
    const [a, b, c] = [
      await makeArticle(db, staff.author, staff.editor, 'published', { sectionId }),
      await makeArticle(db, staff.author, staff.editor, 'published', { sectionId }),
      await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId }),
    ];
    const { id } = await createTopic(db, editor, input({ title: '2026 年终回顾', stories: `${b}\nhttps://news.example.com/articles/${a}-some-slug\n/articles/${c}\n${b}` }));
    const edit = await getTopicForEdit(db, id);
    expect(edit?.slug).toBe('2026-nian-zhong-hui-gu');
    expect(edit?.stories.map((s) => s.id)).toEqual([b, a, c]);
    const topic = await getTopicBySlug(db, '2026-nian-zhong-hui-gu');
    expect((await getTopicStories(db, topic!.id)).map((s) => s.id)).toEqual([b, a]);
    expect((await getArticle(db, a))?.topics).toEqual([{ slug: '2026-nian-zhong-hui-gu', title: '2026 年终回顾' }]);
    expect((await listFeedItems(db, { topicId: id }, 20)).map((i) => i.id).sort()).toEqual([a, b].sort());
    // The draft goes out: it joins the topic's page where it stands.
    await transitionArticle(db, staff.editor, c, 'publish');
    expect((await getTopicStories(db, id)).map((s) => s.id)).toEqual([b, a, c]);
  });

  it('an unpublished topic is not there for readers, nor named on its stories', async () => {
    const story = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId });
    const { id } = await createTopic(db, editor, input({ title: '筹备中的专题', published: false, stories: String(story) }));
    expect(await getTopicBySlug(db, (await getTopicForEdit(db, id))!.slug)).toBeNull();
    expect((await listPublishedTopics(db)).some((t) => t.id === id)).toBe(false);
    expect((await getArticle(db, story))?.topics).toEqual([]);
  });

  it('a new address leaves a redirect from the old one and moves the menu entry with it', async () => {
    const { id } = await createTopic(db, editor, input({ title: '旧名字', slug: 'old-topic' }));
    await db.update(siteSettings).set({ nav: [{ label: '专题', href: '/topics/old-topic' }] }).where(eq(siteSettings.id, 1));
    await saveTopic(db, editor, id, input({ title: '新名字', slug: 'new-topic' }));
    expect((await getRedirect(db, '/topics/old-topic'))?.toPath).toBe('/topics/new-topic');
    const [settings] = await db.select({ nav: siteSettings.nav }).from(siteSettings);
    expect(settings?.nav).toEqual([{ label: '专题', href: '/topics/new-topic' }]);
    await db.update(siteSettings).set({ nav: [] }).where(eq(siteSettings.id, 1));
  });

  it('refuses lines that name no story, stories that do not exist, a taken address, and anyone but editors; nothing is written', async () => {
    const before = await db.select().from(topics);
    const bad = await expectActionError(createTopic(db, editor, input({ stories: '12\n这不是稿件\nhttps://example.com/about' })), 422);
    expect(bad.fieldMessages?.stories?.[0]).toMatchObject({ code: 'topicStoryLines', params: { lines: '这不是稿件、https://example.com/about' } });
    const missing = await expectActionError(createTopic(db, editor, input({ stories: '999999' })), 422);
    expect(missing.fieldMessages?.stories?.[0]).toMatchObject({ code: 'topicStoriesMissing', params: { ids: '999999' } });
    await expectActionError(createTopic(db, editor, input({ slug: 'new-topic' })), 409);
    await expectActionError(createTopic(db, { ...staff.author, ip: '192.0.2.9' }, input({})), 403);
    expect(await db.select().from(topics)).toEqual(before);
  });

  it('deleting a topic leaves its stories as they are', async () => {
    const story = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId });
    const { id } = await createTopic(db, editor, input({ title: '将删除的专题', stories: String(story) }));
    await deleteTopic(db, editor, id);
    expect(await getTopicForEdit(db, id)).toBeNull();
    expect((await getArticle(db, story))?.topics).toEqual([]);
    expect((await getArticle(db, story))?.id).toBe(story);
  });

  it('the demo ships one topic with three stories', async () => {
    const demo = await getTopicBySlug(db, 'website-practice');
    expect((await getTopicStories(db, demo!.id)).length).toBe(3);
  });
});
