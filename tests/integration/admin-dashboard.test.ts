import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDashboard } from '@/db/queries/admin/article-admin';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle } from '@/db/queries/admin/article-write';
import { articles } from '@/db/schema';
import { sectionIdBySlug, testFileDatabase } from '../fixtures/database';
import { input } from './admin-helpers';

/** Issue 15: the dashboard is the newsroom's queue. */

const { db, staff } = await testFileDatabase({ staffPrefix: 'dash', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');

async function story(actor: (typeof staff)[keyof typeof staff], title: string): Promise<number> {
  return (await createArticle(db, actor, input({ title, sectionId }))).id;
}

describe('the dashboard', () => {
  it('shows editors every draft with its authors, and writers their own', async () => {
    const mine = await story(staff.contributor, 'Dash: contributor draft');
    const theirs = await story(staff.author2, 'Dash: other author draft');
    const editor = await getDashboard(db, staff.editor);
    expect(editor.draftsScope).toBe('all');
    expect(editor.drafts.map((r) => r.id)).toEqual(expect.arrayContaining([mine, theirs]));
    expect(editor.drafts.find((r) => r.id === theirs)?.authorNames.length).toBeGreaterThan(0);
    const contributor = await getDashboard(db, staff.contributor);
    expect(contributor.draftsScope).toBe('mine');
    expect(contributor.drafts.map((r) => r.id)).toContain(mine);
    expect(contributor.drafts.map((r) => r.id)).not.toContain(theirs);
  });

  it("lists the review queue longest-waiting first, with the author's note and the time of submission", async () => {
    const first = await story(staff.author, 'Dash: waiting longest');
    const second = await story(staff.author2, 'Dash: waiting less');
    const before = Date.now();
    await transitionArticle(db, staff.author, first, 'submit', { note: '请重点看第二段的数据来源。' });
    await transitionArticle(db, staff.author2, second, 'submit', { note: '' });
    // The first was last changed earlier than the second.
    await db.update(articles).set({ updatedAt: new Date(before - 3_600_000) }).where(eq(articles.id, first));
    const queue = (await getDashboard(db, staff.editor)).reviewQueue;
    const order = queue.map((r) => r.id);
    expect(order.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(first)).toBeLessThan(order.indexOf(second));
    const waiting = queue.find((r) => r.id === first)!;
    expect(waiting.reviewNote).toBe('请重点看第二段的数据来源。');
    expect(Date.parse(waiting.submittedAt!)).toBeGreaterThanOrEqual(before - 1_000);
    expect(queue.find((r) => r.id === second)!.reviewNote).toBe('');
  });
});
