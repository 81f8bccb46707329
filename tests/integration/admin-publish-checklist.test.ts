import { describe, expect, it } from 'vitest';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle, saveArticle } from '@/db/queries/admin/article-write';
import { translateRefusal } from '@/domain/i18n/server-messages';
import type { RichTextDoc } from '@/domain/rich-text/schema';
import { testFileDatabase } from '../fixtures/database';
import { articleRow, edit, expectRefusedUnchanged, formValues, input, sectionIdBySlug } from './admin-helpers';

// Issue 13/15: a draft always saves; the publish checklist refuses what readers must not get,
// with the list of what is missing, and nothing changes until it is fixed.

const { db, staff } = await testFileDatabase({ staffPrefix: 'chk', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');

function bodyWith(alt: string, link?: { href: string; text: string }): RichTextDoc {
  const content: RichTextDoc['content'] = [
    { type: 'paragraph', content: [{ type: 'text', text: 'Opening line.' }] },
    { type: 'image', attrs: { src: '/media/pasted.jpg', alt } },
  ];
  if (link) content.push({ type: 'paragraph', content: [{ type: 'text', text: link.text, marks: [{ type: 'link', attrs: { href: link.href } }] }] });
  return { type: 'doc', content };
}

describe('a draft always saves; publishing checks', () => {
  it('a draft with a pasted image without alt text is created, saved and autosaved', async () => {
    const { id } = await createArticle(db, staff.author, input({ title: 'Pasted photo', sectionId, body: bodyWith('') }));
    await edit(db, staff.author, id, { subtitle: 'still typing' }, { autosave: true });
    await edit(db, staff.author, id, { title: 'Pasted photo, saved' });
    const row = await articleRow(db, id);
    expect(row.title).toBe('Pasted photo, saved');
    expect(row.status).toBe('draft');
  });

  it('publishing it is refused with the list (as codes, in either language) and nothing changes; once fixed it publishes', async () => {
    const { id } = await createArticle(db, staff.editor, input({ title: 'Needs fixing', sectionId, body: bodyWith('', { href: '', text: 'see here' }), coverImageUrl: 'https://example.com/c.jpg' }));
    const error = await expectRefusedUnchanged(db, id, () => transitionArticle(db, staff.editor, id, 'publish'), 422);
    expect(error.reason).toEqual({ code: 'publishChecklistFailed', params: { count: 3 } });
    expect(error.fieldMessages).toEqual({
      coverImageAlt: [{ code: 'checkCoverAlt' }],
      body: [
        { code: 'imagesNeedAlt', params: { missing: 1 } },
        { code: 'checkLinks', params: { count: 1 } },
      ],
    });
    expect(error.details).toEqual({ checklist: ['checkCoverAlt', 'imagesNeedAlt', 'checkLinks'] });
    const zh = translateRefusal('zh-CN', error);
    expect(zh.error).toBe('发布前还有 3 项需要处理。');
    expect(zh.fieldErrors.body).toEqual(['每张图片都需要替代文字（缺少 1 处）。', '有 1 个链接缺少地址或文字。']);

    // Scheduling is the same publish, later.
    await expectRefusedUnchanged(db, id, () => transitionArticle(db, staff.editor, id, 'schedule', { publishAt: new Date(Date.now() + 86_400_000) }), 422);

    await edit(db, staff.editor, id, { body: bodyWith('A pasted photo', { href: 'https://example.com/', text: 'see here' }), coverImageAlt: 'The cover' });
    const published = await transitionArticle(db, staff.editor, id, 'publish');
    expect(published.status).toBe('published');
  });

  it('an author submitting for review meets the same checklist; a long description only warns', async () => {
    const long = '长'.repeat(200);
    const { id } = await createArticle(db, staff.author, input({ title: 'For review', sectionId, body: bodyWith(''), seoDescription: long }));
    const error = await expectRefusedUnchanged(db, id, () => transitionArticle(db, staff.author, id, 'submit'), 422);
    expect(Object.keys(error.fieldMessages ?? {})).toEqual(['body']);
    await edit(db, staff.author, id, { body: bodyWith('Alt text') });
    expect((await transitionArticle(db, staff.author, id, 'submit')).status).toBe('in_review');
  });

  it('a save of a live story that would break the checklist is refused, and the story stays as it was', async () => {
    const { id } = await createArticle(db, staff.editor, input({ title: 'Live story', sectionId, body: bodyWith('Alt') }));
    await transitionArticle(db, staff.editor, id, 'publish');
    const { version, values } = await formValues(db, staff.editor, id);
    const error = await expectRefusedUnchanged(db, id, () => saveArticle(db, staff.editor, id, version, { ...values, body: bodyWith('') }), 422);
    expect(error.code).toBe('publishChecklistFailed');
  });
});
