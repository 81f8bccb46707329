import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createSection, deleteSection, listSectionsForAdmin, updateSection } from '@/db/queries/admin/sections';
import { getRedirect, getSiteSettings } from '@/db/queries/public';
import { articles, sections } from '@/db/schema';
import { sectionInput } from '@/domain/validation/section';
import { expectActionError } from '../fixtures/action-errors';
import { auditActions, databaseState, rows, sectionIdBySlug, testFileDatabase } from '../fixtures/database';

const { db, staff } = await testFileDatabase({ staffPrefix: 'sections', demo: true });

const input = (values: Record<string, unknown>) => sectionInput.parse(values);

/** Everything a section change could touch. */
const state = () => databaseState(db, 'sections', 'redirects', 'menu', 'audit');

const sectionId = (slug: string) => sectionIdBySlug(db, slug);

describe('permissions', () => {
  it.each(['contributor', 'author'] as const)('a %s gets 403 for every section change and nothing is written', async (role) => {
    const before = await state();
    const news = await sectionId('news');
    await expectActionError(createSection(db, staff[role], input({ title: '禁止' })), 403);
    await expectActionError(updateSection(db, staff[role], news, input({ title: '改名', slug: 'renamed' })), 403);
    await expectActionError(deleteSection(db, staff[role], news), 403);
    expect(await state()).toEqual(before);
  });

  it.each(['editor', 'admin'] as const)('an %s creates, edits and deletes a section, each with an audit row', async (role) => {
    const created = await createSection(db, staff[role], input({ title: `公告 ${role}`, sortOrder: '9' }));
    expect(created.slug).toBe(`gong-gao-${role}`);
    await updateSection(db, staff[role], created.id, input({ title: `通知 ${role}`, slug: '', description: '说明', sortOrder: '9' }));
    const [row] = await db.select().from(sections).where(eq(sections.id, created.id));
    expect(row).toMatchObject({ title: `通知 ${role}`, slug: `gong-gao-${role}`, description: '说明', sortOrder: 9 });
    await deleteSection(db, staff[role], created.id);
    expect(await db.select().from(sections).where(eq(sections.id, created.id))).toEqual([]);
    expect(await auditActions(db, 'section', created.id)).toEqual(['section.create', 'section.update', 'section.delete']);
  });
});

describe('slugs', () => {
  it('generates a pinyin slug from a Chinese title, made unique with -2', async () => {
    const a = await createSection(db, staff.editor, input({ title: '视频专区' }));
    const b = await createSection(db, staff.editor, input({ title: '视频专区' }));
    expect([a.slug, b.slug]).toEqual(['shi-pin-zhuan-qu', 'shi-pin-zhuan-qu-2']);
  });

  it('refuses a typed slug used by another section, by a page or reserved by the site (409, nothing written)', async () => {
    const before = await state();
    for (const slug of ['company', 'about', 'admin', 'tags', 'Articles']) {
      const error = await expectActionError(createSection(db, staff.editor, input({ title: '冲突', slug })));
      expect(error.status, slug).toBe(409);
      expect(error.fieldErrors?.slug).toHaveLength(1);
    }
    await expectActionError(updateSection(db, staff.editor, await sectionId('cases'), input({ title: '客户案例', slug: 'contact' })), 409);
    expect(await state()).toEqual(before);
  });

  it('skips reserved and taken slugs when generating one', async () => {
    const created = await createSection(db, staff.editor, input({ title: 'About' }));
    expect(created.slug).toBe('about-2');
    const search = await createSection(db, staff.editor, input({ title: 'Search' }));
    expect(search.slug).toBe('search-2');
  });

  it('normalises a typed slug and refuses one without letters or digits', async () => {
    const created = await createSection(db, staff.editor, input({ title: '图片', slug: '  Photo Gallery ' }));
    expect(created.slug).toBe('photo-gallery');
    await expectActionError(createSection(db, staff.editor, input({ title: '图片', slug: '---' })), 422);
  });
});

describe('renaming a slug', () => {
  it('records a redirect old → new, retargets the menu entry and flattens older redirects', async () => {
    const cases = await sectionId('cases');
    const first = await updateSection(db, staff.editor, cases, input({ title: '客户案例', slug: 'customers' }));
    expect(first.invalidate).toEqual(expect.arrayContaining(['sections', `section:${cases}`, 'home', 'redirects', 'settings']));
    expect(await getRedirect(db, '/cases')).toMatchObject({ toPath: '/customers' });
    await updateSection(db, staff.editor, cases, input({ title: '客户案例', slug: 'clients' }));
    expect(await getRedirect(db, '/cases')).toMatchObject({ toPath: '/clients' });
    expect(await getRedirect(db, '/customers')).toMatchObject({ toPath: '/clients' });
    const settings = await getSiteSettings(db);
    expect(settings.nav.map((n) => n.href)).toContain('/clients');
    expect(settings.nav.map((n) => n.href)).not.toContain('/cases');

    // Back to the first name: the live address must not redirect, and nothing loops.
    await updateSection(db, staff.editor, cases, input({ title: '客户案例', slug: 'cases' }));
    expect(await getRedirect(db, '/cases')).toBeNull();
    expect(await getRedirect(db, '/clients')).toMatchObject({ toPath: '/cases' });
    expect(await getRedirect(db, '/customers')).toMatchObject({ toPath: '/cases' });
  });

  it('keeps the slug when the field is left empty, and changes no redirect', async () => {
    const tech = await sectionId('tech');
    const before = await rows(db, sql`select * from redirects order by id`);
    const result = await updateSection(db, staff.editor, tech, input({ title: '技术专栏', slug: '' }));
    expect(result.slug).toBe('tech');
    expect(result.invalidate).not.toContain('settings');
    expect(await rows(db, sql`select * from redirects order by id`)).toEqual(before);
  });
});

describe('the tree', () => {
  it('refuses a missing parent, the section itself, or one of its descendants (422)', async () => {
    const news = await sectionId('news');
    const company = await sectionId('company');
    const before = await state();
    expect((await expectActionError(updateSection(db, staff.editor, news, input({ title: '新闻信息', parentId: news })))).fieldErrors?.parentId).toBeTruthy();
    await expectActionError(updateSection(db, staff.editor, news, input({ title: '新闻信息', parentId: company })), 422);
    await expectActionError(createSection(db, staff.editor, input({ title: '孤儿', parentId: 999999 })), 422);
    expect(await state()).toEqual(before);
  });

  it('moves a section under another and lists the tree depth-first with counts', async () => {
    const events = await sectionId('events');
    const industry = await sectionId('industry');
    const moved = await updateSection(db, staff.editor, events, input({ title: '活动报道', parentId: String(industry) }));
    expect(moved.invalidate).toEqual(expect.arrayContaining([`section:${events}`, `section:${industry}`, `section:${await sectionId('news')}`]));
    const list = await listSectionsForAdmin(db);
    const at = list.findIndex((s) => s.id === industry);
    expect(list[at + 1]).toMatchObject({ id: events, depth: 1, parentId: industry });
    const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from articles where section_id = ${events}`);
    expect(list[at + 1]!.articleCount).toBe(count!.n);
    expect(list.find((s) => s.id === industry)!.childCount).toBe(1);
  });

  it('refuses nesting deeper than the limit', async () => {
    let parentId: number | null = null;
    const made: number[] = [];
    for (let level = 1; level <= 5; level++) {
      const created: { id: number } = await createSection(db, staff.editor, input({ title: `层级 ${level}`, parentId }));
      made.push(created.id);
      parentId = created.id;
    }
    await expectActionError(createSection(db, staff.editor, input({ title: '太深', parentId })), 422);
    for (const id of made.reverse()) await deleteSection(db, staff.editor, id);
  });
});

describe('deleting', () => {
  it('refuses a section with articles or subsections (409 with counts) and deletes nothing', async () => {
    const before = await state();
    const news = await sectionId('news');
    const error = await expectActionError(deleteSection(db, staff.admin, news), 409);
    expect(error.details).toMatchObject({ children: expect.any(Number) });
    const industry = await sectionId('industry');
    await expectActionError(deleteSection(db, staff.admin, industry), 409);
    expect(await state()).toEqual(before);
  });

  it('counts articles in the trash too', async () => {
    const created = await createSection(db, staff.editor, input({ title: '回收测试' }));
    await db.update(articles).set({ sectionId: created.id, deletedAt: new Date() }).where(eq(articles.id, (await db.select({ id: articles.id }).from(articles).limit(1))[0]!.id));
    expect((await expectActionError(deleteSection(db, staff.editor, created.id))).details).toMatchObject({ articles: 1, children: 0 });
  });

  it('answers 404 for a section that does not exist', async () => {
    await expectActionError(deleteSection(db, staff.editor, 987654), 404);
  });
});
