import type { RichTextDoc, RichTextNode } from '../rich-text/schema';
import { mediaUrl } from './names';

/** One stored rendition of a library image (the `media.variants` column). */
export interface MediaVariant {
  width: number;
  height: number;
  format: 'webp' | 'avif' | 'jpeg' | 'png' | 'gif';
  key: string;
  bytes: number;
  /** 'og' marks the 1200×630 social-card crop; width variants have none. */
  role?: 'og';
}

/** What the renderer needs to give an image its responsive sources. */
export interface MediaRenderInfo {
  src: string;
  width: number;
  height: number;
  webpSrcset: string;
  /** The same widths in JPEG or PNG, for browsers without WebP. */
  fallbackSrcset: string;
  og: string | null;
}

export function renderInfoOf(row: { storageKey: string; mimeType: string; width: number; height: number; variants: MediaVariant[] }): MediaRenderInfo {
  const ext = row.mimeType === 'image/jpeg' ? 'jpg' : row.mimeType.split('/')[1];
  const widths = row.variants.filter((v) => v.role !== 'og').sort((a, b) => a.width - b.width);
  const srcset = (list: MediaVariant[]) => list.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(', ');
  const og = row.variants.find((v) => v.role === 'og');
  return {
    src: mediaUrl(`${row.storageKey}/original.${ext}`),
    width: row.width,
    height: row.height,
    webpSrcset: srcset(widths.filter((v) => v.format === 'webp')),
    fallbackSrcset: srcset(widths.filter((v) => v.format !== 'webp')),
    og: og ? mediaUrl(og.key) : null,
  };
}

export function collectMediaIds(doc: RichTextDoc): number[] {
  const ids = new Set<number>();
  const walk = (node: RichTextNode) => {
    const id = Number(node.attrs?.mediaId);
    if ((node.type === 'image' || node.type === 'figure') && Number.isInteger(id) && id > 0) ids.add(id);
    node.content?.forEach(walk);
  };
  doc.content?.forEach(walk);
  return [...ids];
}
