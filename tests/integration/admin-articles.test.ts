import { translateMessage } from '@/domain/i18n/server-messages';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getRevisionSnapshot, listRevisions } from '@/db/queries/admin/article-admin';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle, restoreRevision, saveArticle } from '@/db/queries/admin/article-write';
import { listAudit } from '@/db/queries/admin/audit';
import { listFeedItems } from '@/db/queries/feeds';
import { getArticle, listArticles } from '@/db/queries/public';
import { staffAccount } from '../fixtures/staff';
import { articleRevisions, articles, auditLog, tags } from '@/db/schema';
import { articleInput, type ArticleInput } from '@/domain/validation/article';
import { testFileDatabase } from '../fixtures/database';
import {
  articleRow,
  articleState,
  auditOf,
  countRows,
  doc,
  edit,
  expectActionError,
  expectRefusedUnchanged,
  formValues,
  input,
  photoBody,
  revisionsOf,
  sectionIdBySlug,
} from './admin-helpers';

const { db, staff } = await testFileDatabase({ staffPrefix: 'art', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');
const otherSectionId = await sectionIdBySlug(db, 'tech');

const countArticles = async () => Number((await db.select({ n: count() }).from(articles))[0]?.n ?? 0);
const visibleIds = async () => (await listArticles(db, {}, { limit: 10_000 })).map((a) => a.id);

async function expectVisible(id: number, visible: boolean) {
  expect((await getArticle(db, id)) !== null, `getArticle(${id})`).toBe(visible);
  expect((await visibleIds()).includes(id), `listArticles has ${id}`).toBe(visible);
}

describe('optimistic locking', () => {
  it('of two saves from the same base version the first wins and the second gets 409 with the current version', async () => {
    const { id, version } = await createArticle(db, staff.author, input({ title: 'Lock me', sectionId }));
    const { values } = await formValues(db, staff.author, id);
    const first = await saveArticle(db, staff.author, id, version, { ...values, title: 'First writer' });
    expect(first.version).toBe(version + 1);

    const error = await expectRefusedUnchanged(db, id, () => saveArticle(db, staff.editor, id, version, { ...values, title: 'Second writer' }), 409);
    expect(error.details).toEqual({ currentVersion: first.version });
    expect((await articleRow(db, id)).title).toBe('First writer');
  });

  it('two simultaneous saves from the same base version: exactly one succeeds, the other gets 409', async () => {
    const { id, version } = await createArticle(db, staff.author, input({ title: 'Race me', sectionId }));
    const { values } = await formValues(db, staff.author, id);
    const results = await Promise.allSettled([
      saveArticle(db, staff.author, id, version, { ...values, title: 'Racer A' }),
      saveArticle(db, staff.editor, id, version, { ...values, title: 'Racer B' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ status: 409 });
    const row = await articleRow(db, id);
    expect(row.version).toBe(version + 1);
    expect(['Racer A', 'Racer B']).toContain(row.title);
    expect(await revisionsOf(db, id)).toHaveLength(2);
  });

  it('a transition with a stale base version is refused with 409 and the current version', async () => {
    const { id, version } = await createArticle(db, staff.author, input({ title: 'Stale transition', sectionId }));
    await edit(db, staff.author, id, { subtitle: 'moved on' });
    const error = await expectRefusedUnchanged(db, id, () => transitionArticle(db, staff.author, id, 'publish', { baseVersion: version }), 409);
    expect(error.details).toEqual({ currentVersion: version + 1 });
  });
});

describe('revisions', () => {
  it('a save with no change bumps nothing: same version, no revision, no audit row, same updatedAt', async () => {
    const created = input({ title: 'Nothing to see', sectionId, body: photoBody('a'), tagNames: ['开源'] });
    const { id, version } = await createArticle(db, staff.author, created);
    const before = await articleState(db, id);
    const { values } = await formValues(db, staff.author, id);
    const result = await saveArticle(db, staff.author, id, version, values);
    expect(result.version).toBe(version);
    expect(await articleState(db, id)).toEqual(before);
  });

  // Regression test for a bug this suite found (fixed).
  it('saving back exactly the input an article was created with changes nothing', async () => {
    const created = input({ title: 'Plain text story', sectionId, excerpt: 'Typed excerpt', body: doc('Hello world') });
    const { id, version } = await createArticle(db, staff.author, created);
    const result = await saveArticle(db, staff.author, id, version, created);
    expect(result.version).toBe(version);
    expect(await revisionsOf(db, id)).toHaveLength(1);
  });

  // Regression test for a bug this suite found (fixed).
  it('an automatic excerpt follows the body when the article is edited through its form values', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Auto excerpt', sectionId, body: doc('Old first line.') }));
    expect((await articleRow(db, id)).excerpt).toBe('Old first line.');
    await edit(db, staff.author, id, { body: doc('New first line.') });
    expect((await articleRow(db, id)).excerpt).toBe('New first line.');
  });

  it('saving the untouched form of an article with an automatic excerpt changes nothing', async () => {
    const { id, version } = await createArticle(db, staff.author, input({ title: 'Auto excerpt 2', sectionId, body: doc('The first line becomes the excerpt.') }));
    const dto = await getArticleForEdit(db, staff.author, id);
    const { values } = await formValues(db, staff.author, id);
    // The body goes back exactly as stored, to keep the key-order bug above out of the way.
    const result = await saveArticle(db, staff.author, id, version, { ...values, body: dto!.values.body });
    expect(result.version).toBe(version);
  });

  it('every content-changing save adds one revision naming exactly the fields that changed', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Revised often', sectionId, body: photoBody('a') }));
    const steps: [Partial<ArticleInput>, string[]][] = [
      [{ title: 'Revised often, take 2' }, ['title']],
      [{ subtitle: 'A subtitle', tagNames: ['开源', 'Next.js'] }, ['subtitle', 'tagNames']],
      [{ body: photoBody('a', 'b') }, ['body']],
      [{ sectionId: otherSectionId, seoDescription: 'For search engines' }, ['sectionId', 'seoDescription']],
      [{ coverImageUrl: 'https://img.example.com/c.jpg', coverImageAlt: 'Cover' }, ['coverImageUrl', 'coverImageAlt']],
    ];
    for (const [changes, fields] of steps) {
      const before = await articleRow(db, id);
      const result = await edit(db, staff.author, id, changes);
      expect(result.version).toBe(before.version + 1);
      const revisions = await revisionsOf(db, id);
      expect(revisions.at(-1)).toMatchObject({ kind: 'save', authorId: staff.author.id, version: result.version, changedFields: fields });
    }
    expect(await revisionsOf(db, id)).toHaveLength(1 + steps.length);
    const final = await getArticleForEdit(db, staff.author, id);
    expect(final?.values).toMatchObject({ title: 'Revised often, take 2', subtitle: 'A subtitle', tagNames: ['开源', 'Next.js'], sectionId: otherSectionId });
  });

  it('autosaves by one user within 10 minutes collapse into one revision with the union of changed fields', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Autosaved', sectionId, body: photoBody('a') }));
    const auditBefore = (await auditOf(db, id)).length;
    await edit(db, staff.author, id, { title: 'Autosaved 1' }, { autosave: true });
    await edit(db, staff.author, id, { subtitle: 'typing…' }, { autosave: true });
    const last = await edit(db, staff.author, id, { body: photoBody('a', 'b') }, { autosave: true });

    const revisions = await revisionsOf(db, id);
    expect(revisions).toHaveLength(2);
    expect(revisions[1]).toMatchObject({ kind: 'autosave', authorId: staff.author.id, version: last.version, title: 'Autosaved 1' });
    expect([...revisions[1]!.changedFields].sort()).toEqual(['body', 'subtitle', 'title']);
    expect(revisions[1]!.snapshot).toMatchObject({ title: 'Autosaved 1', subtitle: 'typing…', body: photoBody('a', 'b') });
    // Each autosave is still a real write (the version moves), but none is an audited change.
    expect(last.version).toBe(4);
    expect(await auditOf(db, id)).toHaveLength(auditBefore);
  });

  it('an autosave after the 10-minute window, by another user, or after an explicit save starts a new revision', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Windowed', sectionId, body: photoBody('a') }));
    await edit(db, staff.author, id, { title: 'Windowed 1' }, { autosave: true });
    // The run of autosaves started 11 minutes ago.
    await db.update(articleRevisions).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(articleRevisions.articleId, id));
    await edit(db, staff.author, id, { title: 'Windowed 2' }, { autosave: true });
    expect((await revisionsOf(db, id)).map((r) => r.kind)).toEqual(['save', 'autosave', 'autosave']);

    await edit(db, staff.editor, id, { title: 'Windowed 3' }, { autosave: true });
    expect((await revisionsOf(db, id)).map((r) => r.authorId)).toEqual([staff.author.id, staff.author.id, staff.author.id, staff.editor.id]);

    await edit(db, staff.editor, id, { title: 'Windowed 4' });
    await edit(db, staff.editor, id, { title: 'Windowed 5' }, { autosave: true });
    expect((await revisionsOf(db, id)).map((r) => r.kind)).toEqual(['save', 'autosave', 'autosave', 'autosave', 'save', 'autosave']);
  });

  it('restoring a revision brings back its content as a new "restore" revision', async () => {
    const original = input({ title: 'Original headline', sectionId, subtitle: 'Original subtitle', body: doc('Original paragraph.'), tagNames: ['开源'] });
    const { id } = await createArticle(db, staff.author, original);
    await edit(db, staff.author, id, { title: 'Rewritten headline', subtitle: '', body: doc('Rewritten paragraph.'), tagNames: ['SEO'] });
    const [first] = await listRevisions(db, staff.author, id).then((r) => r.slice(-1));
    expect(first?.title).toBe('Original headline');
    const snapshot = await getRevisionSnapshot(db, staff.author, id, first!.id);
    expect(snapshot).toMatchObject({ title: 'Original headline', tagNames: ['开源'] });

    const before = await articleRow(db, id);
    const result = await restoreRevision(db, staff.author, id, first!.id, before.version);
    expect(result.version).toBe(before.version + 1);

    const row = await articleRow(db, id);
    expect(row).toMatchObject({ title: 'Original headline', subtitle: 'Original subtitle' });
    expect(row.bodyJson).toEqual(original.body);
    expect(row.bodyHtml).toContain('Original paragraph.');
    expect((await getArticleForEdit(db, staff.author, id))?.values.tagNames).toEqual(['开源']);
    const revisions = await revisionsOf(db, id);
    expect(revisions).toHaveLength(3);
    expect(revisions[2]).toMatchObject({ kind: 'restore', authorId: staff.author.id, title: 'Original headline' });
    expect(revisions[2]!.changedFields).toEqual(expect.arrayContaining(['title', 'subtitle', 'tagNames']));
    expect((await auditOf(db, id)).at(-1)).toMatchObject({ action: 'article.restore-revision', actorId: staff.author.id });
  });

  it('restoring from a stale version is refused with 409', async () => {
    const { id, version } = await createArticle(db, staff.author, input({ title: 'Restore race', sectionId }));
    const [rev] = await revisionsOf(db, id);
    await edit(db, staff.author, id, { title: 'Restore race 2' });
    await expectRefusedUnchanged(db, id, () => restoreRevision(db, staff.author, id, rev!.id, version), 409);
  });

  // A revision holds content only (no featured/pinned, and no locale before revisions recorded it);
  // restoring must not fall back to the schema defaults (featured=false, pinned=false, locale='zh-CN').
  it('an editor restoring a revision of a featured, pinned story leaves it featured and pinned', async () => {
    const { id } = await createArticle(db, staff.editor, input({ title: 'Front page story', sectionId, featured: true, pinned: true }));
    await edit(db, staff.editor, id, { title: 'Front page story, updated' });
    const [first] = await revisionsOf(db, id);
    await restoreRevision(db, staff.editor, id, first!.id, (await articleRow(db, id)).version);
    expect(await articleRow(db, id)).toMatchObject({ title: 'Front page story', featured: true, pinned: true });
  });

  it('restoring a revision of an English article keeps it English', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'An English story', sectionId, locale: 'en' }));
    await edit(db, staff.author, id, { title: 'An English story, updated' });
    const [first] = await revisionsOf(db, id);
    await restoreRevision(db, staff.author, id, first!.id, (await articleRow(db, id)).version);
    expect(await articleRow(db, id)).toMatchObject({ title: 'An English story', locale: 'en' });
  });

  // The restore action let the revision's language win; a test-only copy of it let the article's
  // current language win, and these tests used the copy. The action (what the UI does) is the rule.
  it('restoring a revision brings back the language it recorded', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Written in English', sectionId, locale: 'en' }));
    await edit(db, staff.author, id, { title: '改成中文', locale: 'zh-CN' });
    const [first] = await revisionsOf(db, id);
    await restoreRevision(db, staff.author, id, first!.id, (await articleRow(db, id)).version);
    expect(await articleRow(db, id)).toMatchObject({ title: 'Written in English', locale: 'en' });
  });

  it('restoring a revision saved before revisions recorded the language keeps the current one', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'An old English story', sectionId, locale: 'en' }));
    await edit(db, staff.author, id, { title: 'An old English story, updated' });
    const [first] = await revisionsOf(db, id);
    const { locale: _dropped, ...oldSnapshot } = first!.snapshot as Record<string, unknown>;
    await db.update(articleRevisions).set({ snapshot: oldSnapshot }).where(eq(articleRevisions.id, first!.id));
    await restoreRevision(db, staff.author, id, first!.id, (await articleRow(db, id)).version);
    expect(await articleRow(db, id)).toMatchObject({ title: 'An old English story', locale: 'en' });
  });

  it('restoring a revision is refused unless the actor may edit the article, and the revision must be its own', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Not yours to restore', sectionId }));
    const other = await createArticle(db, staff.author, input({ title: 'Another story', sectionId }));
    const [first] = await revisionsOf(db, id);
    const [foreign] = await revisionsOf(db, other.id);
    const { version } = await articleRow(db, id);
    await expectRefusedUnchanged(db, id, () => restoreRevision(db, staff.author2, id, first!.id, version), 404);
    await expectRefusedUnchanged(db, id, () => restoreRevision(db, staff.author, id, foreign!.id, version), 404);

    // A contributor sees their story in review but may no longer edit it.
    const submitted = await createArticle(db, staff.contributor, input({ title: 'Sent to the desk', sectionId }));
    await transitionArticle(db, staff.contributor, submitted.id, 'submit');
    const [own] = await revisionsOf(db, submitted.id);
    const current = await articleRow(db, submitted.id);
    await expectRefusedUnchanged(db, submitted.id, () => restoreRevision(db, staff.contributor, submitted.id, own!.id, current.version), 403);
  });

  // Regression test for a bug this suite found (fixed).
  it('a save that only changes the locale stores it', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Which language?', sectionId, body: photoBody('a') }));
    const result = await edit(db, staff.author, id, { locale: 'en' });
    expect((await articleRow(db, id)).locale).toBe('en');
    expect(result.version).toBe(2);
  });
});

describe('slugs', () => {
  it('a Chinese title gets a pinyin slug, made unique with -2, -3', async () => {
    const title = '青禾网络测试稿件';
    const a = await createArticle(db, staff.author, input({ title, sectionId }));
    const b = await createArticle(db, staff.author, input({ title, sectionId }));
    const c = await createArticle(db, staff.contributor, input({ title, sectionId }));
    expect([a.slug, b.slug, c.slug]).toEqual(['qing-he-wang-luo-ce-shi-gao-jian', 'qing-he-wang-luo-ce-shi-gao-jian-2', 'qing-he-wang-luo-ce-shi-gao-jian-3']);
    expect((await articleRow(db, b.id)).slug).toBe(b.slug);
  });

  it('a new title keeps the slug once the article exists', async () => {
    const { id, slug } = await createArticle(db, staff.author, input({ title: 'Stable address', sectionId }));
    const result = await edit(db, staff.author, id, { title: 'A completely different headline', slug: '' });
    expect(result.slug).toBe(slug);
    expect((await articleRow(db, id)).slug).toBe('stable-address');
  });

  it('a typed slug is normalised', async () => {
    const { slug } = await createArticle(db, staff.author, input({ title: 'Typed', sectionId, slug: '  My Custom Slug 2026!! ' }));
    expect(slug).toBe('my-custom-slug-2026');
  });

  it('a typed slug another article uses is refused with 409 and a slug field error, on create and on save', async () => {
    const taken = await createArticle(db, staff.author, input({ title: 'Slug owner', sectionId, slug: 'taken-slug' }));
    const articlesBefore = await countArticles();
    const onCreate = await expectActionError(createArticle(db, staff.author, input({ title: 'Slug thief', sectionId, slug: 'Taken Slug' })), 409);
    expect(onCreate.fieldErrors?.slug).toEqual([expect.any(String)]);
    expect(await countArticles()).toBe(articlesBefore);

    const { id } = await createArticle(db, staff.author, input({ title: 'Another story', sectionId }));
    const { version, values } = await formValues(db, staff.author, id);
    const onSave = await expectRefusedUnchanged(db, id, () => saveArticle(db, staff.author, id, version, { ...values, slug: 'taken-slug' }), 409);
    expect(onSave.fieldErrors?.slug).toBeDefined();
    expect((await articleRow(db, taken.id)).slug).toBe('taken-slug');
  });

  it.each(['!!!', '——', '😀😀', '   '])('a typed slug with nothing usable (%j) is refused with 422', async (junk) => {
    // Whitespace only is trimmed to '' by the form schema, which means "generate one".
    if (junk.trim() === '') {
      const { slug } = await createArticle(db, staff.author, input({ title: 'Blank slug', sectionId, slug: junk }));
      expect(slug).toMatch(/^blank-slug(-\d+)?$/);
      return;
    }
    const articlesBefore = await countArticles();
    const error = await expectActionError(createArticle(db, staff.author, input({ title: 'Junk slug', sectionId, slug: junk })), 422);
    expect(error.fieldErrors?.slug).toBeDefined();
    expect(await countArticles()).toBe(articlesBefore);
  });
});

describe('sections, tags and authors', () => {
  it('an unknown section is refused with 422 on create and on save', async () => {
    const articlesBefore = await countArticles();
    const error = await expectActionError(createArticle(db, staff.editor, input({ title: 'Nowhere', sectionId: 987_654 })), 422);
    expect(error.fieldErrors?.sectionId).toBeDefined();
    expect(await countArticles()).toBe(articlesBefore);

    const { id } = await createArticle(db, staff.author, input({ title: 'Somewhere', sectionId }));
    const { version, values } = await formValues(db, staff.author, id);
    await expectRefusedUnchanged(db, id, () => saveArticle(db, staff.author, id, version, { ...values, sectionId: 987_654 }), 422);
  });

  it('an author may use a tag that does not exist yet: it is created, linked and audited', async () => {
    const tagsBefore = await countRows(db, tags);
    const { id } = await createArticle(db, staff.author, input({ title: 'New topic', sectionId, tagNames: ['Quantum Gardening', '开源'] }));
    expect(await countRows(db, tags)).toBe(tagsBefore + 1);
    const [tag] = await db.select().from(tags).where(eq(tags.name, 'Quantum Gardening'));
    expect(tag?.slug).toBe('quantum-gardening');
    expect((await getArticleForEdit(db, staff.author, id))?.values.tagNames).toEqual(['Quantum Gardening', '开源']);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'tag.create'));
    expect(audit).toMatchObject({ actorId: staff.author.id, entityType: 'tag', entityId: String(tag!.id) });
  });

  it('existing tags are matched without regard to case, so no duplicate is created', async () => {
    const tagsBefore = await countRows(db, tags);
    const { id } = await createArticle(db, staff.contributor, input({ title: 'Case of tags', sectionId, tagNames: ['next.js', 'TYPESCRIPT'] }));
    expect(await countRows(db, tags)).toBe(tagsBefore);
    expect((await getArticleForEdit(db, staff.contributor, id))?.values.tagNames).toEqual(['Next.js', 'TypeScript']);
  });

  it('a contributor may not create tags: an unknown tag is refused with 422 on create and on save, and nothing is written', async () => {
    const [tagsBefore, articlesBefore, auditBefore] = [await countRows(db, tags), await countArticles(), await countRows(db, auditLog)];
    const error = await expectActionError(createArticle(db, staff.contributor, input({ title: 'Contributor tags', sectionId, tagNames: ['开源', 'Made Up Tag'] })), 422);
    expect(error.fieldErrors?.tagNames).toEqual(['Unknown tag: Made Up Tag']);
    // A zh-CN editor reads it in Chinese (the codes behind every refusal of the article DAL).
    expect(translateMessage('zh-CN', error.reason)).toBe('标签“Made Up Tag”不存在，你的角色不能新建标签。');
    expect(translateMessage('zh-CN', error.fieldMessages!.tagNames![0]!)).toBe('没有这个标签：Made Up Tag');
    expect([await countRows(db, tags), await countArticles(), await countRows(db, auditLog)]).toEqual([tagsBefore, articlesBefore, auditBefore]);

    const { id } = await createArticle(db, staff.contributor, input({ title: 'Contributor draft', sectionId }));
    const { version, values } = await formValues(db, staff.contributor, id);
    await expectRefusedUnchanged(db, id, () => saveArticle(db, staff.contributor, id, version, { ...values, tagNames: ['Made Up Tag'] }), 422);
  });

  it('an editor crediting a user that does not exist is refused with 422', async () => {
    const articlesBefore = await countArticles();
    const error = await expectActionError(createArticle(db, staff.editor, input({ title: 'Ghost writer', sectionId, authorIds: [staff.author.id, 1_999_999] })), 422);
    expect(error.fieldErrors?.authorIds).toBeDefined();
    expect(await countArticles()).toBe(articlesBefore);
  });
});

describe('the body is validated before it reaches the DAL', () => {
  function nested(depth: number): unknown {
    let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
    for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] };
    return { type: 'doc', content: [node] };
  }

  function bodyError(body: unknown): string | undefined {
    const result = articleInput.safeParse({ title: 'Malformed', sectionId, body });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.filter((i) => i.path[0] === 'body');
    expect(issues).toHaveLength(1);
    return issues[0]?.message;
  }

  it('a body nested 100 levels deep is rejected with a message about nesting', () => {
    expect(bodyError(nested(100))).toBe('The body is nested deeper than 24 levels.');
  });

  it('a body with 60,000 nodes is rejected with a message about its size, quickly', () => {
    const started = Date.now();
    const body = { type: 'doc', content: Array.from({ length: 60_000 }, () => ({ type: 'horizontalRule' })) };
    expect(bodyError(body)).toBe('The body has more than 50000 elements.');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['a paragraph instead of a doc', { type: 'paragraph', content: [] }],
    ['HTML', '<p>Hello</p>'],
    ['null', null],
    ['an array', [{ type: 'doc' }]],
    ['content that is not a list', { type: 'doc', content: 'Hello' }],
    ['a node without a type', { type: 'doc', content: [{ text: 'Hello' }] }],
  ])('a body that is not an editor document (%s) is rejected', (_name, body) => {
    expect(bodyError(body)).toBe('The body is not a valid editor document.');
  });

  // Regression test for a bug this suite found (fixed).
  it('a body containing U+0000 is either cleaned or refused with 422, never a database error', async () => {
    const parsed = articleInput.safeParse({ title: 'NUL in body', sectionId, body: doc('before\u0000after') });
    if (!parsed.success) {
      expect(parsed.error.issues[0]?.path).toEqual(['body']);
      return;
    }
    const { id } = await createArticle(db, staff.author, parsed.data);
    expect((await articleRow(db, id)).bodyText).toBe('beforeafter');
  });

  it('a reasonably nested body is accepted and stored', async () => {
    const body = articleInput.parse({ title: 'Nested quotes', sectionId, body: nested(20) });
    const { id } = await createArticle(db, staff.author, body);
    expect((await articleRow(db, id)).bodyHtml.match(/<blockquote>/g)).toHaveLength(20);
  });
});

describe('titles are normalised', () => {
  it('control characters and bidi overrides are removed, emoji and combining accents kept (NFC)', async () => {
    const raw = '\u202EevilTitle\u202C 👩‍💻 Launch\u0007 \u0000day\u2066x\u2069\uFEFF\u0085 🇨🇳 👍🏽 Cafe\u0301\t\n end';
    const parsed = input({ title: raw, subtitle: 'sub\u202Dtitle\u001B', sectionId, body: doc('A clean body.') });
    const expected = 'evilTitle 👩‍💻 Launch dayx 🇨🇳 👍🏽 Café end';
    expect(parsed.title).toBe(expected);
    const { id, slug } = await createArticle(db, staff.author, parsed);
    expect(await articleRow(db, id)).toMatchObject({ title: expected, subtitle: 'subtitle' });
    expect(slug).toBe('eviltitle-launch-dayx-cafe-end');
    expect((await revisionsOf(db, id))[0]!.title).toBe(expected);
  });

  it('a title of nothing but control characters and bidi overrides is refused as missing', () => {
    const blank = articleInput.safeParse({ title: '\u202E\u0000\u2066 \u0007\uFEFF\u009B', sectionId, body: doc('x') });
    expect(blank.success).toBe(false);
    expect(blank.error!.issues[0]).toMatchObject({ path: ['title'], message: 'titleRequired' });
  });

  // Regression test for a bug this suite found (fixed).
  it('a title of nothing but invisible zero-width and direction marks is refused as missing', () => {
    const result = articleInput.safeParse({ title: '\u200B\u200F\u2060\u200E', sectionId, body: doc('x') });
    expect(result.success).toBe(false);
  });
});

describe('what readers see follows the workflow', () => {
  it('a story scheduled 2 s ahead is invisible, then visible with no job running', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Embargoed until soon', sectionId }));
    const publishAt = new Date(Date.now() + 2_000);
    const result = await transitionArticle(db, staff.author, id, 'schedule', { publishAt });
    expect(result.status).toBe('scheduled');
    await expectVisible(id, false);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, publishAt.getTime() + 500 - Date.now())));
    await expectVisible(id, true);
    expect((await articleRow(db, id)).status).toBe('scheduled');
  });

  it("'publish' with a future time schedules instead", async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Publish later', sectionId }));
    const result = await transitionArticle(db, staff.author, id, 'publish', { publishAt: new Date(Date.now() + 3_600_000) });
    expect(result.status).toBe('scheduled');
    await expectVisible(id, false);
    expect((await auditOf(db, id)).at(-1)?.action).toBe('article.schedule');
  });

  it('scheduling in the past is refused with 422', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Too late', sectionId }));
    await expectRefusedUnchanged(db, id, () => transitionArticle(db, staff.author, id, 'schedule', { publishAt: new Date(Date.now() - 60_000) }), 422);
  });

  it('publish → visible, unpublish → invisible, publish again → visible, trash → invisible, restore → a draft', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Up and down', sectionId }));
    await expectVisible(id, false);
    await transitionArticle(db, staff.author, id, 'publish');
    await expectVisible(id, true);
    await transitionArticle(db, staff.author, id, 'unpublish');
    await expectVisible(id, false);
    await transitionArticle(db, staff.author, id, 'publish');
    await expectVisible(id, true);
    await transitionArticle(db, staff.editor, id, 'trash');
    await expectVisible(id, false);
    const restored = await transitionArticle(db, staff.editor, id, 'restore');
    expect(restored.status).toBe('draft');
    await expectVisible(id, false);
  });

  it('an archived story is no longer visible', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Old news', sectionId }));
    await transitionArticle(db, staff.author, id, 'publish');
    await expectVisible(id, true);
    await transitionArticle(db, staff.author, id, 'archive');
    await expectVisible(id, false);
  });

  it('an archived story goes back to the drafts through unpublish, and stays invisible', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Back from the archive', sectionId }));
    await transitionArticle(db, staff.author, id, 'publish');
    await transitionArticle(db, staff.author, id, 'archive');
    const result = await transitionArticle(db, staff.author, id, 'unpublish');
    expect(result.status).toBe('draft');
    await expectVisible(id, false);
  });

  it('a published correction is what readers get', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Typo in headlnie', sectionId }));
    await transitionArticle(db, staff.author, id, 'publish');
    await edit(db, staff.author, id, { title: 'Typo in headline fixed', body: doc('Corrected text.') });
    expect(await getArticle(db, id)).toMatchObject({ title: 'Typo in headline fixed', bodyHtml: expect.stringContaining('Corrected text.') });
  });
});

describe('credits (责任编辑) and the cover\'s caption and credit', () => {
  it('credits whoever published the story as its editor until a name is typed, on the page and in the feed', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: '责任编辑测试', sectionId }));
    await transitionArticle(db, staff.editor, id, 'publish');
    expect((await getArticle(db, id))?.editor).toBe(staffAccount('art', 'editor').name);
    expect((await listFeedItems(db, {}, 50)).find((item) => item.id === id)?.editor).toBe(staffAccount('art', 'editor').name);

    await edit(db, staff.author, id, { editorName: '王编辑' });
    expect((await getArticle(db, id))?.editor).toBe('王编辑');
    expect((await getArticleForEdit(db, staff.author, id))?.values.editorName).toBe('王编辑');
  });

  it('prints no editor for a story nobody here published (imported, seeded) and no name typed', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: '无人发布', sectionId }));
    await db.update(articles).set({ status: 'published', publishedAt: new Date(Date.now() - 60_000) }).where(eq(articles.id, id));
    expect((await getArticle(db, id))?.editor).toBe('');
  });

  it('keeps the cover caption and credit with the cover, and in the revision that saved them', async () => {
    const cover = { coverImageUrl: 'https://images.example.test/cover.jpg', coverImageAlt: '会场全景', coverCaption: '发布会现场', coverCredit: '本报记者 摄' };
    const { id } = await createArticle(db, staff.author, input({ title: '封面图说', sectionId, ...cover }));
    await transitionArticle(db, staff.author, id, 'publish');
    expect((await getArticle(db, id))?.cover).toMatchObject({ src: cover.coverImageUrl, alt: '会场全景', caption: '发布会现场', credit: '本报记者 摄' });
    const [revision] = await revisionsOf(db, id);
    expect(revision?.snapshot).toMatchObject({ coverCaption: '发布会现场', coverCredit: '本报记者 摄' });
  });
});

describe('inline image credits and the newsroom search', () => {
  it('an inline image’s credit is printed after its caption in the story’s language (图片来源 / Photo)', async () => {
    const image = (credit: string) => ({ type: 'image', attrs: { src: 'https://images.example.test/a.jpg', alt: '厂房', caption: '新厂房', credit } });
    const zh = await createArticle(db, staff.author, input({ title: '图片来源测试', sectionId, body: { type: 'doc', content: [image('本报记者 李明')] } }));
    expect((await articleRow(db, zh.id)).bodyHtml).toContain('<figcaption>新厂房 <span class="photo-credit">图片来源：本报记者 李明</span></figcaption>');
    const en = await createArticle(db, staff.author, input({ title: 'Credit test', sectionId, locale: 'en', body: { type: 'doc', content: [image('Li Ming')] } }));
    expect((await articleRow(db, en.id)).bodyHtml).toContain('<span class="photo-credit">Photo: Li Ming</span>');
  });

  it('finds drafts by words in their bodies, Chinese and English stems alike, only among the stories the searcher may see', async () => {
    const { listAdminArticles } = await import('@/db/queries/admin/article-admin');
    const mine = await createArticle(db, staff.author, input({ title: '鳐季度简报', sectionId, body: doc('本季度鲸落观测业务增长明显。', 'The team orchestrated three surveys.') }));
    const theirs = await createArticle(db, staff.author2, input({ title: '另一篇', sectionId, body: doc('鲸落观测站扩建。') }));
    const search = async (actor: typeof staff.author, q: string) => (await listAdminArticles(db, actor, { q, page: 1, pageSize: 50 })).items.map((i) => i.id).sort();
    expect(await search(staff.editor, '鲸落观测')).toEqual([mine.id, theirs.id].sort());
    expect(await search(staff.author, '鲸落观测')).toEqual([mine.id]);
    expect(await search(staff.author, 'orchestrating')).toEqual([mine.id]);
    // A single character has no index term: the title is searched as text.
    expect(await search(staff.author, '鳐')).toEqual([mine.id]);
    expect(await search(staff.author, '%')).toEqual([]);
  });
});

describe('publishing is idempotent', () => {
  it('publishing twice leaves one publish: same version, same time, one audit row', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Publish once', sectionId }));
    const first = await transitionArticle(db, staff.editor, id, 'publish');
    const before = await articleState(db, id);
    const second = await transitionArticle(db, staff.editor, id, 'publish');
    expect(second.version).toBe(first.version);
    expect(second.status).toBe('published');
    expect(await articleState(db, id)).toEqual(before);
    expect((await auditOf(db, id)).filter((a) => a.action === 'article.publish')).toHaveLength(1);
  });

  it('two simultaneous publishes also leave one publish', async () => {
    const { id, version } = await createArticle(db, staff.author, input({ title: 'Publish race', sectionId }));
    const results = await Promise.all([transitionArticle(db, staff.editor, id, 'publish'), transitionArticle(db, staff.author, id, 'publish')]);
    expect(results.map((r) => r.version)).toEqual([version + 1, version + 1]);
    expect((await articleRow(db, id)).version).toBe(version + 1);
    expect((await auditOf(db, id)).filter((a) => a.action === 'article.publish')).toHaveLength(1);
  });
});

describe('transitions from the wrong state are refused with 409 and change nothing', () => {
  const wrong: [string, 'draft' | 'in_review' | 'published' | 'archived', 'submit' | 'withdraw' | 'publish' | 'schedule' | 'unpublish' | 'archive' | 'restore'][] = [
    ['submit a story already in review', 'in_review', 'submit'],
    ['submit a published story', 'published', 'submit'],
    ['withdraw a draft', 'draft', 'withdraw'],
    ['withdraw a published story', 'published', 'withdraw'],
    ['unpublish a draft', 'draft', 'unpublish'],
    ['publish an archived story', 'archived', 'publish'],
    ['schedule an archived story', 'archived', 'schedule'],
    ['archive an archived story', 'archived', 'archive'],
    ['restore a story that is not in the trash', 'draft', 'restore'],
  ];

  it.each(wrong)('%s', async (_name, state, transition) => {
    const { id } = await createArticle(db, staff.author, input({ title: `Wrong state ${transition} from ${state}`, sectionId }));
    if (state === 'in_review') await transitionArticle(db, staff.author, id, 'submit');
    if (state === 'published' || state === 'archived') await transitionArticle(db, staff.editor, id, 'publish');
    if (state === 'archived') await transitionArticle(db, staff.editor, id, 'archive');
    const publishAt = transition === 'schedule' ? new Date(Date.now() + 86_400_000) : undefined;
    await expectRefusedUnchanged(db, id, () => transitionArticle(db, staff.editor, id, transition, { publishAt }), 409);
  });

  it('a story in the trash answers 404 to everything but restore', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'In the bin', sectionId }));
    await transitionArticle(db, staff.editor, id, 'trash');
    for (const t of ['submit', 'publish', 'schedule', 'unpublish', 'archive', 'trash'] as const) {
      await expectRefusedUnchanged(db, id, () => transitionArticle(db, staff.editor, id, t, { publishAt: new Date(Date.now() + 86_400_000) }), 404);
    }
  });
});

describe('the audit log', () => {
  it('gets one row per explicit change, naming the actor; no-op saves, autosaves and repeated publishes add none', async () => {
    const { id } = await createArticle(db, staff.contributor, input({ title: 'Audited', sectionId, body: photoBody('a') }));
    await edit(db, staff.contributor, id, { title: 'Audited, edited' });
    await edit(db, staff.contributor, id, {}); // no change
    await edit(db, staff.contributor, id, { subtitle: 'autosaved' }, { autosave: true });
    await transitionArticle(db, staff.contributor, id, 'submit', { note: 'Please review' });
    await transitionArticle(db, staff.editor, id, 'publish');
    await transitionArticle(db, staff.editor, id, 'publish'); // already published
    await transitionArticle(db, staff.author2, id, 'unpublish').catch(() => {}); // refused: not theirs
    await transitionArticle(db, staff.editor, id, 'unpublish');
    const audit = await auditOf(db, id);
    expect(audit.map(({ action, actorId }) => ({ action, actorId }))).toEqual([
      { action: 'article.create', actorId: staff.contributor.id },
      { action: 'article.update', actorId: staff.contributor.id },
      { action: 'article.submit', actorId: staff.contributor.id },
      { action: 'article.publish', actorId: staff.editor.id },
      { action: 'article.unpublish', actorId: staff.editor.id },
    ]);
    expect(audit[1]!.data).toEqual({ changed: ['title'] });
    expect(audit[2]!.data).toMatchObject({ from: 'draft', to: 'in_review', note: 'Please review' });
    expect(audit[3]!.data).toMatchObject({ from: 'in_review', to: 'published' });
  });

  it('listAudit shows the newest entries first with the actor name, and pages with `before`', async () => {
    const { id } = await createArticle(db, staff.editor, input({ title: 'Listed in the audit', sectionId }));
    await transitionArticle(db, staff.editor, id, 'publish');
    const [latest, previous] = await listAudit(db, { limit: 2 });
    expect(latest).toMatchObject({ action: 'article.publish', actorName: 'art editor', entityType: 'article', entityId: String(id), summary: 'Listed in the audit' });
    expect(previous).toMatchObject({ action: 'article.create', entityId: String(id) });
    const [older] = await listAudit(db, { before: previous!.id, limit: 1 });
    expect(older!.id).toBeLessThan(previous!.id);
  });

  it('is written in the same transaction: a refused save leaves no audit row behind', async () => {
    const auditBefore = await countRows(db, auditLog);
    const { id } = await createArticle(db, staff.author, input({ title: 'Atomic', sectionId }));
    const { version, values } = await formValues(db, staff.author, id);
    // Passes the permission and version checks, then fails on the slug after tags were resolved.
    await createArticle(db, staff.author, input({ title: 'Blocker', sectionId, slug: 'atomic-blocker' }));
    await expectActionError(saveArticle(db, staff.author, id, version, { ...values, tagNames: ['Freshly Made Tag'], slug: 'atomic-blocker' }), 409);
    expect(await countRows(db, auditLog)).toBe(auditBefore + 2);
    expect(await db.select().from(tags).where(eq(tags.name, 'Freshly Made Tag'))).toEqual([]);
  });
});
