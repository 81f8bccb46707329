import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addArticleNotice, deleteArticleNotice, listArticleNoticesForAdmin } from '@/db/queries/admin/article-notices';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { listFeedItems } from '@/db/queries/feeds';
import { pageOfCorrections } from '@/db/queries/notices';
import { getArticle } from '@/db/queries/public';
import { articleNotices } from '@/db/schema';
import { articleNoticeInput } from '@/domain/validation/article-notice';
import { expectActionError } from '../fixtures/action-errors';
import { rows, testFileDatabase } from '../fixtures/database';
import { edit, makeArticle, sectionIdBySlug } from './admin-helpers';

/** Issue 13: corrections and significant updates of published stories; minor edits change neither. */

const { db, staff } = await testFileDatabase({ staffPrefix: 'notice', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');
const published = (owner = staff.author) => makeArticle(db, owner, staff.editor, 'published', { sectionId });
const noticeRows = async (articleId: number) => db.select().from(articleNotices).where(eq(articleNotices.articleId, articleId));
const auditActions = async (articleId: number) =>
  (await rows<{ action: string }>(db, sql`select action from audit_log where entity_type = 'article' and entity_id = ${String(articleId)} order by id`)).map((r) => r.action);

describe('corrections and significant updates', () => {
  it('a minor edit changes neither 更新时间 nor the feed\'s updated time; a correction sets both, prints its note and lists it on /corrections', async () => {
    const id = await published();
    const before = await getArticle(db, id);
    expect(before).toMatchObject({ revisedAt: null, notices: [] });
    await edit(db, staff.author, id, { subtitle: '补一个副标题' });
    expect((await getArticle(db, id))?.revisedAt).toBeNull();
    const feedItem = async () => (await listFeedItems(db, {}, 100)).find((item) => item.id === id)!;
    expect((await feedItem()).updatedAt).toBe(before!.publishedAt);

    const result = await addArticleNotice(db, staff.editor, articleNoticeInput.parse({ articleId: id, kind: 'correction', note: '本文此前称发布会在周五举行，实为周四。' }));
    expect(result.invalidate).toEqual([`article:${id}`, 'feeds', 'corrections']);
    const after = await getArticle(db, id);
    expect(after?.notices).toMatchObject([{ kind: 'correction', note: '本文此前称发布会在周五举行，实为周四。' }]);
    expect(after?.revisedAt).toBe(after?.notices[0]?.at);
    expect((await feedItem()).updatedAt).toBe(after?.revisedAt);
    expect((await feedItem()).notices).toMatchObject([{ kind: 'correction', note: '本文此前称发布会在周五举行，实为周四。' }]);
    const listed = await pageOfCorrections(db, 1, 30);
    expect(listed.items[0]).toMatchObject({ note: '本文此前称发布会在周五举行，实为周四。', article: { id } });
    expect(await auditActions(id)).toContain('article.correct');
  });

  it('a significant update needs no note; it moves 更新时间 but is not a correction', async () => {
    const id = await published();
    await addArticleNotice(db, staff.author, articleNoticeInput.parse({ articleId: id, kind: 'update', note: '' }));
    const story = await getArticle(db, id);
    expect(story?.notices).toMatchObject([{ kind: 'update', note: '' }]);
    expect(story?.revisedAt).not.toBeNull();
    expect((await pageOfCorrections(db, 1, 100)).items.some((c) => c.article.id === id)).toBe(false);
    expect(await auditActions(id)).toContain('article.significant-update');
  });

  it('refuses a correction that does not say what was wrong, naming the field', () => {
    const result = articleNoticeInput.safeParse({ articleId: 1, kind: 'correction', note: '   ' });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toMatchObject([{ path: ['note'], message: 'correctionNoteRequired' }]);
    expect(articleNoticeInput.safeParse({ articleId: 1, kind: 'retraction', note: 'x' }).success).toBe(false);
  });

  it('refuses a notice on a story readers cannot see yet (409), and to anyone who may not publish the story (403/404), writing nothing', async () => {
    const draft = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await expectActionError(addArticleNotice(db, staff.editor, articleNoticeInput.parse({ articleId: draft, kind: 'update', note: '' })), 409);
    const id = await published();
    await expectActionError(addArticleNotice(db, staff.contributor, articleNoticeInput.parse({ articleId: id, kind: 'update', note: '' })), 403, 404);
    await expectActionError(addArticleNotice(db, staff.author2, articleNoticeInput.parse({ articleId: id, kind: 'update', note: '' })), 404);
    await expectActionError(addArticleNotice(db, staff.editor, articleNoticeInput.parse({ articleId: 999_999, kind: 'update', note: '' })), 404);
    expect(await noticeRows(draft)).toEqual([]);
    expect(await noticeRows(id)).toEqual([]);
  });

  it('a notice added by mistake is removed, audited with what it said; another story\'s notice id is 404', async () => {
    const id = await published();
    const other = await published();
    const { id: noticeId } = await addArticleNotice(db, staff.editor, articleNoticeInput.parse({ articleId: id, kind: 'correction', note: '误加的更正' }));
    await expectActionError(deleteArticleNotice(db, staff.editor, { id: noticeId, articleId: other }), 404);
    expect(await listArticleNoticesForAdmin(db, staff.editor, id)).toMatchObject([{ id: noticeId, note: '误加的更正', createdByName: 'notice editor' }]);
    await deleteArticleNotice(db, staff.editor, { id: noticeId, articleId: id });
    expect(await noticeRows(id)).toEqual([]);
    expect((await getArticle(db, id))?.revisedAt).toBeNull();
    expect(await auditActions(id)).toContain('article.notice-remove');
  });

  it('/corrections shows only stories readers can see: an unpublished story\'s correction leaves the list', async () => {
    const id = await published(staff.editor);
    await addArticleNotice(db, staff.editor, articleNoticeInput.parse({ articleId: id, kind: 'correction', note: '将撤稿的报道的更正' }));
    const shown = async () => (await pageOfCorrections(db, 1, 100)).items.some((c) => c.article.id === id);
    expect(await shown()).toBe(true);
    await transitionArticle(db, staff.editor, id, 'unpublish');
    expect(await shown()).toBe(false);
  });

  it('pages /corrections newest first and reports a page past the end', async () => {
    const first = await pageOfCorrections(db, 1, 1);
    expect(first.pageCount).toBe(first.total);
    const all = (await pageOfCorrections(db, 1, 100)).items;
    expect(all.map((c) => c.at)).toEqual([...all.map((c) => c.at)].sort().reverse());
    expect((await pageOfCorrections(db, first.pageCount + 1, 1)).items).toEqual([]);
  });
});
