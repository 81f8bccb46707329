import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSection, deleteSection, listSectionsForAdmin, updateSection } from '@/db/queries/admin/sections';
import { createStaffUser } from '@/db/queries/admin/users';
import { getRedirect, getSiteSettings } from '@/db/queries/public';
import { articles, sections } from '@/db/schema';
import type { UserRole } from '@/db/schema';
import { seedDemo } from '@/services/seed';
import { ActionError } from '@/domain/errors';
import { sectionInput } from '@/domain/validation/section';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { rows } from './helpers';

let tdb: TestDatabase;
const actors = {} as Record<UserRole, { id: number; role: UserRole }>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedDemo(tdb.db);
  for (const role of ['contributor', 'author', 'editor', 'admin'] as const) {
    actors[role] = { id: await createStaffUser(tdb.db, { email: `${role}@example.com`, name: `Test ${role}`, role, password: 'password-123' }), role };
  }
});

afterAll(async () => {
  await tdb?.drop();
});

const input = (values: Record<string, unknown>) => sectionInput.parse(values);

/** Everything a section change could touch. */
async function state() {
  const db = tdb.db;
  return {
    sections: await rows(db, sql`select * from sections order by id`),
    redirects: await rows(db, sql`select from_path, to_path from redirects order by id`),
    settings: await rows(db, sql`select nav from site_settings`),
    audit: await rows(db, sql`select count(*)::int as n from audit_log`),
  };
}

async function failure(promise: Promise<unknown>): Promise<ActionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  return error as ActionError;
}

async function sectionId(slug: string): Promise<number> {
  const [row] = await tdb.db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug));
  return row!.id;
}

describe('permissions', () => {
  it.each(['contributor', 'author'] as const)('a %s gets 403 for every section change and nothing is written', async (role) => {
    const before = await state();
    const news = await sectionId('news');
    expect((await failure(createSection(tdb.db, actors[role], input({ title: '禁止' })))).status).toBe(403);
    expect((await failure(updateSection(tdb.db, actors[role], news, input({ title: '改名', slug: 'renamed' })))).status).toBe(403);
    expect((await failure(deleteSection(tdb.db, actors[role], news))).status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it.each(['editor', 'admin'] as const)('an %s creates, edits and deletes a section, each with an audit row', async (role) => {
    const created = await createSection(tdb.db, actors[role], input({ title: `公告 ${role}`, sortOrder: '9' }));
    expect(created.slug).toBe(`gong-gao-${role}`);
    await updateSection(tdb.db, actors[role], created.id, input({ title: `通知 ${role}`, slug: '', description: '说明', sortOrder: '9' }));
    const [row] = await tdb.db.select().from(sections).where(eq(sections.id, created.id));
    expect(row).toMatchObject({ title: `通知 ${role}`, slug: `gong-gao-${role}`, description: '说明', sortOrder: 9 });
    await deleteSection(tdb.db, actors[role], created.id);
    expect(await tdb.db.select().from(sections).where(eq(sections.id, created.id))).toEqual([]);
    const audit = await rows<{ action: string }>(tdb.db, sql`select action from audit_log where entity_type = 'section' and entity_id = ${String(created.id)} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['section.create', 'section.update', 'section.delete']);
  });
});

describe('slugs', () => {
  it('generates a pinyin slug from a Chinese title, made unique with -2', async () => {
    const a = await createSection(tdb.db, actors.editor, input({ title: '视频专区' }));
    const b = await createSection(tdb.db, actors.editor, input({ title: '视频专区' }));
    expect([a.slug, b.slug]).toEqual(['shi-pin-zhuan-qu', 'shi-pin-zhuan-qu-2']);
  });

  it('refuses a typed slug used by another section, by a page or reserved by the site (409, nothing written)', async () => {
    const before = await state();
    for (const slug of ['company', 'about', 'admin', 'tags', 'Articles']) {
      const error = await failure(createSection(tdb.db, actors.editor, input({ title: '冲突', slug })));
      expect(error.status, slug).toBe(409);
      expect(error.fieldErrors?.slug).toHaveLength(1);
    }
    const error = await failure(updateSection(tdb.db, actors.editor, await sectionId('cases'), input({ title: '客户案例', slug: 'contact' })));
    expect(error.status).toBe(409);
    expect(await state()).toEqual(before);
  });

  it('skips reserved and taken slugs when generating one', async () => {
    const created = await createSection(tdb.db, actors.editor, input({ title: 'About' }));
    expect(created.slug).toBe('about-2');
    const search = await createSection(tdb.db, actors.editor, input({ title: 'Search' }));
    expect(search.slug).toBe('search-2');
  });

  it('normalises a typed slug and refuses one without letters or digits', async () => {
    const created = await createSection(tdb.db, actors.editor, input({ title: '图片', slug: '  Photo Gallery ' }));
    expect(created.slug).toBe('photo-gallery');
    expect((await failure(createSection(tdb.db, actors.editor, input({ title: '图片', slug: '---' })))).status).toBe(422);
  });
});

describe('renaming a slug', () => {
  it('records a redirect old → new, retargets the menu entry and flattens older redirects', async () => {
    const cases = await sectionId('cases');
    const first = await updateSection(tdb.db, actors.editor, cases, input({ title: '客户案例', slug: 'customers' }));
    expect(first.invalidate).toEqual(expect.arrayContaining(['sections', `section:${cases}`, 'home', 'redirects', 'settings']));
    expect(await getRedirect(tdb.db, '/cases')).toMatchObject({ toPath: '/customers' });
    await updateSection(tdb.db, actors.editor, cases, input({ title: '客户案例', slug: 'clients' }));
    expect(await getRedirect(tdb.db, '/cases')).toMatchObject({ toPath: '/clients' });
    expect(await getRedirect(tdb.db, '/customers')).toMatchObject({ toPath: '/clients' });
    const settings = await getSiteSettings(tdb.db);
    expect(settings.nav.map((n) => n.href)).toContain('/clients');
    expect(settings.nav.map((n) => n.href)).not.toContain('/cases');

    // Back to the first name: the live address must not redirect, and nothing loops.
    await updateSection(tdb.db, actors.editor, cases, input({ title: '客户案例', slug: 'cases' }));
    expect(await getRedirect(tdb.db, '/cases')).toBeNull();
    expect(await getRedirect(tdb.db, '/clients')).toMatchObject({ toPath: '/cases' });
    expect(await getRedirect(tdb.db, '/customers')).toMatchObject({ toPath: '/cases' });
  });

  it('keeps the slug when the field is left empty, and changes no redirect', async () => {
    const tech = await sectionId('tech');
    const before = await rows(tdb.db, sql`select * from redirects order by id`);
    const result = await updateSection(tdb.db, actors.editor, tech, input({ title: '技术专栏', slug: '' }));
    expect(result.slug).toBe('tech');
    expect(result.invalidate).not.toContain('settings');
    expect(await rows(tdb.db, sql`select * from redirects order by id`)).toEqual(before);
  });
});

describe('the tree', () => {
  it('refuses a missing parent, the section itself, or one of its descendants (422)', async () => {
    const news = await sectionId('news');
    const company = await sectionId('company');
    const before = await state();
    expect((await failure(updateSection(tdb.db, actors.editor, news, input({ title: '新闻信息', parentId: news })))).fieldErrors?.parentId).toBeTruthy();
    expect((await failure(updateSection(tdb.db, actors.editor, news, input({ title: '新闻信息', parentId: company })))).status).toBe(422);
    expect((await failure(createSection(tdb.db, actors.editor, input({ title: '孤儿', parentId: 999999 })))).status).toBe(422);
    expect(await state()).toEqual(before);
  });

  it('moves a section under another and lists the tree depth-first with counts', async () => {
    const events = await sectionId('events');
    const industry = await sectionId('industry');
    const moved = await updateSection(tdb.db, actors.editor, events, input({ title: '活动报道', parentId: String(industry) }));
    expect(moved.invalidate).toEqual(expect.arrayContaining([`section:${events}`, `section:${industry}`, `section:${await sectionId('news')}`]));
    const list = await listSectionsForAdmin(tdb.db);
    const at = list.findIndex((s) => s.id === industry);
    expect(list[at + 1]).toMatchObject({ id: events, depth: 1, parentId: industry });
    const [count] = await rows<{ n: number }>(tdb.db, sql`select count(*)::int as n from articles where section_id = ${events}`);
    expect(list[at + 1]!.articleCount).toBe(count!.n);
    expect(list.find((s) => s.id === industry)!.childCount).toBe(1);
  });

  it('refuses nesting deeper than the limit', async () => {
    let parentId: number | null = null;
    const made: number[] = [];
    for (let level = 1; level <= 5; level++) {
      const created: { id: number } = await createSection(tdb.db, actors.editor, input({ title: `层级 ${level}`, parentId }));
      made.push(created.id);
      parentId = created.id;
    }
    expect((await failure(createSection(tdb.db, actors.editor, input({ title: '太深', parentId })))).status).toBe(422);
    for (const id of made.reverse()) await deleteSection(tdb.db, actors.editor, id);
  });
});

describe('deleting', () => {
  it('refuses a section with articles or subsections (409 with counts) and deletes nothing', async () => {
    const before = await state();
    const news = await sectionId('news');
    const error = await failure(deleteSection(tdb.db, actors.admin, news));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ children: expect.any(Number) });
    const industry = await sectionId('industry');
    expect((await failure(deleteSection(tdb.db, actors.admin, industry))).status).toBe(409);
    expect(await state()).toEqual(before);
  });

  it('counts articles in the trash too', async () => {
    const created = await createSection(tdb.db, actors.editor, input({ title: '回收测试' }));
    await tdb.db.update(articles).set({ sectionId: created.id, deletedAt: new Date() }).where(eq(articles.id, (await tdb.db.select({ id: articles.id }).from(articles).limit(1))[0]!.id));
    expect((await failure(deleteSection(tdb.db, actors.editor, created.id))).details).toMatchObject({ articles: 1, children: 0 });
  });

  it('answers 404 for a section that does not exist', async () => {
    expect((await failure(deleteSection(tdb.db, actors.editor, 987654))).status).toBe(404);
  });
});
