import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { endBreakingNews, noteExpiredBreakingNews, setBreakingNews } from '@/db/queries/admin/breaking-news';
import { getCurrentBreakingNews } from '@/db/queries/breaking-news';
import { breakingNewsInput } from '@/domain/validation/breaking-news';
import { expectActionError } from '../fixtures/action-errors';
import { rows, testFileDatabase } from '../fixtures/database';

/** Issue 13: one breaking-news banner across the site, with an expiry, expired precisely. */

const { db, staff } = await testFileDatabase({ staffPrefix: 'breaking' });
const input = (text: string, href = '', hours: number | string = 4) => breakingNewsInput.parse({ text, href, hours });
const auditCount = async () => (await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where entity_type = 'breaking'`))[0]!.n;

describe('the breaking-news banner', () => {
  it('an editor puts one up for some hours; a second replaces it; every page is expired each time', async () => {
    const first = await setBreakingNews(db, staff.editor, input('地铁三号线全线停运', '/articles/1'));
    expect(first.invalidate).toEqual(['breaking-news']);
    const shown = await getCurrentBreakingNews(db);
    expect(shown).toMatchObject({ text: '地铁三号线全线停运', href: '/articles/1' });
    const hoursLeft = (Date.parse(shown!.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(3.9);
    expect(hoursLeft).toBeLessThanOrEqual(4);
    await setBreakingNews(db, staff.admin, input('Storm warning lifted', 'https://example.com/weather', 1));
    expect(await getCurrentBreakingNews(db)).toMatchObject({ text: 'Storm warning lifted', href: 'https://example.com/weather' });
  });

  it('taking it down shows nothing; doing it twice is no error and expires nothing the second time', async () => {
    expect((await endBreakingNews(db, staff.editor)).invalidate).toEqual(['breaking-news']);
    expect(await getCurrentBreakingNews(db)).toBeNull();
    expect(await endBreakingNews(db, staff.editor)).toEqual({ ended: 0, invalidate: [] });
  });

  it('past its time it no longer shows, and the tick expires the pages exactly once', async () => {
    await setBreakingNews(db, staff.editor, input('Expires soon'));
    await db.execute(sql`update breaking_news set expires_at = now() - interval '1 second' where ended_at is null`);
    expect(await getCurrentBreakingNews(db)).toBeNull();
    // Two servers tick at the same moment: one of them expires the pages.
    const ticks = await Promise.all([noteExpiredBreakingNews(db), noteExpiredBreakingNews(db)]);
    expect(ticks.map((t) => t.invalidate.length).sort()).toEqual([0, 1]);
    expect((await noteExpiredBreakingNews(db)).invalidate).toEqual([]);
  });

  it('is for editors and admins; bad input is refused by field and nothing is written', async () => {
    const before = await auditCount();
    await expectActionError(setBreakingNews(db, staff.author, input('Not mine to say')), 403);
    await expectActionError(endBreakingNews(db, staff.contributor), 403);
    expect(await auditCount()).toBe(before);
    const bad = breakingNewsInput.safeParse({ text: ' ', href: 'javascript:alert(1)', hours: 500 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`).sort()).toEqual(['hours:breakingHoursInvalid', 'href:hrefInvalid', 'text:required']);
  });
});
