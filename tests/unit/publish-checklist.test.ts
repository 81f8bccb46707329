import { describe, expect, it } from 'vitest';
import { blockingFailures, publishChecklist, type ChecklistInput } from '@/domain/publishing/checklist';

const base: ChecklistInput = {
  sectionId: 3,
  coverImageUrl: null,
  coverMediaId: null,
  coverImageAlt: '',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] },
  excerpt: '',
  seoDescription: null,
  title: 'A story',
  subtitle: '',
};

const failing = (input: Partial<ChecklistInput>) =>
  publishChecklist({ ...base, ...input })
    .filter((item) => !item.ok)
    .map((item) => item.code);

const link = (href: unknown, text: string) => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }] });

describe('publishChecklist', () => {
  it('passes a plain story, and lists every item in a fixed order', () => {
    const items = publishChecklist(base);
    expect(items.map((i) => i.code)).toEqual(['checkSection', 'checkCoverAlt', 'imagesNeedAlt', 'checkLinks', 'checkDescriptionLength']);
    expect(items.every((i) => i.ok)).toBe(true);
  });

  it('flags a story with no section chosen', () => {
    expect(failing({ sectionId: null })).toEqual(['checkSection']);
  });

  it('asks for cover alt text only when there is a cover (an address or a library image)', () => {
    expect(failing({ coverImageAlt: '' })).toEqual([]);
    expect(failing({ coverImageUrl: 'https://example.com/a.jpg' })).toEqual(['checkCoverAlt']);
    expect(failing({ coverMediaId: 7, coverImageAlt: '  ' })).toEqual(['checkCoverAlt']);
    expect(failing({ coverMediaId: 7, coverImageAlt: '封面' })).toEqual([]);
  });

  it('counts body images without alt text, nested ones included', () => {
    const body = { type: 'doc', content: [{ type: 'image', attrs: { alt: '' } }, { type: 'blockquote', content: [{ type: 'figure', attrs: {} }, { type: 'image', attrs: { alt: 'ok' } }] }] };
    const item = publishChecklist({ ...base, body }).find((i) => i.code === 'imagesNeedAlt')!;
    expect(item).toMatchObject({ ok: false, blocking: true, params: { missing: 2 } });
  });

  it('flags links with no address, an unsafe one, or blank text', () => {
    const body = { type: 'doc', content: [link('', 'empty'), link('javascript:alert(1)', 'unsafe'), link('https://example.com', '  '), link('/about', 'fine'), link('https://example.com', 'fine')] };
    expect(publishChecklist({ ...base, body }).find((i) => i.code === 'checkLinks')).toMatchObject({ ok: false, params: { count: 3 } });
  });

  it('warns, without blocking, about a description longer than search results show (counted in characters)', () => {
    const items = publishChecklist({ ...base, seoDescription: '字'.repeat(161) });
    expect(items.find((i) => i.code === 'checkDescriptionLength')).toMatchObject({ ok: false, blocking: false, params: { length: 161, max: 160 } });
    expect(blockingFailures(items)).toEqual([]);
    expect(failing({ seoDescription: '字'.repeat(160) })).toEqual([]);
    // Without an SEO description, the excerpt is what search engines get.
    expect(failing({ excerpt: 'x'.repeat(200) })).toEqual(['checkDescriptionLength']);
  });

  it('treats a body that is not a document as one with nothing to check', () => {
    expect(failing({ body: null })).toEqual([]);
  });
});
