import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { unpinExpired } from '@/db/queries/admin/scheduled';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { getPinnedInSections, listSections } from '@/db/queries/public';
import { articles } from '@/db/schema';
import { expectActionError } from '../fixtures/action-errors';
import { rows, testFileDatabase } from '../fixtures/database';
import { edit, makeArticle, sectionIdBySlug } from './admin-helpers';

/** Issue 13: 置顶 per section, until unpinned or until a date. */

const { db, staff } = await testFileDatabase({ staffPrefix: 'pin', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');
const parentId = (await listSections(db)).find((s) => s.id === sectionId)!.parentId!;
const pinnedIds = async (sectionIds = [sectionId]) => (await getPinnedInSections(db, sectionIds, 10)).map((a) => a.id);
const inAnHour = () => new Date(Date.now() + 3_600_000);

describe('pinning a story in its section', () => {
  it('an editor pins a story until a time: it leads its section and the parent section, and the editor shows the end', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId });
    const until = inAnHour();
    await edit(db, staff.editor, id, { pinned: true, pinnedUntil: until });
    expect(await pinnedIds()).toContain(id);
    expect(await pinnedIds([parentId, sectionId])).toContain(id);
    expect((await getArticleForEdit(db, staff.editor, id))?.pinnedUntil).toBe(until.toISOString());
  });

  it('an author cannot pin: the flag and its end stay as they were', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId });
    await edit(db, staff.author, id, { pinned: true, pinnedUntil: inAnHour(), subtitle: '作者的修改' });
    const [row] = await db.select({ pinned: articles.pinned, pinnedUntil: articles.pinnedUntil }).from(articles).where(eq(articles.id, id));
    expect(row).toEqual({ pinned: false, pinnedUntil: null });
  });

  it('refuses an end in the past (422 on the field) and writes nothing', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId });
    const error = await expectActionError(edit(db, staff.editor, id, { pinned: true, pinnedUntil: new Date(Date.now() - 60_000) }), 422);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['pinnedUntil']);
    expect(await pinnedIds()).not.toContain(id);
  });

  it('a pin whose end has passed no longer leads at once; the tick unpins it, audits it and expires its lists', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId });
    await edit(db, staff.editor, id, { pinned: true, pinnedUntil: inAnHour() });
    await db.update(articles).set({ pinnedUntil: new Date(Date.now() - 1_000) }).where(eq(articles.id, id));
    expect(await pinnedIds()).not.toContain(id);
    const result = await unpinExpired(db);
    expect(result.unpinned).toContain(id);
    expect(result.invalidate).toEqual(expect.arrayContaining(['home', `section:${sectionId}`, `section:${parentId}`, `article:${id}`]));
    const [row] = await db.select({ pinned: articles.pinned, pinnedUntil: articles.pinnedUntil }).from(articles).where(eq(articles.id, id));
    expect(row).toEqual({ pinned: false, pinnedUntil: null });
    const audit = await rows<{ action: string }>(db, sql`select action from audit_log where entity_type = 'article' and entity_id = ${String(id)} order by id desc limit 1`);
    expect(audit[0]?.action).toBe('article.pin-ended');
    expect((await unpinExpired(db)).unpinned).toEqual([]);
  });

  it('a pin without an end stays until unpinned; unpinning clears its end', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId });
    await edit(db, staff.editor, id, { pinned: true, pinnedUntil: null });
    expect(await pinnedIds()).toContain(id);
    expect((await unpinExpired(db)).unpinned).not.toContain(id);
    await edit(db, staff.editor, id, { pinned: false, pinnedUntil: inAnHour() });
    expect(await pinnedIds()).not.toContain(id);
    const [row] = await db.select({ pinnedUntil: articles.pinnedUntil }).from(articles).where(eq(articles.id, id));
    expect(row?.pinnedUntil).toBeNull();
  });

  it('a draft or another section\'s pinned story does not lead this section', async () => {
    const draft = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId, pinned: true });
    const other = await makeArticle(db, staff.author, staff.editor, 'published', { sectionId: await sectionIdBySlug(db, 'tech') });
    await edit(db, staff.editor, other, { pinned: true });
    expect(await pinnedIds()).not.toContain(draft);
    expect(await pinnedIds()).not.toContain(other);
  });
});
