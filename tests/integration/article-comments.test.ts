import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addArticleComment, listArticleComments } from '@/db/queries/admin/article-comments';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { articleComments, articles } from '@/db/schema';
import { articleCommentInput } from '@/domain/validation/article-comment';
import { expectActionError } from '../fixtures/action-errors';
import { staffAccount } from '../fixtures/staff';
import { rows, testFileDatabase } from '../fixtures/database';
import { makeArticle, sectionIdBySlug } from './admin-helpers';

/** Issue 13: review as a conversation, kept with the story, seen by whoever may see the story. */

const { db, staff } = await testFileDatabase({ staffPrefix: 'talk', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');
const note = (articleId: number, body: string) => articleCommentInput.parse({ articleId, body });
const commentRows = async (articleId: number) => db.select().from(articleComments).where(eq(articleComments.articleId, articleId));

describe('the review conversation', () => {
  it('the author submits with a word, the reviewer sends it back saying why, the author answers: all in order, with names and kinds', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await transitionArticle(db, staff.author, id, 'submit', { note: '请重点看第二段的数据。' });
    await transitionArticle(db, staff.editor, id, 'withdraw', { note: '第二段的数据需要注明来源。' });
    await addArticleComment(db, staff.author, note(id, '已补上来源，请再看。'));
    const thread = await listArticleComments(db, staff.author, id);
    expect(thread.map((c) => [c.kind, c.body, c.authorName])).toEqual([
      ['submit', '请重点看第二段的数据。', staffAccount('talk', 'author').name],
      ['return', '第二段的数据需要注明来源。', staffAccount('talk', 'editor').name],
      ['note', '已补上来源，请再看。', staffAccount('talk', 'author').name],
    ]);
    expect(await listArticleComments(db, staff.editor, id)).toEqual(thread);
    const audit = await rows<{ action: string }>(db, sql`select action from audit_log where entity_type = 'article' and entity_id = ${String(id)} order by id`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['article.submit', 'article.return', 'article.comment']));
  });

  it('a reviewer cannot send someone else\'s story back without saying why (422 on the note): it stays in review', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'in_review', { sectionId });
    const error = await expectActionError(transitionArticle(db, staff.editor, id, 'withdraw', { note: '  ' }), 422);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['note']);
    const [row] = await db.select({ status: articles.status }).from(articles).where(eq(articles.id, id));
    expect(row?.status).toBe('in_review');
    expect(await commentRows(id)).toEqual([]);
  });

  it('the author withdrawing their own story needs no reason', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'in_review', { sectionId });
    await transitionArticle(db, staff.author, id, 'withdraw');
    expect(await commentRows(id)).toEqual([]);
  });

  it('someone who may not see the story neither reads nor writes there (404), and nothing is written', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    await addArticleComment(db, staff.author, note(id, '草稿里的话'));
    expect(await listArticleComments(db, staff.author2, id)).toEqual([]);
    expect(await listArticleComments(db, staff.contributor, id)).toEqual([]);
    await expectActionError(addArticleComment(db, staff.author2, note(id, '不该出现')), 404);
    await expectActionError(addArticleComment(db, staff.contributor, note(id, '不该出现')), 404);
    expect((await commentRows(id)).map((c) => c.body)).toEqual(['草稿里的话']);
  });

  it('refuses an empty note and one too long, naming the field', () => {
    expect(articleCommentInput.safeParse({ articleId: 1, body: ' \n ' }).error?.issues[0]).toMatchObject({ path: ['body'], message: 'required' });
    expect(articleCommentInput.safeParse({ articleId: 1, body: 'x'.repeat(4001) }).error?.issues[0]).toMatchObject({ path: ['body'], message: 'atMost' });
  });

  it('a story in the trash keeps its conversation but takes no new note', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'trashed-draft', { sectionId });
    await expectActionError(addArticleComment(db, staff.editor, note(id, '回收站里')), 404);
    expect(await commentRows(id)).toEqual([]);
  });
});
