import { describe, expect, it } from 'vitest';
import { listAudit } from '@/db/queries/admin/audit';
import { getSettingsForEdit, saveSettings } from '@/db/queries/admin/settings';
import { listNavTargets } from '@/db/queries/admin/nav-targets';
import { createSection, deleteSection } from '@/db/queries/admin/sections';
import { sectionInput } from '@/domain/validation/section';
import { DEFAULT_SETTINGS, getSiteSettings } from '@/db/queries/public';
import { issueMessage } from '@/domain/errors';
import { translateMessage } from '@/domain/i18n/server-messages';
import { settingsInput } from '@/domain/validation/settings';
import { expectActionError } from '../fixtures/action-errors';
import { databaseState, testFileDatabase } from '../fixtures/database';
import { staffAccount } from '../fixtures/staff';

// No demo publication: the first save must create the settings row.
const { db, staff } = await testFileDatabase({ staffPrefix: 'settings' });
const adminName = staffAccount('settings', 'admin').name;
// The menu's /news must lead somewhere (saveSettings checks new local paths).
await createSection(db, staff.admin, sectionInput.parse({ title: '新闻', slug: 'news' }));

const valid = {
  name: ' 青禾日报 ',
  tagline: '每日新闻',
  hotline: '400-800-1234',
  logoUrl: '/logo.png',
  locale: 'zh-CN',
  timeZone: 'asia/shanghai',
  footerText: '版权所有',
  icp: '京ICP备00000000号',
  policeFiling: '京公网安备11010502000001号',
  reprintTemplate: '转载请注明：{site}《{title}》{url}',
  nav: [
    { label: '新闻', href: '/news' },
    { label: '', href: '' },
    { label: '合作伙伴', href: 'https://example.com/partners' },
  ],
  baseUpdatedAt: null,
};

/** Everything a settings change could touch. */
const state = () => databaseState(db, 'settings', 'audit');

describe('validation', () => {
  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['a UTC offset instead of a zone name', { timeZone: '+08:00' }, 'timeZone'],
    ['a reprint template without {site}', { reprintTemplate: '转载请注明 {title}' }, 'reprintTemplate'],
    ['a reprint template without {title}', { reprintTemplate: '转载请注明 {site}' }, 'reprintTemplate'],
    ['a javascript: menu link', { nav: [{ label: '坏链接', href: 'javascript:alert(1)' }] }, 'nav'],
    ['a protocol-relative menu link', { nav: [{ label: '外站', href: '//evil.example' }] }, 'nav'],
    ['a menu row without a label', { nav: [{ label: ' ', href: '/news' }] }, 'nav'],
    ['too many menu items', { nav: Array.from({ length: 21 }, (_, i) => ({ label: `项 ${i}`, href: `/p${i}` })) }, 'nav'],
    ['a javascript: logo', { logoUrl: 'JaVaScRiPt:alert(1)' }, 'logoUrl'],
    ['an empty site name', { name: '   ' }, 'name'],
    ['an unknown locale', { locale: 'fr' }, 'locale'],
    ['a feed mode other than full text or summary', { feedFullText: 'half' }, 'feedFullText'],
  ])('refuses %s with a field error', (_label, patch, field) => {
    const result = settingsInput.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => String(i.path[0]))).toContain(field);
  });

  it('normalises what it accepts', () => {
    const parsed = settingsInput.parse(valid);
    expect(parsed).toMatchObject({ name: '青禾日报', timeZone: 'Asia/Shanghai', logoUrl: '/logo.png' });
    expect(parsed.nav).toEqual([
      { label: '新闻', href: '/news' },
      { label: '合作伙伴', href: 'https://example.com/partners' },
    ]);
  });

  it('names the menu row that is wrong', () => {
    const result = settingsInput.safeParse({ ...valid, nav: [{ label: 'A', href: '/a' }, { label: 'B', href: 'javascript:void(0)' }] });
    expect(issueMessage(result.error!.issues[0]!)).toEqual({ code: 'navHrefInvalid', params: { row: 2 } });
  });
});

describe('messages', () => {
  it('shows server messages in Chinese, with their values, and leaves unknown ones as they are', () => {
    expect(translateMessage('zh-CN', { code: 'sectionNotEmpty', params: { articles: 3, children: 1 } })).toBe('该栏目下还有 3 篇文章（含回收站）和 1 个子栏目，请先移走。');
    expect(translateMessage('zh-CN', { code: 'templatePlaceholders' })).toBe('模板必须包含 {site} 和 {title}。');
    expect(translateMessage('zh-CN', { code: 'atMost', params: { max: 60 } })).toBe('最多 60 个字符。');
    expect(translateMessage('zh-CN', { code: 'text', params: { text: 'Something nobody translated.' } })).toBe('Something nobody translated.');
    expect(translateMessage('en', { code: 'lastAdmin' })).toBe('This would leave the site without an active administrator.');
  });
});

describe('saving', () => {
  it.each(['contributor', 'author', 'editor'] as const)('a %s gets 403 and nothing is written', async (role) => {
    const before = await state();
    await expectActionError(saveSettings(db, staff[role], settingsInput.parse(valid)), 403);
    expect(await state()).toEqual(before);
  });

  it('an admin saves: the row is created on the first save, audited, and "settings" is invalidated', async () => {
    expect(await getSettingsForEdit(db)).toEqual({ ...DEFAULT_SETTINGS, updatedAt: null });
    const result = await saveSettings(db, staff.admin, settingsInput.parse(valid));
    expect(result.invalidate).toEqual(['settings']);
    expect(result.changed).toEqual(expect.arrayContaining(['name', 'nav', 'reprintTemplate', 'policeFiling']));
    expect(await getSiteSettings(db)).toMatchObject({ name: '青禾日报', policeFiling: '京公网安备11010502000001号', timeZone: 'Asia/Shanghai', nav: [{ label: '新闻', href: '/news' }, { label: '合作伙伴', href: 'https://example.com/partners' }] });
    const [entry] = await listAudit(db, { limit: 1, entityType: 'settings' });
    expect(entry).toMatchObject({ action: 'settings.update', actorName: adminName });
  });

  it('feeds carry the full text until an admin chooses summaries; the choice is saved and audited by name', async () => {
    const opened = await getSettingsForEdit(db);
    expect((await getSiteSettings(db)).feedFullText).toBe(true);
    const result = await saveSettings(db, staff.admin, settingsInput.parse({ ...valid, feedFullText: 'summary', baseUpdatedAt: opened.updatedAt }));
    expect(result.changed).toEqual(['feedFullText']);
    expect((await getSiteSettings(db)).feedFullText).toBe(false);
    const back = await getSettingsForEdit(db);
    await saveSettings(db, staff.admin, settingsInput.parse({ ...valid, feedFullText: 'full', baseUpdatedAt: back.updatedAt }));
    expect((await getSiteSettings(db)).feedFullText).toBe(true);
  });

  it('refuses a save based on settings someone changed since (409), writing nothing', async () => {
    const opened = await getSettingsForEdit(db);
    await saveSettings(db, staff.admin, settingsInput.parse({ ...valid, tagline: '第一位', baseUpdatedAt: opened.updatedAt }));
    const before = await state();
    await expectActionError(saveSettings(db, staff.admin, settingsInput.parse({ ...valid, tagline: '第二位', baseUpdatedAt: opened.updatedAt })), 409);
    expect(await state()).toEqual(before);
    expect((await getSiteSettings(db)).tagline).toBe('第一位');
  });

  it('refuses a menu row whose local address answers nothing, naming the row; addresses of sections, tags and routes pass', async () => {
    const opened = await getSettingsForEdit(db);
    const before = await state();
    const nav = [
      { label: '新闻', href: '/news' },
      { label: '搜索', href: '/search?q=x' },
      { label: '不存在', href: '/no-such-page' },
    ];
    const refused = await expectActionError(saveSettings(db, staff.admin, settingsInput.parse({ ...valid, nav, baseUpdatedAt: opened.updatedAt })), 422);
    expect(refused.fieldMessages?.nav?.[0]).toEqual({ code: 'navHrefUnknown', params: { row: 3, href: '/no-such-page' } });
    expect(await state()).toEqual(before);
    expect((await listNavTargets(db)).map((t) => t.href)).toContain('/news');
  });

  it('a row saved before keeps working when its section goes, so unrelated changes still save', async () => {
    const gone = await createSection(db, staff.admin, sectionInput.parse({ title: '短期栏目', slug: 'short-lived' }));
    let opened = await getSettingsForEdit(db);
    await saveSettings(db, staff.admin, settingsInput.parse({ ...valid, nav: [...valid.nav, { label: '短期', href: '/short-lived' }], baseUpdatedAt: opened.updatedAt }));
    await deleteSection(db, staff.admin, gone.id);
    opened = await getSettingsForEdit(db);
    await saveSettings(db, staff.admin, settingsInput.parse({ ...valid, tagline: '改了口号', nav: [...valid.nav, { label: '短期', href: '/short-lived' }], baseUpdatedAt: opened.updatedAt }));
    expect((await getSiteSettings(db)).tagline).toBe('改了口号');
  });

  it('filters the audit log by actor and entity', async () => {
    const mine = await listAudit(db, { limit: 50, actorId: staff.admin.id });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actorName === adminName)).toBe(true);
    expect(await listAudit(db, { limit: 50, actorId: staff.editor.id })).toEqual([]);
    expect(await listAudit(db, { limit: 50, entityType: 'page' })).toEqual([]);
  });
});
