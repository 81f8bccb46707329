import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTag, deleteTag, getTagForManage, listTagsForManage, mergeTags, updateTag } from '@/db/queries/admin/tags';
import { createStaffUser } from '@/db/queries/admin/users';
import { getRedirect } from '@/db/queries/public';
import { articleTags, tags } from '@/db/schema';
import type { UserRole } from '@/db/schema';
import { seedDemo } from '@/services/seed';
import { ActionError } from '@/domain/errors';
import { tagInput } from '@/domain/validation/tag';
import { translateRefusal } from '@/domain/i18n/server-messages';
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

const input = (values: Record<string, unknown>) => tagInput.parse(values);

async function state() {
  const db = tdb.db;
  return {
    tags: await rows(db, sql`select * from tags order by id`),
    links: await rows(db, sql`select * from article_tags order by article_id, tag_id`),
    redirects: await rows(db, sql`select from_path, to_path from redirects order by id`),
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

async function tagId(slug: string): Promise<number> {
  const [row] = await tdb.db.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug));
  return row!.id;
}

async function articlesOf(id: number): Promise<number[]> {
  return (await tdb.db.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, id))).map((r) => r.id).sort((a, b) => a - b);
}

describe('permissions', () => {
  it.each(['contributor', 'author'] as const)('a %s gets 403 for every tag change and nothing is written', async (role) => {
    const before = await state();
    const seo = await tagId('seo');
    const nextjs = await tagId('nextjs');
    expect((await failure(createTag(tdb.db, actors[role], input({ name: '新标签' })))).status).toBe(403);
    expect((await failure(updateTag(tdb.db, actors[role], seo, input({ name: '搜索', slug: 'search' })))).status).toBe(403);
    expect((await failure(mergeTags(tdb.db, actors[role], seo, nextjs))).status).toBe(403);
    expect((await failure(deleteTag(tdb.db, actors[role], seo))).status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it.each(['editor', 'admin'] as const)('an %s creates, renames and deletes a tag with audit rows', async (role) => {
    const created = await createTag(tdb.db, actors[role], input({ name: `人工智能 ${role}` }));
    expect(created.slug).toBe(`ren-gong-zhi-neng-${role}`);
    const renamed = await updateTag(tdb.db, actors[role], created.id, input({ name: `AI ${role}` }));
    expect(renamed.slug).toBe(created.slug);
    await deleteTag(tdb.db, actors[role], created.id);
    const audit = await rows<{ action: string }>(tdb.db, sql`select action from audit_log where entity_type = 'tag' and entity_id = ${String(created.id)} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['tag.create', 'tag.update', 'tag.delete']);
  });
});

describe('collisions', () => {
  it('refuses a name already used, whatever its case, and a typed slug already used (409)', async () => {
    const before = await state();
    expect((await failure(createTag(tdb.db, actors.editor, input({ name: 'next.JS' })))).fieldErrors?.name).toBeTruthy();
    const slugTaken = await failure(createTag(tdb.db, actors.editor, input({ name: '全新', slug: 'seo' })));
    expect(slugTaken.status).toBe(409);
    expect(slugTaken.fieldErrors?.slug).toBeTruthy();
    expect((await failure(updateTag(tdb.db, actors.editor, await tagId('kaiyuan'), input({ name: 'TypeScript' })))).status).toBe(409);
    expect((await failure(updateTag(tdb.db, actors.editor, await tagId('kaiyuan'), input({ name: '开源', slug: 'nextjs' })))).status).toBe(409);
    expect(await state()).toEqual(before);
  });

  it('a taken name reaches the form as a code with the name, shown in Chinese; the error itself stays English', async () => {
    const taken = await failure(createTag(tdb.db, actors.editor, input({ name: 'next.JS' })));
    expect(taken.reason).toEqual({ code: 'tagNameTaken', params: { name: 'next.JS' } });
    expect(taken.message).toBe('A tag named “next.JS” already exists.');
    expect(translateRefusal('zh-CN', taken)).toEqual({ error: '已有名为“next.JS”的标签。', fieldErrors: { name: ['已有名为“next.JS”的标签。'] } });
  });
});

describe('renaming', () => {
  it('invalidates the tag, both slugs, the tag lists and every article carrying it; a new slug redirects', async () => {
    const id = await tagId('typescript');
    const carried = await articlesOf(id);
    expect(carried.length).toBeGreaterThan(0);
    const result = await updateTag(tdb.db, actors.editor, id, input({ name: 'TS', slug: 'ts' }));
    expect(result.invalidate).toEqual(expect.arrayContaining([`tag:${id}`, 'tags', 'tag-slug:typescript', 'tag-slug:ts', 'redirects', ...carried.map((a) => `article:${a}`)]));
    expect(await getRedirect(tdb.db, '/tags/typescript')).toMatchObject({ toPath: '/tags/ts' });
    expect(await getTagForManage(tdb.db, id)).toMatchObject({ name: 'TS', slug: 'ts', articleCount: carried.length });
  });
});

describe('merging', () => {
  it('moves the links once, deletes the source and redirects its archive to the target', async () => {
    const source = await tagId('wangzhan-xingneng');
    const target = await tagId('nextjs');
    const sourceArticles = await articlesOf(source);
    const targetArticles = await articlesOf(target);
    const result = await mergeTags(tdb.db, actors.editor, source, target);
    expect(await articlesOf(target)).toEqual([...new Set([...sourceArticles, ...targetArticles])].sort((a, b) => a - b));
    expect(await getTagForManage(tdb.db, source)).toBeNull();
    expect(await getRedirect(tdb.db, '/tags/wangzhan-xingneng')).toMatchObject({ toPath: '/tags/nextjs' });
    expect(result.invalidate).toEqual(expect.arrayContaining([`tag:${source}`, `tag:${target}`, ...sourceArticles.map((a) => `article:${a}`)]));
    const [audit] = await rows<{ action: string }>(tdb.db, sql`select action from audit_log order by id desc limit 1`);
    expect(audit!.action).toBe('tag.merge');
  });

  it('refuses merging a tag into itself (422) or into a missing tag (404), writing nothing', async () => {
    const before = await state();
    const seo = await tagId('seo');
    expect((await failure(mergeTags(tdb.db, actors.editor, seo, seo))).status).toBe(422);
    expect((await failure(mergeTags(tdb.db, actors.editor, seo, 999999))).status).toBe(404);
    expect(await state()).toEqual(before);
  });
});

describe('deleting and listing', () => {
  it('deletes the links but keeps the articles', async () => {
    const id = await tagId('wuzhangai');
    const carried = await articlesOf(id);
    const [before] = await rows<{ n: number }>(tdb.db, sql`select count(*)::int as n from articles`);
    const result = await deleteTag(tdb.db, actors.admin, id);
    expect(result.invalidate).toEqual(expect.arrayContaining(carried.map((a) => `article:${a}`)));
    expect(await articlesOf(id)).toEqual([]);
    const [after] = await rows<{ n: number }>(tdb.db, sql`select count(*)::int as n from articles`);
    expect(after!.n).toBe(before!.n);
  });

  it('lists tags with article counts, searchable and paginated', async () => {
    const page = await listTagsForManage(tdb.db, { page: 1, pageSize: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.pageCount).toBe(Math.ceil(page.total / 3));
    const found = await listTagsForManage(tdb.db, { q: 'SE', page: 1, pageSize: 20 });
    expect(found.items.map((t) => t.slug)).toContain('seo');
    const seo = found.items.find((t) => t.slug === 'seo')!;
    expect(seo.articleCount).toBe((await articlesOf(seo.id)).length);
    expect((await listTagsForManage(tdb.db, { q: '%', page: 1, pageSize: 20 })).items).toEqual([]);
  });
});
