import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createPage, deletePage, getPageForEdit, listPagesForAdmin, savePage, setPageStatus } from '@/db/queries/admin/pages';
import { createSection } from '@/db/queries/admin/sections';
import { getRedirect } from '@/db/queries/public';
import { getPageBySlug } from '@/db/queries/public-pages';
import { pages } from '@/db/schema';
import type { ActionError } from '@/domain/errors';
import { pageInput } from '@/domain/validation/page';
import { sectionInput } from '@/domain/validation/section';
import { expectActionError } from '../fixtures/action-errors';
import { auditActions, databaseState, testFileDatabase } from '../fixtures/database';

const { db, staff } = await testFileDatabase({ staffPrefix: 'pages', demo: true });

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const input = (values: Record<string, unknown>) => pageInput.parse({ body: doc('正文'), ...values });

/** Everything a page change could touch. */
const state = () => databaseState(db, 'pages', 'sections', 'redirects', 'audit');

async function page(slug: string) {
  const [row] = await db.select({ id: pages.id, version: pages.version }).from(pages).where(eq(pages.slug, slug));
  return row!;
}

describe('permissions', () => {
  it.each(['contributor', 'author'] as const)('a %s gets 403 for every page change and nothing is written', async (role) => {
    const before = await state();
    const about = await page('about');
    await expectActionError(createPage(db, staff[role], input({ title: '新页面' })), 403);
    await expectActionError(savePage(db, staff[role], about.id, about.version, input({ title: '改' })), 403);
    await expectActionError(setPageStatus(db, staff[role], about.id, 'draft'), 403);
    await expectActionError(deletePage(db, staff[role], about.id), 403);
    expect(await state()).toEqual(before);
  });

  it.each(['editor', 'admin'] as const)('an %s creates a draft, edits, publishes, unpublishes and deletes it', async (role) => {
    const created = await createPage(db, staff[role], input({ title: `招聘信息 ${role}`, body: doc('加入我们') }));
    expect(created).toMatchObject({ slug: `zhao-pin-xin-xi-${role}`, status: 'draft', version: 1 });
    expect(await getPageBySlug(db, created.slug)).toBeNull();
    const saved = await savePage(db, staff[role], created.id, 1, input({ title: `招聘 ${role}`, body: doc('<script>x</script> 欢迎') }));
    expect(saved.version).toBe(2);
    const published = await setPageStatus(db, staff[role], created.id, 'published', 2);
    expect(published).toMatchObject({ status: 'published', version: 3, invalidate: [`page:${created.slug}`, 'feeds'] });
    const reader = await getPageBySlug(db, created.slug);
    expect(reader?.title).toBe(`招聘 ${role}`);
    expect(reader?.bodyHtml).toContain('&lt;script&gt;');
    await setPageStatus(db, staff[role], created.id, 'draft');
    expect(await getPageBySlug(db, created.slug)).toBeNull();
    await deletePage(db, staff[role], created.id);
    expect(await getPageForEdit(db, created.id)).toBeNull();
    expect(await auditActions(db, 'page', created.id)).toEqual(['page.create', 'page.update', 'page.publish', 'page.unpublish', 'page.delete']);
  });
});

describe('the shared /{slug} namespace', () => {
  it('refuses a page slug used by a section, another page or the site (409 field error), writing nothing', async () => {
    const before = await state();
    for (const slug of ['news', 'contact', 'admin', 'feed', 'sitemap']) {
      const error = await expectActionError(createPage(db, staff.editor, input({ title: '冲突', slug })));
      expect(error.status, slug).toBe(409);
      expect(error.fieldErrors?.slug).toBeTruthy();
    }
    const about = await page('about');
    await expectActionError(savePage(db, staff.editor, about.id, about.version, input({ title: '关于', slug: 'tech' })), 409);
    expect(await state()).toEqual(before);
  });

  it('refuses a section slug used by a page', async () => {
    await expectActionError(createSection(db, staff.editor, sectionInput.parse({ title: '服务', slug: 'services' })), 409);
  });

  it('lets only one of a section and a page created at the same moment take an address', async () => {
    const outcomes = await Promise.allSettled([
      createSection(db, staff.editor, sectionInput.parse({ title: '同时', slug: 'race' })),
      createPage(db, staff.admin, input({ title: '同时', slug: 'race' })),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as ActionError).status).toBe(409);
  });

  it('generates a slug that avoids sections and pages', async () => {
    const created = await createPage(db, staff.editor, input({ title: 'News' }));
    expect(created.slug).toBe('news-2');
  });
});

describe('optimistic locking', () => {
  it('refuses a save based on an older version (409) and keeps the newer content', async () => {
    const created = await createPage(db, staff.editor, input({ title: '版本测试' }));
    await savePage(db, staff.editor, created.id, 1, input({ title: '第一位编辑' }));
    const before = await state();
    const error = await expectActionError(savePage(db, staff.admin, created.id, 1, input({ title: '第二位编辑' })), 409);
    expect(error.details).toMatchObject({ currentVersion: 2 });
    await expectActionError(setPageStatus(db, staff.admin, created.id, 'published', 1), 409);
    expect(await state()).toEqual(before);
    expect((await getPageForEdit(db, created.id))?.title).toBe('第一位编辑');
  });
});

describe('moving a published page', () => {
  it('redirects the old address and invalidates both', async () => {
    const contact = await page('contact');
    const result = await savePage(db, staff.editor, contact.id, contact.version, input({ title: '联系我们', slug: 'contact-us' }));
    expect(result.invalidate).toEqual(expect.arrayContaining(['page:contact', 'page:contact-us', 'redirects']));
    expect(await getRedirect(db, '/contact')).toMatchObject({ toPath: '/contact-us' });
    expect((await getPageBySlug(db, 'contact-us'))?.title).toBe('联系我们');
  });

  it('lists pages in sort order with their status', async () => {
    const list = await listPagesForAdmin(db);
    expect(list.find((p) => p.slug === 'about')).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect(list.map((p) => p.sortOrder)).toEqual([...list.map((p) => p.sortOrder)].sort((a, b) => a - b));
  });
});

describe('bad input', () => {
  it('refuses a body that is not an editor document before anything runs', () => {
    expect(pageInput.safeParse({ title: 'x', body: { type: 'paragraph' } }).success).toBe(false);
    expect(pageInput.safeParse({ title: '   ', body: doc('x') }).success).toBe(false);
  });
});
