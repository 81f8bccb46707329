import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addArticleComment } from '@/db/queries/admin/article-comments';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { listNotifications, markAllRead, unreadCount } from '@/db/queries/admin/notifications';
import { promoteDueScheduled } from '@/db/queries/admin/scheduled';
import { articles, notifications } from '@/db/schema';
import { articleCommentInput } from '@/domain/validation/article-comment';
import type { Actor } from '@/domain/permissions';
import { testFileDatabase } from '../fixtures/database';
import { staffAccount } from '../fixtures/staff';
import { makeArticle, sectionIdBySlug } from './admin-helpers';

/** Issue 13: the bell. Who hears of what, in the transaction of the event, and only their own. */

const { db, staff } = await testFileDatabase({ staffPrefix: 'bell', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');
const kindsFor = async (who: Actor, articleId: number) => (await listNotifications(db, who)).filter((n) => n.articleId === articleId).map((n) => n.kind);
const note = (articleId: number, body: string) => articleCommentInput.parse({ articleId, body });

describe('the bell', () => {
  it('a submission tells the reviewers (not the one who submitted); sending it back tells its author, with who did it', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await transitionArticle(db, staff.author, id, 'submit');
    expect(await kindsFor(staff.editor, id)).toEqual(['submitted']);
    expect(await kindsFor(staff.admin, id)).toEqual(['submitted']);
    expect(await kindsFor(staff.author, id)).toEqual([]);
    expect(await kindsFor(staff.author2, id)).toEqual([]);

    await transitionArticle(db, staff.editor, id, 'withdraw', { note: '请补充来源。' });
    const [returned] = (await listNotifications(db, staff.author)).filter((n) => n.articleId === id);
    expect(returned).toMatchObject({ kind: 'returned', actorName: staffAccount('bell', 'editor').name, read: false });
  });

  it('publishing tells the story\'s author, not the editor who published; a scheduled story going live tells them too', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await transitionArticle(db, staff.editor, id, 'publish');
    expect(await kindsFor(staff.author, id)).toEqual(['published']);
    expect(await kindsFor(staff.editor, id)).toEqual([]);

    const later = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await transitionArticle(db, staff.editor, later, 'schedule', { publishAt: new Date(Date.now() + 3_600_000) });
    await db.update(articles).set({ publishedAt: new Date(Date.now() - 1_000) }).where(eq(articles.id, later));
    await promoteDueScheduled(db);
    expect(await kindsFor(staff.author, later)).toEqual(['went_live']);
  });

  it('a note tells the story\'s author and who spoke before; a mention tells the one mentioned, if they may see the story', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await addArticleComment(db, staff.editor, note(id, '第二段可以再短一些。'));
    expect(await kindsFor(staff.author, id)).toEqual(['commented']);
    await addArticleComment(db, staff.author, note(id, `已改。@${staffAccount('bell', 'admin').name} 请再看一下；@${staffAccount('bell', 'author2').name} 你也看看`));
    expect(await kindsFor(staff.admin, id)).toEqual(['mentioned']);
    expect(await kindsFor(staff.editor, id)).toEqual(['commented']);
    // The second author may not see this draft: a mention must not tell them it exists.
    expect(await kindsFor(staff.author2, id)).toEqual([]);
  });

  it('counts one\'s unread, and marking them read clears one\'s own bell only', async () => {
    const before = await unreadCount(db, staff.editor.id);
    expect(before).toBeGreaterThan(0);
    const adminUnread = await unreadCount(db, staff.admin.id);
    const { marked } = await markAllRead(db, staff.editor);
    expect(marked).toBe(before);
    expect(await unreadCount(db, staff.editor.id)).toBe(0);
    expect(await unreadCount(db, staff.admin.id)).toBe(adminUnread);
    expect((await listNotifications(db, staff.editor)).every((n) => n.read)).toBe(true);
  });

  it('is written with the event: a refused transition tells nobody', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'in_review', { sectionId });
    const rows = async () => (await db.select().from(notifications).where(eq(notifications.articleId, id))).length;
    const before = await rows();
    await transitionArticle(db, staff.editor, id, 'withdraw', { note: '' }).catch(() => undefined);
    expect(await rows()).toBe(before);
  });
});
