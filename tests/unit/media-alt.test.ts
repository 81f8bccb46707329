import { describe, expect, it } from 'vitest';
import { imageAltsByMedia, isRemoteImageSrc, withMediaAlt } from '@/domain/media/alt';
import type { RichTextDoc } from '@/domain/rich-text/schema';

const image = (mediaId: number | null, alt: string, src = '/media/a/original.png') => ({ type: 'image', attrs: { src, alt, caption: '', mediaId } });
const doc: RichTextDoc = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Text' }] },
    image(7, ''),
    { type: 'blockquote', content: [image(7, 'Quoted alt'), image(8, 'Other')] },
    image(null, 'Hot-linked', 'https://mmbiz.qpic.cn/x/640?wx_fmt=png'),
  ],
};

describe('one alt text per library image', () => {
  it('reads the first non-empty alt of each library image, nested ones included', () => {
    expect([...imageAltsByMedia(doc)]).toEqual([
      [7, 'Quoted alt'],
      [8, 'Other'],
    ]);
  });

  it('rewrites every image of one library item and nothing else', () => {
    const next = withMediaAlt(doc, 7, 'New');
    expect(next).not.toBe(doc);
    expect(imageAltsByMedia(next).get(7)).toBe('New');
    expect(imageAltsByMedia(next).get(8)).toBe('Other');
    expect(next.content[0]).toBe(doc.content[0]);
    expect(JSON.stringify(next)).not.toContain('Quoted alt');
  });

  it('hands back the same document when nothing differs', () => {
    const once = withMediaAlt(doc, 8, 'Other');
    expect(once).toBe(doc);
  });

  it('tells remote image addresses from this site’s', () => {
    expect(isRemoteImageSrc('https://mmbiz.qpic.cn/x/640?wx_fmt=png', 'https://news.example')).toBe(true);
    expect(isRemoteImageSrc('/media/a/original.png', 'https://news.example')).toBe(false);
    expect(isRemoteImageSrc('https://news.example/media/a.png', 'https://news.example')).toBe(false);
    expect(isRemoteImageSrc('data:image/png;base64,AAAA')).toBe(false);
  });
});
