import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { getSensitiveWordRule, saveSensitiveWords } from '@/db/queries/admin/sensitive-words';
import { auditLog } from '@/db/schema';
import { testFileDatabase } from '../fixtures/database';
import { articleRow, doc, edit, expectActionError, expectRefusedUnchanged, makeArticle, sectionIdBySlug } from './admin-helpers';

/** Issue 13: the sensitive-word list (敏感词), kept by administrators, checked on submit, publish and saving a live story. */

const { db, staff } = await testFileDatabase({ staffPrefix: 'sens', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');
const admin = { ...staff.admin, ip: '198.51.100.4' };

describe('the list', () => {
  it('is replaced as a whole from text, folded and deduplicated, with whether it blocks; audited with what was added and removed', async () => {
    await saveSensitiveWords(db, admin, { text: '赌博\n代开发票\nＶＰＮ\nvpn', block: false });
    expect(await getSensitiveWordRule(db)).toMatchObject({ words: expect.arrayContaining(['vpn', '代开发票', '赌博']), block: false });
    expect((await getSensitiveWordRule(db)).words).toHaveLength(3);
    await saveSensitiveWords(db, admin, { text: '赌博\n翻墙', block: true });
    expect([...(await getSensitiveWordRule(db)).words].sort()).toEqual(['翻墙', '赌博'].sort());
    expect((await getSensitiveWordRule(db)).block).toBe(true);
    const [last] = await db.select().from(auditLog).where(eq(auditLog.action, 'settings.sensitive-words')).orderBy(auditLog.id).limit(1).offset(1);
    expect(last?.data).toMatchObject({ count: 2, added: ['翻墙'], removed: expect.arrayContaining(['vpn', '代开发票']), block: true });
  });

  it('is the administrators’ (403 for an editor); too long a word is a 422 naming it, and nothing changes', async () => {
    const before = await getSensitiveWordRule(db);
    await expectActionError(saveSensitiveWords(db, { ...staff.editor, ip: '198.51.100.4' }, { text: '', block: false }), 403);
    const refused = await expectActionError(saveSensitiveWords(db, admin, { text: `正常\n${'长'.repeat(51)}`, block: false }), 422);
    expect(refused.fieldMessages?.words?.[0]).toMatchObject({ code: 'sensitiveWordTooLong', params: { max: 50 } });
    expect(await getSensitiveWordRule(db)).toEqual(before);
  });
});

describe('the check', () => {
  it('blocking: submitting or publishing a story with a listed word anywhere (title, body) is a 422 on the body naming the words; nothing changes', async () => {
    await saveSensitiveWords(db, admin, { text: '赌博\n代开发票', block: true });
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId, title: '可以代开发票吗', body: doc('文中提到赌博。') });
    const refused = await expectRefusedUnchanged(db, id, () => transitionArticle(db, staff.author, id, 'submit'), 422);
    const [message] = refused.fieldMessages?.body ?? [];
    expect(message).toMatchObject({ code: 'checkSensitiveWords', params: { count: 2 } });
    expect(String(message?.params?.words).split('、').sort()).toEqual(['代开发票', '赌博'].sort());
    await expectRefusedUnchanged(db, id, () => transitionArticle(db, staff.editor, id, 'publish'), 422);
    // Cleaned: it goes through.
    await edit(db, staff.author, id, { title: '一篇干净的稿件', body: doc('没有问题。') });
    await transitionArticle(db, staff.editor, id, 'publish');
    expect((await articleRow(db, id)).status).toBe('published');
    // A live story cannot take one in on a later save either.
    await expectRefusedUnchanged(db, id, () => edit(db, staff.editor, id, { body: doc('更新：涉及赌博。') }), 422);
  });

  it('warning only: the story goes through', async () => {
    await saveSensitiveWords(db, admin, { text: '赌博', block: false });
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId, body: doc('文中提到赌博。') });
    await transitionArticle(db, staff.editor, id, 'publish');
    expect((await articleRow(db, id)).status).toBe('published');
    await saveSensitiveWords(db, admin, { text: '', block: false });
  });
});
