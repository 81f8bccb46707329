import { describe, expect, it } from 'vitest';
import { richTextToPlainText } from '@/domain/rich-text/render';
import type { RichTextDoc } from '@/domain/rich-text/schema';
import { diffSnapshots, diffText, snapshotTexts, type SnapshotLike } from '@/domain/revision-diff';

const doc = (...paragraphs: string[]): RichTextDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const base: SnapshotLike = {
  title: 'City council approves budget',
  subtitle: '',
  excerpt: 'The vote was close.',
  body: doc('First paragraph.', 'Second paragraph.'),
  sectionId: 1,
  tagNames: ['politics'],
  authorIds: [7],
  byline: '',
  source: '',
  coverImageUrl: null,
  coverImageAlt: '',
  slug: 'budget',
  seoTitle: '',
  seoDescription: '',
};

const resolvers = {
  bodyText: richTextToPlainText,
  sectionName: (id: number) => ({ 1: 'News', 2: 'Sport' })[id],
  authorName: (id: number) => ({ 7: 'Li Wei' })[id],
};

const joined = (parts: { value: string; kind: string }[], kind: string) =>
  parts
    .filter((p) => p.kind === kind)
    .map((p) => p.value)
    .join('');

describe('diffText', () => {
  it('marks inserted and deleted English words', () => {
    const parts = diffText('the quick fox', 'the slow fox');
    expect(joined(parts, 'removed')).toBe('quick');
    expect(joined(parts, 'added')).toBe('slow');
    expect(joined(parts, 'same')).toContain('the');
  });

  it('diffs Chinese text character by character', () => {
    const parts = diffText('今天下雨', '昨天下雨');
    expect(joined(parts, 'removed')).toBe('今');
    expect(joined(parts, 'added')).toBe('昨');
    expect(joined(parts, 'same')).toBe('天下雨');
  });

  it('returns nothing for two empty strings and one run for equal strings', () => {
    expect(diffText('', '')).toEqual([]);
    expect(diffText('same', 'same')).toEqual([{ value: 'same', kind: 'same' }]);
  });

  it('shows old and new text whole when the edit is too large to diff', () => {
    const before = Array.from({ length: 6000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 6000 }, (_, i) => `b${i}`).join(' ');
    expect(diffText(before, after)).toEqual([
      { value: before, kind: 'removed' },
      { value: after, kind: 'added' },
    ]);
  });

  it('reconstructs both sides from the parts', () => {
    const before = 'Alpha beta gamma. 第一段。';
    const after = 'Alpha delta gamma! 第二段。';
    const parts = diffText(before, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.value).join('')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.value).join('')).toBe(after);
  });
});

describe('diffSnapshots', () => {
  it('reports no change for identical snapshots', () => {
    expect(diffSnapshots(base, { ...base }, resolvers).filter((d) => d.changed)).toEqual([]);
  });

  it('names each changed field and diffs the body as plain text', () => {
    const after: SnapshotLike = { ...base, title: 'City council rejects budget', body: doc('First paragraph.', 'Third paragraph.'), sectionId: 2 };
    const changed = diffSnapshots(base, after, resolvers).filter((d) => d.changed);
    expect(changed.map((d) => d.field)).toEqual(['title', 'body', 'sectionId']);
    const body = changed.find((d) => d.field === 'body')!;
    expect(joined(body.parts, 'removed')).toBe('Second');
    expect(joined(body.parts, 'added')).toBe('Third');
    const section = changed.find((d) => d.field === 'sectionId')!;
    expect([section.before, section.after]).toEqual(['News', 'Sport']);
  });

  it('flags a formatting-only body change', () => {
    const bold: RichTextDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First paragraph.', marks: [{ type: 'bold' }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Second paragraph.' }] },
      ],
    };
    const body = diffSnapshots(base, { ...base, body: bold }, resolvers).find((d) => d.field === 'body')!;
    expect(body).toMatchObject({ changed: true, formattingOnly: true, parts: [] });
  });

  it('falls back to #id for unknown sections and authors', () => {
    const texts = snapshotTexts({ ...base, sectionId: 99, authorIds: [7, 8] }, resolvers);
    expect(texts.sectionId).toBe('#99');
    expect(texts.authorIds).toBe('Li Wei, #8');
  });

  it('compares tags and a cleared cover image as text', () => {
    const after = { ...base, tagNames: ['politics', 'budget'], coverImageUrl: null };
    const before = { ...base, coverImageUrl: 'https://example.com/a.jpg' };
    const changed = diffSnapshots(before, after, resolvers).filter((d) => d.changed);
    expect(changed.map((d) => d.field)).toEqual(['tagNames', 'coverImageUrl']);
    expect(changed[1]!.after).toBe('');
  });

  it('compares language and library cover only when both versions record them', () => {
    const older = { ...base }; // snapshots from before these fields existed
    const newer = { ...base, locale: 'en', coverMediaId: 5 };
    expect(diffSnapshots(older, newer, resolvers).filter((d) => d.changed)).toEqual([]);
    const changed = diffSnapshots({ ...base, locale: 'zh-CN', coverMediaId: null }, newer, resolvers).filter((d) => d.changed);
    expect(changed.map((d) => [d.field, d.before, d.after])).toEqual([
      ['coverMediaId', '', '#5'],
      ['locale', 'zh-CN', 'en'],
    ]);
  });
});
