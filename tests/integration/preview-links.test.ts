import { authSecret } from '@/services/auth/secret';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createPreviewLink, listPreviewLinks, openPreviewLink, revokeAllPreviewLinks, revokePreviewLink } from '@/db/queries/admin/preview-links';
import { auditLog, previewLinks, sections, users } from '@/db/schema';
import { resetConfig } from '@/domain/config.mjs';
import type { Actor } from '@/domain/permissions';
import { PREVIEW_LIFETIME_SECONDS, verifyPreviewToken } from '@/domain/preview-token';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createStaff, expectActionError, makeArticle, type Staff } from './admin-helpers';

/**
 * Preview share links (issue 10, item 8): stored, revocable, 48 hours, and dead as soon as their
 * creator is disabled or may no longer see the article.
 */

let tdb: TestDatabase;
let db: Database;
let staff: Staff;
let sectionId: number;
const savedSecret = process.env.AUTH_SECRET;

beforeAll(async () => {
  // The token is signed with the auth secret; a fixed one keeps the test away from DATA_DIR.
  process.env.AUTH_SECRET = 'an-integration-test-secret-that-is-long-enough';
  resetConfig();
  tdb = await createTestDatabase();
  db = tdb.db;
  const [section] = await db.insert(sections).values({ slug: 'company', title: '公司新闻' }).returning({ id: sections.id });
  sectionId = section!.id;
  staff = await createStaff(db, 'share');
});

afterAll(async () => {
  await tdb?.drop();
  if (savedSecret === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = savedSecret;
  resetConfig();
});

const claimsOf = (path: string) => {
  const claims = verifyPreviewToken(path.replace('/preview/', ''), { secret: authSecret() });
  if (!claims) throw new Error(`not a valid link: ${path}`);
  return claims;
};
const opens = async (path: string) => openPreviewLink(db, claimsOf(path));
const draftOf = (owner: Actor) => makeArticle(db, owner, staff.editor, 'draft', { sectionId });

describe('creating and opening', () => {
  it('a link lasts 48 hours, is stored with its creator, and opens as that creator', async () => {
    const id = await draftOf(staff.contributor);
    const before = Date.now();
    const link = await createPreviewLink(db, staff.contributor, id, '127.0.0.1', authSecret());
    const expires = Date.parse(link.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(PREVIEW_LIFETIME_SECONDS * 1000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(PREVIEW_LIFETIME_SECONDS * 1000 + 1000);
    expect(PREVIEW_LIFETIME_SECONDS).toBe(48 * 3600);
    const [row] = await db.select().from(previewLinks).where(eq(previewLinks.id, link.id));
    expect(row).toMatchObject({ articleId: id, createdById: staff.contributor.id, revokedAt: null });
    expect(await opens(link.path)).toEqual({ id: staff.contributor.id, role: 'contributor' });
    expect(link.links.map((l) => l.id)).toEqual([link.id]);
  });

  it("nobody creates a link to a story they cannot see (404), and nothing is stored", async () => {
    const id = await draftOf(staff.author2);
    const count = async () => (await db.select().from(previewLinks).where(eq(previewLinks.articleId, id))).length;
    await expectActionError(createPreviewLink(db, staff.author, id, null, authSecret()), 404);
    await expectActionError(createPreviewLink(db, staff.contributor, id, null, authSecret()), 404);
    expect(await count()).toBe(0);
  });

  it('a link whose row says another article, or that does not exist, does not open', async () => {
    const id = await draftOf(staff.author);
    const link = await createPreviewLink(db, staff.author, id, null, authSecret());
    const claims = claimsOf(link.path);
    expect(await openPreviewLink(db, { ...claims, articleId: claims.articleId + 1000 })).toBeNull();
    expect(await openPreviewLink(db, { ...claims, linkId: claims.linkId + 1000 })).toBeNull();
  });
});

describe('links die with their creator’s access', () => {
  it('disabling the creator ends the link; enabling them again brings it back while it is unexpired', async () => {
    const author = staff.author;
    const id = await draftOf(author);
    const link = await createPreviewLink(db, author, id, null, authSecret());
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, author.id));
    expect(await opens(link.path)).toBeNull();
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, author.id));
    expect(await opens(link.path)).not.toBeNull();
  });

  it("an editor's link to someone else's draft stops working once the editor is made a contributor", async () => {
    const id = await draftOf(staff.author2);
    const editor = await createStaff(db, 'demoted').then((s) => s.editor);
    const link = await createPreviewLink(db, editor, id, null, authSecret());
    expect(await opens(link.path)).toEqual({ id: editor.id, role: 'editor' });
    await db.update(users).set({ role: 'contributor' }).where(eq(users.id, editor.id));
    expect(await opens(link.path)).toBeNull();
  });

  it('a link to a story moved to the trash, or past its expiry, does not open', async () => {
    const trashed = await draftOf(staff.author);
    const toTrash = await createPreviewLink(db, staff.author, trashed, null, authSecret());
    await transitionArticle(db, staff.editor, trashed, 'trash');
    expect(await opens(toTrash.path)).toBeNull();

    const id = await draftOf(staff.author);
    const link = await createPreviewLink(db, staff.author, id, null, authSecret());
    await db.update(previewLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(previewLinks.id, link.id));
    expect(await opens(link.path)).toBeNull();
    await expectActionError(revokePreviewLink(db, staff.author, link.id, null), 409);
  });
});

describe('revoking', () => {
  it('the creator revokes a link: it no longer opens, the audit log says who, and a second revoke is 409', async () => {
    const id = await draftOf(staff.contributor);
    const link = await createPreviewLink(db, staff.contributor, id, null, authSecret());
    const result = await revokePreviewLink(db, staff.contributor, link.id, '127.0.0.9');
    expect(result.links).toEqual([]);
    expect(await opens(link.path)).toBeNull();
    const [row] = await db.select().from(previewLinks).where(eq(previewLinks.id, link.id));
    expect(row!.revokedById).toBe(staff.contributor.id);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'article.preview-link-revoke'));
    expect(audit.some((a) => a.actorId === staff.contributor.id && (a.data as { linkId: number }).linkId === link.id)).toBe(true);
    const again = await expectActionError(revokePreviewLink(db, staff.contributor, link.id, null), 409);
    expect(again.message).toBe('This preview link was already revoked.');
  });

  it("an author sees and revokes only their own links on their story; an editor's link there is 404 to them; editors revoke any", async () => {
    const id = await draftOf(staff.author);
    const mine = await createPreviewLink(db, staff.author, id, null, authSecret());
    const editors = await createPreviewLink(db, staff.editor, id, null, authSecret());
    expect((await listPreviewLinks(db, staff.author, id)).map((l) => l.id)).toEqual([mine.id]);
    expect((await listPreviewLinks(db, staff.editor, id)).map((l) => [l.id, l.mine])).toEqual([
      [editors.id, true],
      [mine.id, false],
    ]);
    await expectActionError(revokePreviewLink(db, staff.author, editors.id, null), 404);
    expect(await opens(editors.path)).not.toBeNull();
    // Someone who cannot see the story learns nothing about its links.
    await expectActionError(revokePreviewLink(db, staff.author2, mine.id, null), 404);
    await expectActionError(listPreviewLinks(db, staff.author2, id), 404);
    await revokePreviewLink(db, staff.editor, mine.id, null);
    expect(await opens(mine.path)).toBeNull();
  });

  it('revoke-all: an author ends their own links on the story, an editor every link', async () => {
    const id = await draftOf(staff.author);
    const a1 = await createPreviewLink(db, staff.author, id, null, authSecret());
    const a2 = await createPreviewLink(db, staff.author, id, null, authSecret());
    const e1 = await createPreviewLink(db, staff.editor, id, null, authSecret());
    expect((await revokeAllPreviewLinks(db, staff.author, id, null)).revoked).toBe(2);
    expect(await opens(a1.path)).toBeNull();
    expect(await opens(a2.path)).toBeNull();
    expect(await opens(e1.path)).not.toBeNull();
    expect((await revokeAllPreviewLinks(db, staff.editor, id, null)).revoked).toBe(1);
    expect(await opens(e1.path)).toBeNull();
    await expectActionError(revokeAllPreviewLinks(db, staff.author2, id, null), 404);
  });
});
