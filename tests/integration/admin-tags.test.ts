import { translateRefusal } from '@/domain/i18n/server-messages';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTag, deleteTag, getTagForManage, listTagsForManage, mergeTags, updateTag } from '@/db/queries/admin/tags';
import { getRedirect } from '@/db/queries/public';
import { articleTags } from '@/db/schema';
import { tagInput } from '@/domain/validation/tag';
import { expectActionError } from '../fixtures/action-errors';
import { auditActions, databaseState, rows, tagIdBySlug, testFileDatabase } from '../fixtures/database';

const { db, staff } = await testFileDatabase({ staffPrefix: 'tags', demo: true });

const input = (values: Record<string, unknown>) => tagInput.parse(values);

/** Everything a tag change could touch. */
const state = () => databaseState(db, 'tags', 'articleTags', 'redirects', 'audit');

const tagId = (slug: string) => tagIdBySlug(db, slug);

async function articlesOf(id: number): Promise<number[]> {
  return (await db.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, id))).map((r) => r.id).sort((a, b) => a - b);
}

describe('permissions', () => {
  it.each(['contributor', 'author'] as const)('a %s gets 403 for every tag change and nothing is written', async (role) => {
    const before = await state();
    const seo = await tagId('seo');
    const nextjs = await tagId('nextjs');
    await expectActionError(createTag(db, staff[role], input({ name: '新标签' })), 403);
    await expectActionError(updateTag(db, staff[role], seo, input({ name: '搜索', slug: 'search' })), 403);
    await expectActionError(mergeTags(db, staff[role], seo, nextjs), 403);
    await expectActionError(deleteTag(db, staff[role], seo), 403);
    expect(await state()).toEqual(before);
  });

  it.each(['editor', 'admin'] as const)('an %s creates, renames and deletes a tag with audit rows', async (role) => {
    const created = await createTag(db, staff[role], input({ name: `人工智能 ${role}` }));
    expect(created.slug).toBe(`ren-gong-zhi-neng-${role}`);
    const renamed = await updateTag(db, staff[role], created.id, input({ name: `AI ${role}` }));
    expect(renamed.slug).toBe(created.slug);
    await deleteTag(db, staff[role], created.id);
    expect(await auditActions(db, 'tag', created.id)).toEqual(['tag.create', 'tag.update', 'tag.delete']);
  });
});

describe('collisions', () => {
  it('refuses a name already used, whatever its case, and a typed slug already used (409)', async () => {
    const before = await state();
    expect((await expectActionError(createTag(db, staff.editor, input({ name: 'next.JS' })))).fieldErrors?.name).toBeTruthy();
    const slugTaken = await expectActionError(createTag(db, staff.editor, input({ name: '全新', slug: 'seo' })), 409);
    expect(slugTaken.fieldErrors?.slug).toBeTruthy();
    await expectActionError(updateTag(db, staff.editor, await tagId('kaiyuan'), input({ name: 'TypeScript' })), 409);
    await expectActionError(updateTag(db, staff.editor, await tagId('kaiyuan'), input({ name: '开源', slug: 'nextjs' })), 409);
    expect(await state()).toEqual(before);
  });

  it('a taken name reaches the form as a code with the name, shown in Chinese; the error itself stays English', async () => {
    const taken = await expectActionError(createTag(db, staff.editor, input({ name: 'next.JS' })));
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
    const result = await updateTag(db, staff.editor, id, input({ name: 'TS', slug: 'ts' }));
    expect(result.invalidate).toEqual(expect.arrayContaining([`tag:${id}`, 'tags', 'tag-slug:typescript', 'tag-slug:ts', 'redirects', ...carried.map((a) => `article:${a}`)]));
    expect(await getRedirect(db, '/tags/typescript')).toMatchObject({ toPath: '/tags/ts' });
    expect(await getTagForManage(db, id)).toMatchObject({ name: 'TS', slug: 'ts', articleCount: carried.length });
  });
});

describe('merging', () => {
  it('moves the links once, deletes the source and redirects its archive to the target', async () => {
    const source = await tagId('wangzhan-xingneng');
    const target = await tagId('nextjs');
    const sourceArticles = await articlesOf(source);
    const targetArticles = await articlesOf(target);
    const result = await mergeTags(db, staff.editor, source, target);
    expect(await articlesOf(target)).toEqual([...new Set([...sourceArticles, ...targetArticles])].sort((a, b) => a - b));
    expect(await getTagForManage(db, source)).toBeNull();
    expect(await getRedirect(db, '/tags/wangzhan-xingneng')).toMatchObject({ toPath: '/tags/nextjs' });
    expect(result.invalidate).toEqual(expect.arrayContaining([`tag:${source}`, `tag:${target}`, ...sourceArticles.map((a) => `article:${a}`)]));
    const [audit] = await rows<{ action: string }>(db, sql`select action from audit_log order by id desc limit 1`);
    expect(audit!.action).toBe('tag.merge');
  });

  it('refuses merging a tag into itself (422) or into a missing tag (404), writing nothing', async () => {
    const before = await state();
    const seo = await tagId('seo');
    await expectActionError(mergeTags(db, staff.editor, seo, seo), 422);
    await expectActionError(mergeTags(db, staff.editor, seo, 999999), 404);
    expect(await state()).toEqual(before);
  });
});

describe('deleting and listing', () => {
  it('deletes the links but keeps the articles', async () => {
    const id = await tagId('wuzhangai');
    const carried = await articlesOf(id);
    const [before] = await rows<{ n: number }>(db, sql`select count(*)::int as n from articles`);
    const result = await deleteTag(db, staff.admin, id);
    expect(result.invalidate).toEqual(expect.arrayContaining(carried.map((a) => `article:${a}`)));
    expect(await articlesOf(id)).toEqual([]);
    const [after] = await rows<{ n: number }>(db, sql`select count(*)::int as n from articles`);
    expect(after!.n).toBe(before!.n);
  });

  it('lists tags with article counts, searchable and paginated', async () => {
    const page = await listTagsForManage(db, { page: 1, pageSize: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.pageCount).toBe(Math.ceil(page.total / 3));
    const found = await listTagsForManage(db, { q: 'SE', page: 1, pageSize: 20 });
    expect(found.items.map((t) => t.slug)).toContain('seo');
    const seo = found.items.find((t) => t.slug === 'seo')!;
    expect(seo.articleCount).toBe((await articlesOf(seo.id)).length);
    expect((await listTagsForManage(db, { q: '%', page: 1, pageSize: 20 })).items).toEqual([]);
  });
});
