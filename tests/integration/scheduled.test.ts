import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDashboard, listAdminArticles } from '@/db/queries/admin/article-admin';
import { getArticleForEdit } from '@/db/queries/admin/article-for-edit';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle } from '@/db/queries/admin/article-write';
import { promoteDueScheduled, WENT_LIVE_ACTION } from '@/db/queries/admin/scheduled';
import { getArticle } from '@/db/queries/public';
import { articles, auditLog } from '@/db/schema';
import { auditActionLabel } from '@/domain/i18n/audit-actions';
import { sectionIdBySlug, testFileDatabase } from '../fixtures/database';
import { articleRow, auditOf, input } from './admin-helpers';

/**
 * Issue 15, bug 3: a scheduled story that went live on the site must be 已发布 in the admin too,
 * by the same rule the reader uses, and the history records when it went live.
 */

const { db, staff } = await testFileDatabase({ staffPrefix: 'sch', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');

/** A story scheduled an hour ahead, then moved so that its time came `agoMs` ago (as if the clock had run on). */
async function scheduledStory(title: string, agoMs: number | null): Promise<number> {
  const { id } = await createArticle(db, staff.author, input({ title, sectionId }));
  await transitionArticle(db, staff.editor, id, 'schedule', { publishAt: new Date(Date.now() + 3_600_000) });
  if (agoMs !== null) await db.update(articles).set({ publishedAt: new Date(Date.now() - agoMs) }).where(eq(articles.id, id));
  return id;
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
const listed = async (status: 'published' | 'scheduled') => ids((await listAdminArticles(db, staff.editor, { status, page: 1, pageSize: 500 })).items);

describe('the admin calls a scheduled story published once readers see it', () => {
  let due: number;
  let ahead: number;

  beforeAll(async () => {
    due = await scheduledStory('Scheduled, time has come', 60_000);
    ahead = await scheduledStory('Scheduled, still ahead', null);
  });

  it('before any promotion runs: list rows, status filters, dashboard and editor say published for the due story and scheduled for the other', async () => {
    expect((await articleRow(db, due)).status).toBe('scheduled'); // nothing has flipped the row yet
    expect(await getArticle(db, due)).not.toBeNull(); // readers see it
    expect(await getArticle(db, ahead)).toBeNull();

    const all = (await listAdminArticles(db, staff.editor, { page: 1, pageSize: 500 })).items;
    expect(all.find((r) => r.id === due)?.status).toBe('published');
    expect(all.find((r) => r.id === ahead)?.status).toBe('scheduled');
    expect(await listed('published')).toContain(due);
    expect(await listed('published')).not.toContain(ahead);
    expect(await listed('scheduled')).toContain(ahead);
    expect(await listed('scheduled')).not.toContain(due);

    const dashboard = await getDashboard(db, staff.editor);
    expect(ids(dashboard.recentlyPublished)).toContain(due);
    expect(ids(dashboard.scheduled)).toContain(ahead);
    expect(ids(dashboard.scheduled)).not.toContain(due);
    expect(dashboard.counts.scheduled).toBe((await listed('scheduled')).length);
    // By planned time, soonest first.
    const planned = dashboard.scheduled.map((r) => Date.parse(r.publishedAt!));
    expect(planned).toEqual([...planned].sort((a, b) => a - b));

    const editor = await getArticleForEdit(db, staff.editor, due);
    expect(editor?.status).toBe('published');
    expect((await getArticleForEdit(db, staff.editor, ahead))?.status).toBe('scheduled');
  });

  it('publishing it again changes nothing (the editor offers no 立即发布 for it)', async () => {
    const before = await articleRow(db, due);
    const result = await transitionArticle(db, staff.editor, due, 'publish');
    expect(result).toMatchObject({ status: 'published', version: before.version, invalidate: [] });
    expect((await articleRow(db, due)).updatedAt).toEqual(before.updatedAt);
  });

  it('promoteDueScheduled flips the due row to published with one audit entry (定时发布已上线), keeping version and updated_at; the future one stays', async () => {
    const before = await articleRow(db, due);
    const { live, invalidate } = await promoteDueScheduled(db);
    expect(ids(live)).toContain(due);
    expect(ids(live)).not.toContain(ahead);
    // What was cached before its time (its own 404, the lists it now leads) is expired.
    expect(invalidate).toEqual(expect.arrayContaining([`article:${due}`, 'home', `section:${before.sectionId}`]));
    expect(invalidate).not.toContain(`article:${ahead}`);
    const after = await articleRow(db, due);
    expect(after).toMatchObject({ status: 'published', version: before.version, updatedAt: before.updatedAt, publishedAt: before.publishedAt });
    expect((await articleRow(db, ahead)).status).toBe('scheduled');

    const entries = (await auditOf(db, due)).filter((e) => e.action === WENT_LIVE_ACTION);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null, data: { from: 'scheduled', to: 'published', publishAt: before.publishedAt!.toISOString() } });
    expect(auditActionLabel('zh-CN', WENT_LIVE_ACTION)).toBe('定时发布已上线');
    expect(auditActionLabel('en', WENT_LIVE_ACTION)).toBe('Scheduled story went live');

    // Run again: nothing left to do.
    expect(ids((await promoteDueScheduled(db)).live)).not.toContain(due);
    expect((await auditOf(db, due)).filter((e) => e.action === WENT_LIVE_ACTION)).toHaveLength(1);
  });

  it('a trashed scheduled story is not promoted', async () => {
    const trashed = await scheduledStory('Scheduled, then trashed', 60_000);
    await transitionArticle(db, staff.editor, trashed, 'trash');
    expect(ids((await promoteDueScheduled(db)).live)).not.toContain(trashed);
    expect((await articleRow(db, trashed)).status).toBe('scheduled');
  });
});

it('several servers promoting at once flip each story exactly once, with exactly one audit entry each', async () => {
  const stories = await Promise.all([1, 2, 3, 4].map((n) => scheduledStory(`Concurrent ${n}`, 5_000)));
  const runs = await Promise.all([promoteDueScheduled(db), promoteDueScheduled(db), promoteDueScheduled(db)]);
  const flipped = runs.flatMap((run) => ids(run.live)).filter((id) => stories.includes(id));
  expect(flipped.sort((a, b) => a - b)).toEqual([...stories].sort((a, b) => a - b));
  const wentLive = await db
    .select({ entityId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.action, WENT_LIVE_ACTION), inArray(auditLog.entityId, stories.map(String))));
  expect(wentLive.map((e) => Number(e.entityId)).sort((a, b) => a - b)).toEqual([...stories].sort((a, b) => a - b));
});

it('a published story moved to a future time counts as scheduled in the admin, as it is hidden from readers', async () => {
  const { id } = await createArticle(db, staff.author, input({ title: 'Re-dated into the future', sectionId }));
  await transitionArticle(db, staff.editor, id, 'publish');
  await db.update(articles).set({ publishedAt: new Date(Date.now() + 3_600_000) }).where(eq(articles.id, id));
  expect(await getArticle(db, id)).toBeNull();
  expect((await getArticleForEdit(db, staff.editor, id))?.status).toBe('scheduled');
  expect(await listed('scheduled')).toContain(id);
});
