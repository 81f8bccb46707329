import { authSecret } from '@/services/auth/secret';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDashboard, getRevisionSnapshot, listAdminArticles, listRevisions, touchPresence } from '@/db/queries/admin/article-admin';
import type { WriteResult } from '@/db/queries/admin/article-current';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle, saveArticle } from '@/db/queries/admin/article-write';
import { createPreviewLink, listPreviewLinks, revokeAllPreviewLinks, revokePreviewLink } from '@/db/queries/admin/preview-links';
import { articleAuthors, previewLinks, sections, tags, type ArticleStatus } from '@/db/schema';
import { resetConfig } from '@/domain/config.mjs';
import { can, PERMISSIONS, ROLES, type Actor, type ArticleTransition, type Permission } from '@/domain/permissions';
import { testFileDatabase } from '../fixtures/database';
import {
  articleRow,
  articleState,
  auditOf,
  authorIdsOf,
  edit,
  expectActionError,
  expectRefusedUnchanged,
  formValues,
  input,
  makeArticle,
  photoBody,
  revisionsOf,
  type Role,
  type Setup,
} from './admin-helpers';

const { db, staff } = await testFileDatabase({ staffPrefix: 'perm' });
// The matrix needs one section and a few existing tags, not the whole demo publication.
const [section] = await db.insert(sections).values({ slug: 'company', title: '公司新闻' }).returning({ id: sections.id });
const sectionId = section!.id;
await db.insert(tags).values([
  { slug: 'kaiyuan', name: '开源' },
  { slug: 'nextjs', name: 'Next.js' },
  { slug: 'seo', name: 'SEO' },
]);

const actorOf = (role: Role): Actor => staff[role];

describe('the PERMISSIONS table matches the role descriptions of the issue', () => {
  const all = Object.keys(PERMISSIONS) as Permission[];
  const granted = (role: Role) => all.filter((p) => can(role, p)).sort();
  const publishing: Permission[] = ['article:publish-own', 'article:publish-any', 'article:edit-any', 'article:trash-any', 'article:bulk', 'article:review'];
  const staffAdmin: Permission[] = ['user:manage', 'settings:manage', 'audit:read', 'api-token:revoke-any', 'webhook:manage', 'import:run'];

  it('lists the four roles from least to most powerful', () => {
    expect(ROLES).toEqual(['contributor', 'author', 'editor', 'admin']);
  });

  it('contributor: writes own drafts and submits them, and cannot publish, edit others, manage anything or create tags', () => {
    expect(can('contributor', 'article:create')).toBe(true);
    expect(can('contributor', 'article:submit')).toBe(true);
    for (const p of [...publishing, ...staffAdmin, 'tag:create', 'tag:manage', 'section:manage', 'page:manage', 'redirect:manage', 'media:manage', 'stats:read'] as Permission[]) {
      expect(can('contributor', p), p).toBe(false);
    }
    // Only what writing a draft needs beyond the article itself.
    expect(granted('contributor')).toEqual(['article:create', 'article:submit', 'media:upload', 'notification:read']);
  });

  it('author: what a contributor may, plus publishing (and so correcting) their own stories and creating tags', () => {
    expect(granted('author')).toEqual([...granted('contributor'), 'article:publish-own', 'tag:create'].sort());
    for (const p of ['article:publish-any', 'article:edit-any', 'article:trash-any', 'article:review', 'article:bulk', ...staffAdmin] as Permission[]) {
      expect(can('author', p), p).toBe(false);
    }
  });

  it('editor: everything on all articles, sections, tags, pages, media and reviews, but not users, settings or the audit log', () => {
    const articleWide = all.filter((p) => p.startsWith('article:'));
    for (const p of [...articleWide, 'section:manage', 'tag:create', 'tag:manage', 'page:manage', 'redirect:manage', 'media:upload', 'media:manage', 'article:review'] as Permission[]) {
      expect(can('editor', p), p).toBe(true);
    }
    for (const p of staffAdmin) expect(can('editor', p), p).toBe(false);
  });

  it('admin: everything an editor may, plus users and roles, settings and the audit log', () => {
    expect(granted('admin')).toEqual([...all].sort());
    expect(granted('admin')).toEqual([...granted('editor'), ...staffAdmin].sort());
  });

  it('each role may do everything the role below it may', () => {
    for (let i = 1; i < ROLES.length; i++) {
      const lower = granted(ROLES[i - 1]!);
      expect(granted(ROLES[i]!)).toEqual(expect.arrayContaining(lower));
    }
  });
});

describe('creating an article', () => {
  it.each(ROLES)('%s may create a draft, credited to them and owned by them', async (role) => {
    const actor = actorOf(role);
    const result = await createArticle(db, actor, input({ title: `Created by ${role}`, sectionId }));
    const row = await articleRow(db, result.id);
    expect(row).toMatchObject({ status: 'draft', createdById: actor.id, updatedById: actor.id, version: 1, deletedAt: null });
    expect(await authorIdsOf(db, result.id)).toEqual([actor.id]);
    expect(await revisionsOf(db, result.id)).toHaveLength(1);
    expect(await auditOf(db, result.id)).toEqual([expect.objectContaining({ action: 'article.create', actorId: actor.id })]);
  });
});

/** 'ok'; a status; or 'hidden': 403 or 404 (the article belongs to someone else and is not shown to this user). */
type Outcome = 'ok' | 403 | 404 | 'hidden';

interface Case {
  name: string;
  setup: Setup;
  /** Whose article it is: the acting user's, or the second author's. */
  owner: 'self' | 'other';
  op: 'save' | ArticleTransition;
  outcome: Record<Role, Outcome>;
  /** The state after an allowed call. */
  after?: Partial<{ status: ArticleStatus; trashed: boolean }>;
}

const ALL_OK: Record<Role, Outcome> = { contributor: 'ok', author: 'ok', editor: 'ok', admin: 'ok' };
const PUBLISHERS = (contributor: Outcome): Record<Role, Outcome> => ({ contributor, author: 'ok', editor: 'ok', admin: 'ok' });
const EDITORS = (others: Outcome): Record<Role, Outcome> => ({ contributor: others, author: others, editor: 'ok', admin: 'ok' });

const cases: Case[] = [
  { name: 'save own draft', setup: 'draft', owner: 'self', op: 'save', outcome: ALL_OK, after: { status: 'draft' } },
  { name: "save someone else's draft", setup: 'draft', owner: 'other', op: 'save', outcome: EDITORS('hidden'), after: { status: 'draft' } },
  { name: 'save own article while it is in review', setup: 'in_review', owner: 'self', op: 'save', outcome: PUBLISHERS(403), after: { status: 'in_review' } },
  { name: 'save (correct) own published article', setup: 'published', owner: 'self', op: 'save', outcome: PUBLISHERS(403), after: { status: 'published' } },
  { name: "save someone else's published article", setup: 'published', owner: 'other', op: 'save', outcome: EDITORS('hidden'), after: { status: 'published' } },
  { name: 'save own article that is in the trash', setup: 'trashed-draft', owner: 'self', op: 'save', outcome: { contributor: 404, author: 404, editor: 404, admin: 404 } },
  { name: 'submit own draft for review', setup: 'draft', owner: 'self', op: 'submit', outcome: ALL_OK, after: { status: 'in_review' } },
  { name: 'withdraw own submission', setup: 'in_review', owner: 'self', op: 'withdraw', outcome: ALL_OK, after: { status: 'draft' } },
  { name: "send someone else's submission back, saying why", setup: 'in_review', owner: 'other', op: 'withdraw', outcome: EDITORS(404), after: { status: 'draft' } },
  { name: 'publish own draft', setup: 'draft', owner: 'self', op: 'publish', outcome: PUBLISHERS(403), after: { status: 'published' } },
  { name: "publish someone else's article in review", setup: 'in_review', owner: 'other', op: 'publish', outcome: EDITORS(404), after: { status: 'published' } },
  { name: 'schedule own draft', setup: 'draft', owner: 'self', op: 'schedule', outcome: PUBLISHERS(403), after: { status: 'scheduled' } },
  { name: "schedule someone else's draft", setup: 'draft', owner: 'other', op: 'schedule', outcome: EDITORS(404), after: { status: 'scheduled' } },
  { name: 'unpublish own published article', setup: 'published', owner: 'self', op: 'unpublish', outcome: PUBLISHERS(403), after: { status: 'draft' } },
  { name: 'unpublish own scheduled article', setup: 'scheduled', owner: 'self', op: 'unpublish', outcome: PUBLISHERS(403), after: { status: 'draft' } },
  { name: "unpublish someone else's published article", setup: 'published', owner: 'other', op: 'unpublish', outcome: EDITORS(404), after: { status: 'draft' } },
  { name: 'archive own published article', setup: 'published', owner: 'self', op: 'archive', outcome: PUBLISHERS(403), after: { status: 'archived' } },
  { name: "archive someone else's published article", setup: 'published', owner: 'other', op: 'archive', outcome: EDITORS(404), after: { status: 'archived' } },
  { name: 'trash own draft', setup: 'draft', owner: 'self', op: 'trash', outcome: ALL_OK, after: { trashed: true } },
  { name: 'trash own article while it is in review', setup: 'in_review', owner: 'self', op: 'trash', outcome: ALL_OK, after: { trashed: true } },
  { name: "trash someone else's draft", setup: 'draft', owner: 'other', op: 'trash', outcome: EDITORS(404), after: { trashed: true } },
  { name: 'trash own published article', setup: 'published', owner: 'self', op: 'trash', outcome: { contributor: 403, author: 403, editor: 'ok', admin: 'ok' }, after: { trashed: true } },
  { name: 'trash own archived article', setup: 'archived', owner: 'self', op: 'trash', outcome: { contributor: 403, author: 403, editor: 'ok', admin: 'ok' }, after: { trashed: true } },
  { name: 'restore own draft from the trash', setup: 'trashed-draft', owner: 'self', op: 'restore', outcome: EDITORS(403), after: { status: 'draft', trashed: false } },
  { name: "restore someone else's draft from the trash", setup: 'trashed-draft', owner: 'other', op: 'restore', outcome: EDITORS(404), after: { status: 'draft', trashed: false } },
];

/** A save changes the title and tries to change the tags and the credited authors too. */
function perform(actor: Actor, id: number, op: Case['op'], title: string): Promise<WriteResult> {
  if (op === 'save') return edit(db, actor, id, { title, tagNames: ['SEO'], authorIds: [actor.id, staff.author.id] }, { reader: staff.admin });
  const publishAt = op === 'schedule' ? new Date(Date.now() + 3 * 86_400_000) : undefined;
  // Sending someone else's story back needs a reason (the workflow refuses it without one).
  return transitionArticle(db, actor, id, op, { publishAt, note: op === 'withdraw' ? '请修改后再提交。' : undefined });
}

const matrix = cases.flatMap((c) => ROLES.map((role) => [`${role}: ${c.name} → ${c.outcome[role]}`, { ...c, role, expected: c.outcome[role] }] as const));

describe('the article permission matrix through the DAL', () => {
  it.each(matrix)('%s', async (_label, { role, setup, owner, op, expected, after, name }) => {
    const actor = actorOf(role);
    const ownerActor = owner === 'self' ? actor : staff.author2;
    // Tags and a co-author, so that a refused call that touched the links would show.
    const id = await makeArticle(db, ownerActor, staff.editor, setup, { sectionId, tagNames: ['开源', 'Next.js'] });
    const coAuthor = [staff.author2, staff.editor, staff.admin].find((u) => u.id !== actor.id && u.id !== ownerActor.id)!;
    await db.insert(articleAuthors).values({ articleId: id, userId: coAuthor.id, sortOrder: 1 });
    const title = `${name} by ${role}`;

    if (expected !== 'ok') {
      const statuses: (403 | 404)[] = expected === 'hidden' ? [403, 404] : [expected];
      await expectRefusedUnchanged(db, id, () => perform(actor, id, op, title), ...statuses);
      return;
    }

    const before = await articleState(db, id);
    const result = await perform(actor, id, op, title);
    const row = await articleRow(db, id);
    expect(result.version).toBe(before.row!.version + 1);
    expect(row.version).toBe(result.version);
    expect(row.updatedById).toBe(actor.id);
    if (after?.status) expect(row.status).toBe(after.status);
    if (after?.trashed !== undefined) expect(row.deletedAt !== null).toBe(after.trashed);
    if (op === 'save') {
      expect(row.title).toBe(title);
      expect(await revisionsOf(db, id)).toHaveLength(before.revisions.length + 1);
      expect((await getArticleForEdit(db, staff.admin, id))?.values.tagNames).toEqual(['SEO']);
      // Only editors change the credited authors.
      const editor = role === 'editor' || role === 'admin';
      expect(await authorIdsOf(db, id)).toEqual(editor ? [actor.id, staff.author.id] : before.authorLinks.map((l) => l.userId));
    }
    const audit = await auditOf(db, id);
    // Sending back someone else's submission is recorded as a return, with its reason.
    const action = op === 'save' ? 'article.update' : op === 'withdraw' && owner === 'other' ? 'article.return' : `article.${op}`;
    expect(audit.at(-1)).toMatchObject({ action, actorId: actor.id });
  });
});

describe('preview share links through the DAL (issue 10, item 8)', () => {
  const savedSecret = process.env.AUTH_SECRET;
  beforeAll(() => {
    // Links are signed with the auth secret; a fixed one keeps the test away from DATA_DIR.
    process.env.AUTH_SECRET = 'a-permissions-test-secret-that-is-long-enough';
    resetConfig();
  });
  afterAll(() => {
    if (savedSecret === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = savedSecret;
    resetConfig();
  });

  const ROLE_LIST: Role[] = ['contributor', 'author', 'editor', 'admin'];
  it.each(ROLE_LIST)("%s: on someone else's draft, creating, listing, revoking and revoking all are for editors only (others 404, nothing changes)", async (role) => {
    const actor = actorOf(role);
    const id = await makeArticle(db, staff.author2, staff.editor, 'draft', { sectionId });
    const link = await createPreviewLink(db, staff.author2, id, null, authSecret());
    const editor = role === 'editor' || role === 'admin';
    const calls = [
      () => createPreviewLink(db, actor, id, null, authSecret()),
      () => listPreviewLinks(db, actor, id),
      () => revokePreviewLink(db, actor, link.id, null),
      () => revokeAllPreviewLinks(db, actor, id, null),
    ];
    if (!editor) {
      for (const attempt of calls) await expectActionError(attempt(), 404);
      const [row] = await db.select().from(previewLinks).where(eq(previewLinks.id, link.id));
      expect(row!.revokedAt).toBeNull();
      expect((await db.select().from(previewLinks).where(eq(previewLinks.articleId, id))).length).toBe(1);
      return;
    }
    for (const attempt of calls) await attempt();
    const rows = await db.select().from(previewLinks).where(eq(previewLinks.articleId, id));
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
  });

  it.each(ROLE_LIST)('%s: on their own draft, every preview link call works', async (role) => {
    const actor = actorOf(role);
    const id = await makeArticle(db, actor, staff.editor, 'draft', { sectionId });
    const link = await createPreviewLink(db, actor, id, null, authSecret());
    expect((await listPreviewLinks(db, actor, id)).map((l) => l.id)).toEqual([link.id]);
    await revokePreviewLink(db, actor, link.id, null);
    await createPreviewLink(db, actor, id, null, authSecret());
    expect((await revokeAllPreviewLinks(db, actor, id, null)).revoked).toBe(1);
  });
});

describe('co-authors own an article too', () => {
  it.each(ROLES)('%s may save a draft an editor wrote naming them as author', async (role) => {
    const actor = actorOf(role);
    const { id } = await createArticle(db, staff.editor, input({ title: `Co-authored draft for ${role}`, sectionId, authorIds: [actor.id] }));
    expect(await authorIdsOf(db, id)).toEqual([actor.id]);
    const result = await edit(db, actor, id, { subtitle: 'added by the co-author' });
    expect(result.version).toBe(2);
    expect((await articleRow(db, id)).subtitle).toBe('added by the co-author');
  });

  it('a contributor co-author still cannot publish; an author co-author can', async () => {
    const forContributor = await createArticle(db, staff.editor, input({ title: 'Co-authored, contributor', sectionId, authorIds: [staff.contributor.id] }));
    await expectRefusedUnchanged(db, forContributor.id, () => transitionArticle(db, staff.contributor, forContributor.id, 'publish'), 403);
    const forAuthor = await createArticle(db, staff.editor, input({ title: 'Co-authored, author', sectionId, authorIds: [staff.author.id] }));
    expect((await transitionArticle(db, staff.author, forAuthor.id, 'publish')).status).toBe('published');
  });
});

describe('field-level rules', () => {
  it('a contributor saving featured/pinned and other authors on their own draft keeps the stored values but saves the rest', async () => {
    const id = await makeArticle(db, staff.contributor, staff.editor, 'draft', { sectionId });
    const { version, values } = await formValues(db, staff.contributor, id);
    const result = await saveArticle(db, staff.contributor, id, version, { ...values, title: 'Contributor edit', featured: true, pinned: true, authorIds: [staff.author2.id, staff.editor.id] });
    const row = await articleRow(db, id);
    expect(result.version).toBe(version + 1);
    expect(row).toMatchObject({ title: 'Contributor edit', featured: false, pinned: false });
    expect(await authorIdsOf(db, id)).toEqual([staff.contributor.id]);
    expect((await revisionsOf(db, id)).at(-1)?.snapshot).toMatchObject({ title: 'Contributor edit', authorIds: [staff.contributor.id] });
  });

  it('a contributor creating an article cannot feature or pin it, nor credit other people', async () => {
    const { id } = await createArticle(db, staff.contributor, input({ title: 'Contributor wants the front page', sectionId, featured: true, pinned: true, authorIds: [staff.editor.id] }));
    expect(await articleRow(db, id)).toMatchObject({ featured: false, pinned: false });
    expect(await authorIdsOf(db, id)).toEqual([staff.contributor.id]);
  });

  it('an author correcting their published story cannot change the home-page flags or the credited authors an editor set', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId });
    // The editor features and pins it and adds a second author.
    await edit(db, staff.editor, id, { featured: true, pinned: true, authorIds: [staff.author.id, staff.author2.id] });
    expect(await articleRow(db, id)).toMatchObject({ featured: true, pinned: true });

    const { version, values } = await formValues(db, staff.author, id);
    await saveArticle(db, staff.author, id, version, { ...values, title: 'Author correction', featured: false, pinned: false, authorIds: [staff.author.id] });
    expect(await articleRow(db, id)).toMatchObject({ title: 'Author correction', featured: true, pinned: true, status: 'published' });
    expect(await authorIdsOf(db, id)).toEqual([staff.author.id, staff.author2.id]);
  });

  it('an author saving only featured/pinned changes nothing at all (no new version, no revision, no audit row)', async () => {
    // A photo body, so that the unrelated body-comparison bug (see newsroom-articles) stays out of the way.
    const id = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId, body: photoBody('flags') });
    const before = await articleState(db, id);
    const { version, values } = await formValues(db, staff.author, id);
    const result = await saveArticle(db, staff.author, id, version, { ...values, featured: true, pinned: true });
    expect(result.version).toBe(version);
    expect(await articleState(db, id)).toEqual(before);
  });

  it('an editor may set the flags and the credited authors (the rules above are role-specific)', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await edit(db, staff.editor, id, { featured: true, pinned: true, authorIds: [staff.author2.id, staff.author.id] });
    expect(await articleRow(db, id)).toMatchObject({ featured: true, pinned: true });
    expect(await authorIdsOf(db, id)).toEqual([staff.author2.id, staff.author.id]);
  });

  it('a contributor cannot change the publication date of their published article', async () => {
    const id = await makeArticle(db, staff.contributor, staff.editor, 'published', { sectionId });
    const { version, values } = await formValues(db, staff.admin, id);
    const error = await expectRefusedUnchanged(
      db,
      id,
      () => saveArticle(db, staff.contributor, id, version, { ...values, publishedAt: new Date('2001-01-01T00:00:00Z') }),
      403,
    );
    expect(error.message).toMatch(/permission/);
  });

  it('an author may change the publication date of their own published article', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId });
    const when = new Date('2025-01-02T03:04:05Z');
    const result = await edit(db, staff.author, id, { publishedAt: when });
    expect((await articleRow(db, id)).publishedAt?.toISOString()).toBe(when.toISOString());
    expect(result.version).toBe(3); // 1 created, 2 published, 3 this save
  });
});

describe('refusals give nothing away and change nothing', () => {
  // Regression test for a bug this suite found (fixed).
  it("saving someone else's draft answers 404, like every other call on an article the user cannot see", async () => {
    const id = await makeArticle(db, staff.author2, staff.editor, 'draft', { sectionId });
    await expectRefusedUnchanged(db, id, () => edit(db, staff.contributor, id, { title: 'probe' }, { reader: staff.admin }), 404);
  });

  // Regression test for a bug this suite found (fixed).
  it('a contributor asking to publish their own already published story is refused with 403', async () => {
    const id = await makeArticle(db, staff.contributor, staff.editor, 'published', { sectionId });
    await expectRefusedUnchanged(db, id, () => transitionArticle(db, staff.contributor, id, 'publish'), 403);
  });

  it('a missing article is 404 for every role and operation', async () => {
    const { values } = await formValues(db, staff.admin, await makeArticle(db, staff.admin, staff.editor, 'draft', { sectionId }));
    for (const role of ROLES) {
      const actor = actorOf(role);
      await expectActionError(saveArticle(db, actor, 2_000_000, 1, values), 404);
      for (const t of ['submit', 'publish', 'trash', 'restore'] as const) await expectActionError(transitionArticle(db, actor, 2_000_000, t), 404);
    }
  });
});

describe('newsroom reads are scoped to what the user may see', () => {
  let mine: number;
  let theirs: number;

  beforeAll(async () => {
    mine = await makeArticle(db, staff.contributor, staff.editor, 'in_review', { sectionId, title: 'Scope: contributor story' });
    theirs = await makeArticle(db, staff.author2, staff.editor, 'in_review', { sectionId, title: 'Scope: author2 story' });
  });

  it("getArticleForEdit returns null for someone else's story and the allowed actions for one's own", async () => {
    expect(await getArticleForEdit(db, staff.contributor, theirs)).toBeNull();
    const own = await getArticleForEdit(db, staff.contributor, mine);
    expect(own?.permissions).toEqual({ edit: false, publish: false, transitions: ['withdraw', 'trash'] });
    const asEditor = await getArticleForEdit(db, staff.editor, theirs);
    expect(asEditor?.permissions.edit).toBe(true);
    expect(asEditor?.permissions.transitions).toEqual(expect.arrayContaining(['withdraw', 'publish', 'schedule', 'archive', 'trash']));
  });

  it('a contributor sees no actions on their own published story; its author may correct and unpublish theirs', async () => {
    const contributorStory = await makeArticle(db, staff.contributor, staff.editor, 'published', { sectionId });
    expect((await getArticleForEdit(db, staff.contributor, contributorStory))?.permissions).toEqual({ edit: false, publish: false, transitions: [] });
    const authorStory = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId });
    const dto = await getArticleForEdit(db, staff.author, authorStory);
    expect(dto?.permissions.edit).toBe(true);
    expect(dto?.permissions.transitions).toEqual(expect.arrayContaining(['unpublish', 'archive']));
    expect(dto?.permissions.transitions).not.toContain('trash');
  });

  it('listAdminArticles shows contributors and authors only their own stories, editors all', async () => {
    const list = async (actor: Actor) => (await listAdminArticles(db, actor, { q: 'Scope:', page: 1, pageSize: 50 })).items.map((i) => i.id).sort();
    expect(await list(staff.contributor)).toEqual([mine]);
    expect(await list(staff.author2)).toEqual([theirs]);
    expect(await list(staff.author)).toEqual([]);
    expect(await list(staff.editor)).toEqual([mine, theirs].sort());
  });

  it("the dashboard review queue holds a contributor's own submissions only, an editor's all of them", async () => {
    const contributor = await getDashboard(db, staff.contributor);
    expect(contributor.reviewQueue.map((r) => r.id)).toContain(mine);
    expect(contributor.reviewQueue.map((r) => r.id)).not.toContain(theirs);
    const editor = await getDashboard(db, staff.editor);
    expect(editor.counts.reviewQueue).toBeGreaterThanOrEqual(2);
    const all = await listAdminArticles(db, staff.editor, { status: 'in_review', page: 1, pageSize: 100 });
    expect(editor.counts.reviewQueue).toBe(all.total);
  });

  it("revisions and presence of someone else's story are 404 for a contributor", async () => {
    const [revision] = await revisionsOf(db, theirs);
    await expectActionError(listRevisions(db, staff.contributor, theirs), 404);
    await expectActionError(getRevisionSnapshot(db, staff.contributor, theirs, revision!.id), 404);
    await expectActionError(touchPresence(db, staff.contributor, theirs), 404);
    expect(await listRevisions(db, staff.contributor, mine)).toHaveLength(1);
    // A revision id of another article is not reachable through one's own article either.
    await expectActionError(getRevisionSnapshot(db, staff.contributor, mine, revision!.id), 404);
  });

  it('presence tells who else has the story open, not oneself', async () => {
    expect(await touchPresence(db, staff.editor, mine)).toEqual([]);
    const seen = await touchPresence(db, staff.contributor, mine);
    expect(seen.map((p) => p.userId)).toEqual([staff.editor.id]);
  });
});
