import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPage, deletePage, getPageForEdit, listPagesForAdmin, savePage, setPageStatus } from '@/db/queries/admin/pages';
import { createSection } from '@/db/queries/admin/sections';
import { createStaffUser } from '@/db/queries/admin/users';
import { getPageBySlug, getRedirect } from '@/db/queries/public';
import { pages } from '@/db/schema';
import type { UserRole } from '@/db/schema';
import { seedDemo } from '@/services/seed';
import { ActionError } from '@/domain/errors';
import { pageInput } from '@/domain/validation/page';
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

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const input = (values: Record<string, unknown>) => pageInput.parse({ body: doc('正文'), ...values });

async function state() {
  const db = tdb.db;
  return {
    pages: await rows(db, sql`select * from pages order by id`),
    sections: await rows(db, sql`select * from sections order by id`),
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

async function page(slug: string) {
  const [row] = await tdb.db.select({ id: pages.id, version: pages.version }).from(pages).where(eq(pages.slug, slug));
  return row!;
}

describe('permissions', () => {
  it.each(['contributor', 'author'] as const)('a %s gets 403 for every page change and nothing is written', async (role) => {
    const before = await state();
    const about = await page('about');
    expect((await failure(createPage(tdb.db, actors[role], input({ title: '新页面' })))).status).toBe(403);
    expect((await failure(savePage(tdb.db, actors[role], about.id, about.version, input({ title: '改' })))).status).toBe(403);
    expect((await failure(setPageStatus(tdb.db, actors[role], about.id, 'draft'))).status).toBe(403);
    expect((await failure(deletePage(tdb.db, actors[role], about.id))).status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it.each(['editor', 'admin'] as const)('an %s creates a draft, edits, publishes, unpublishes and deletes it', async (role) => {
    const created = await createPage(tdb.db, actors[role], input({ title: `招聘信息 ${role}`, body: doc('加入我们') }));
    expect(created).toMatchObject({ slug: `zhao-pin-xin-xi-${role}`, status: 'draft', version: 1 });
    expect(await getPageBySlug(tdb.db, created.slug)).toBeNull();
    const saved = await savePage(tdb.db, actors[role], created.id, 1, input({ title: `招聘 ${role}`, body: doc('<script>x</script> 欢迎') }));
    expect(saved.version).toBe(2);
    const published = await setPageStatus(tdb.db, actors[role], created.id, 'published', 2);
    expect(published).toMatchObject({ status: 'published', version: 3, invalidate: [`page:${created.slug}`, 'feeds'] });
    const reader = await getPageBySlug(tdb.db, created.slug);
    expect(reader?.title).toBe(`招聘 ${role}`);
    expect(reader?.bodyHtml).toContain('&lt;script&gt;');
    await setPageStatus(tdb.db, actors[role], created.id, 'draft');
    expect(await getPageBySlug(tdb.db, created.slug)).toBeNull();
    await deletePage(tdb.db, actors[role], created.id);
    expect(await getPageForEdit(tdb.db, created.id)).toBeNull();
    const audit = await rows<{ action: string }>(tdb.db, sql`select action from audit_log where entity_type = 'page' and entity_id = ${String(created.id)} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['page.create', 'page.update', 'page.publish', 'page.unpublish', 'page.delete']);
  });
});

describe('the shared /{slug} namespace', () => {
  it('refuses a page slug used by a section, another page or the site (409 field error), writing nothing', async () => {
    const before = await state();
    for (const slug of ['news', 'contact', 'admin', 'feed', 'sitemap']) {
      const error = await failure(createPage(tdb.db, actors.editor, input({ title: '冲突', slug })));
      expect(error.status, slug).toBe(409);
      expect(error.fieldErrors?.slug).toBeTruthy();
    }
    const about = await page('about');
    expect((await failure(savePage(tdb.db, actors.editor, about.id, about.version, input({ title: '关于', slug: 'tech' })))).status).toBe(409);
    expect(await state()).toEqual(before);
  });

  it('refuses a section slug used by a page', async () => {
    const error = await failure(createSection(tdb.db, actors.editor, sectionInput.parse({ title: '服务', slug: 'services' })));
    expect(error.status).toBe(409);
  });

  it('lets only one of a section and a page created at the same moment take an address', async () => {
    const outcomes = await Promise.allSettled([
      createSection(tdb.db, actors.editor, sectionInput.parse({ title: '同时', slug: 'race' })),
      createPage(tdb.db, actors.admin, input({ title: '同时', slug: 'race' })),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as ActionError).status).toBe(409);
  });

  it('generates a slug that avoids sections and pages', async () => {
    const created = await createPage(tdb.db, actors.editor, input({ title: 'News' }));
    expect(created.slug).toBe('news-2');
  });
});

describe('optimistic locking', () => {
  it('refuses a save based on an older version (409) and keeps the newer content', async () => {
    const created = await createPage(tdb.db, actors.editor, input({ title: '版本测试' }));
    await savePage(tdb.db, actors.editor, created.id, 1, input({ title: '第一位编辑' }));
    const before = await state();
    const error = await failure(savePage(tdb.db, actors.admin, created.id, 1, input({ title: '第二位编辑' })));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ currentVersion: 2 });
    expect((await failure(setPageStatus(tdb.db, actors.admin, created.id, 'published', 1))).status).toBe(409);
    expect(await state()).toEqual(before);
    expect((await getPageForEdit(tdb.db, created.id))?.title).toBe('第一位编辑');
  });
});

describe('moving a published page', () => {
  it('redirects the old address and invalidates both', async () => {
    const contact = await page('contact');
    const result = await savePage(tdb.db, actors.editor, contact.id, contact.version, input({ title: '联系我们', slug: 'contact-us' }));
    expect(result.invalidate).toEqual(expect.arrayContaining(['page:contact', 'page:contact-us', 'redirects']));
    expect(await getRedirect(tdb.db, '/contact')).toMatchObject({ toPath: '/contact-us' });
    expect((await getPageBySlug(tdb.db, 'contact-us'))?.title).toBe('联系我们');
  });

  it('lists pages in sort order with their status', async () => {
    const list = await listPagesForAdmin(tdb.db);
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
