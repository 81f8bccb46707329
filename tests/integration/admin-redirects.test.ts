import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addRedirectHits, allRedirects, createRedirect, deleteRedirect, getRedirectForManage, importRedirects, listRedirects, updateRedirect } from '@/db/queries/admin/redirects';
import { getRedirect } from '@/db/queries/public';
import { csvRecord } from '@/domain/csv';
import { redirectInput, redirectsFromCsv } from '@/domain/validation/redirect';
import { expectActionError } from '../fixtures/action-errors';
import { auditActions, databaseState, rows, testFileDatabase } from '../fixtures/database';

const { db, staff } = await testFileDatabase({ staffPrefix: 'redirects', demo: true });

const input = (fromPath: string, toPath: string, statusCode: number | string = 301) => redirectInput.parse({ fromPath, toPath, statusCode });
const withLines = (list: ReturnType<typeof input>[]) => list.map((r, i) => ({ ...r, line: i + 1 }));
const firstSectionSlug = async () => (await rows<{ slug: string }>(db, sql`select slug from sections order by id limit 1`))[0]!.slug;

describe('redirects typed in the admin', () => {
  it('are created, answered by the reader lookup, edited and deleted, each change audited', async () => {
    const created = await createRedirect(db, staff.editor, input('/2019/05/旧文章.html', '/articles/1'));
    expect(created.invalidate).toEqual(['redirects']);
    expect(await getRedirect(db, '/2019/05/旧文章.html')).toEqual({ toPath: '/articles/1', statusCode: 301 });
    await updateRedirect(db, staff.editor, created.id, input('/2019/05/旧文章.html', 'https://archive.example.com/x', 302));
    expect(await getRedirect(db, '/2019/05/旧文章.html')).toEqual({ toPath: 'https://archive.example.com/x', statusCode: 302 });
    await deleteRedirect(db, staff.editor, created.id);
    expect(await getRedirect(db, '/2019/05/旧文章.html')).toBeNull();
    expect(await auditActions(db, 'redirect', created.id)).toEqual(['redirect.create', 'redirect.update', 'redirect.delete']);
  });

  it('a percent-encoded old link is stored as the path readers ask for', async () => {
    const { id } = await createRedirect(db, staff.editor, input('https://old.example.com/%E5%85%B3%E4%BA%8E/', '/about'));
    expect((await getRedirectForManage(db, id))?.fromPath).toBe('/关于');
  });

  it('refuse loops, a taken address and an address a live section or tag answers, changing nothing', async () => {
    await createRedirect(db, staff.editor, input('/loop-a', '/loop-b'));
    await createRedirect(db, staff.editor, input('/loop-b', '/loop-c'));
    const before = await databaseState(db, 'redirects', 'audit');
    const loop = await expectActionError(createRedirect(db, staff.editor, input('/loop-c', '/loop-a?x=1')), 422);
    expect(loop.fieldMessages?.toPath?.[0]?.code).toBe('redirectLoop');
    await expectActionError(createRedirect(db, staff.editor, input('/self', '/self/')), 422);
    const taken = await expectActionError(createRedirect(db, staff.editor, input('/loop-a/', '/elsewhere')), 409);
    expect(taken.fieldMessages?.fromPath?.[0]).toEqual({ code: 'redirectFromTaken', params: { path: '/loop-a', to: '/loop-b' } });
    const section = await expectActionError(createRedirect(db, staff.editor, input(`/${await firstSectionSlug()}`, '/elsewhere')), 409);
    expect(section.fieldMessages?.fromPath?.[0]?.code).toBe('slugUsedBySection');
    const [tag] = await rows<{ slug: string }>(db, sql`select slug from tags limit 1`);
    expect((await expectActionError(createRedirect(db, staff.editor, input(`/tags/${tag!.slug}`, '/')), 409)).fieldMessages?.fromPath?.[0]?.code).toBe('redirectFromLiveTag');
    expect(await databaseState(db, 'redirects', 'audit')).toEqual(before);
  });

  it('an edit that would close a loop through other redirects is refused too', async () => {
    await createRedirect(db, staff.editor, input('/ring-1', '/ring-2'));
    await createRedirect(db, staff.editor, input('/ring-2', '/ring-3'));
    const ring3 = await createRedirect(db, staff.editor, input('/ring-3', '/done'));
    const loop = await expectActionError(updateRedirect(db, staff.editor, ring3.id, input('/ring-3', '/ring-1')), 422);
    expect(loop.fieldMessages?.toPath?.[0]).toEqual({ code: 'redirectLoop', params: { path: '/ring-3' } });
  });

  it('are for editors and admins: an author is refused and nothing changes', async () => {
    const before = await databaseState(db, 'redirects', 'audit');
    await expectActionError(createRedirect(db, staff.author, input('/author-try', '/')), 403);
    await expectActionError(importRedirects(db, staff.contributor, withLines([input('/author-try', '/')])), 403);
    expect(await databaseState(db, 'redirects', 'audit')).toEqual(before);
  });
});

describe('CSV import and export', () => {
  it('imports all or nothing: a bad line late in the file leaves the table as it was', async () => {
    const before = await databaseState(db, 'redirects', 'audit');
    const rowsIn = withLines([input('/imp-1', '/a'), input('/imp-2', '/b'), input('/imp-3', '/imp-1')]);
    // The third row is fine alone; the fourth closes a loop through the first.
    const error = await expectActionError(importRedirects(db, staff.editor, [...rowsIn, { ...input('/a', '/imp-3'), line: 4 }]), 422);
    expect(error.reason).toEqual({ code: 'redirectImportRefused', params: { line: 4 } });
    expect(error.fieldMessages?.file?.[0]?.code).toBe('redirectLoop');
    expect(await databaseState(db, 'redirects', 'audit')).toEqual(before);
  });

  it('creates new redirects and updates those whose old address already redirects, in one audit entry', async () => {
    await createRedirect(db, staff.editor, input('/exists', '/first'));
    const result = await importRedirects(db, staff.admin, redirectsFromCsv('from,to,status\n/exists,/second,302\n/brand-new,/x\n'));
    expect(result).toMatchObject({ created: 1, updated: 1 });
    expect(await getRedirect(db, '/exists')).toEqual({ toPath: '/second', statusCode: 302 });
    const [last] = await rows<{ action: string; data: unknown }>(db, sql`select action, data from audit_log order by id desc limit 1`);
    expect(last).toEqual({ action: 'redirect.import', data: { created: 1, updated: 1 } });
  });

  it('an export imported into itself changes nothing but the update count', async () => {
    const exported = (await allRedirects(db)).map((r) => csvRecord([r.fromPath, r.toPath, r.statusCode])).join('');
    const before = (await allRedirects(db)).map(({ fromPath, toPath, statusCode }) => ({ fromPath, toPath, statusCode }));
    const result = await importRedirects(db, staff.editor, redirectsFromCsv(`from,to,status\r\n${exported}`));
    expect(result).toMatchObject({ created: 0, updated: before.length });
    expect((await allRedirects(db)).map(({ fromPath, toPath, statusCode }) => ({ fromPath, toPath, statusCode }))).toEqual(before);
  });

  it('lists with a filter over both addresses, in path order', async () => {
    const list = await listRedirects(db, { q: 'ring', page: 1, pageSize: 50 });
    expect(list.items.map((r) => r.fromPath)).toEqual(['/ring-1', '/ring-2', '/ring-3']);
    expect((await listRedirects(db, { q: '%', page: 1, pageSize: 50 })).total).toBe(0);
  });
});

describe('hit counts', () => {
  it('adds buffered hits to the paths that redirect and ignores the rest', async () => {
    const { id } = await createRedirect(db, staff.editor, input('/counted', '/'));
    const at = new Date('2026-12-01T08:00:00Z');
    await addRedirectHits(db, new Map([['/counted', 3], ['/not-a-redirect', 5]]), at);
    await addRedirectHits(db, new Map([['/counted', 2]]), new Date('2026-11-30T08:00:00Z'));
    const row = await getRedirectForManage(db, id);
    expect(row?.hits).toBe(5);
    // An older batch written late does not move the last use back.
    expect(row?.lastHitAt?.toISOString()).toBe(at.toISOString());
    expect(await getRedirect(db, '/not-a-redirect')).toBeNull();
  });
});
