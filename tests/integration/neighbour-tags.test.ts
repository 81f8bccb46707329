import { describe, expect, it } from 'vitest';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle, saveArticle } from '@/db/queries/admin/article-write';
import { getNeighbours } from '@/db/queries/public';
import { sectionIdBySlug, testFileDatabase } from '../fixtures/database';
import { articleRow, input } from './admin-helpers';

/**
 * A story's page shows the stories beside it in its section (previous / next). A change to a story
 * expires the pages that show it there, by name (`neighbours:ID`), and not the section's other
 * pages (ADR 0015): whatever the change moved, the stories beside its old place and its new one.
 */

const { db, staff } = await testFileDatabase({ staffPrefix: 'nbr', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');
const otherSectionId = await sectionIdBySlug(db, 'news');

const at = (day: number) => new Date(Date.UTC(2001, 2, day, 8));

/** A story published (backdated) on a day of March 2001, long before anything else in the section. */
async function story(title: string, day: number, section = sectionId): Promise<number> {
  const { id } = await createArticle(db, staff.author, input({ title, sectionId: section }));
  await transitionArticle(db, staff.editor, id, 'publish', { publishAt: at(day) });
  return id;
}

const neighbourTags = (tags: string[]) => tags.filter((t) => t.startsWith('neighbours:')).sort();
const tagsOf = (...ids: number[]) => ids.map((id) => `neighbours:${id}`).sort();

describe('which story pages a change to a story expires for their previous / next links', () => {
  it('a new story published between two expires the pages of the stories on either side, two deep, and no others', async () => {
    const [d1, d2, d3, d5, d6, d7] = await Promise.all([1, 2, 3, 5, 6, 7].map((day) => story(`三月${day}日`, day)));
    const { id } = await createArticle(db, staff.author, input({ title: '三月四日', sectionId }));
    const result = await transitionArticle(db, staff.editor, id, 'publish', { publishAt: at(4) });
    expect(neighbourTags(result.invalidate)).toEqual(tagsOf(d2!, d3!, d5!, d6!));
    expect(result.invalidate).not.toContain(`neighbours:${d1}`);
    expect(result.invalidate).not.toContain(`neighbours:${d7}`);
    // The reader's own query agrees on who is beside whom.
    const beside = await getNeighbours(db, { id: d5!, sectionId, publishedAt: at(5).toISOString() });
    expect([beside.previous?.id, beside.next?.id]).toEqual([id, d6]);
  });

  it('retitling a story expires the pages beside it; moving it to another section, those beside it in both', async () => {
    const [a, b, c, d, e] = await Promise.all([11, 12, 13, 14, 15].map((day) => story(`三月${day}日`, day)));
    const [x, y] = await Promise.all([12, 14].map((day) => story(`另一栏目三月${day}日`, day, otherSectionId)));
    const current = await articleRow(db, c!);
    const retitled = await saveArticle(db, staff.editor, c!, current.version, input({ title: '三月13日（更正）', sectionId }));
    expect(neighbourTags(retitled.invalidate)).toEqual(tagsOf(a!, b!, d!, e!));

    const again = await articleRow(db, c!);
    const moved = await saveArticle(db, staff.editor, c!, again.version, input({ title: '三月13日（更正）', sectionId: otherSectionId }));
    // In the other section: the two on either side of its new place (after y, the section's next story).
    expect(neighbourTags(moved.invalidate)).toEqual(expect.arrayContaining(tagsOf(a!, b!, d!, e!, x!, y!)));
    expect(neighbourTags(moved.invalidate).length).toBeLessThanOrEqual(8);
  });

  it('unpublishing expires the pages beside it, found among the stories still visible', async () => {
    const [a, b, c] = await Promise.all([21, 22, 23].map((day) => story(`三月${day}日`, day)));
    const result = await transitionArticle(db, staff.editor, b!, 'unpublish');
    expect(neighbourTags(result.invalidate)).toEqual(expect.arrayContaining(tagsOf(a!, c!)));
    expect((await articleRow(db, b!)).status).not.toBe('published');
  });
});
