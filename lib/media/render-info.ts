import { inArray, and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { media, type MediaVariant } from '@/db/schema';
import type { RichTextDoc, RichTextNode } from '../rich-text/schema';
import { mediaUrl } from './names';

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

export async function loadMediaRenderInfo(db: Database, ids: number[]): Promise<Map<number, MediaRenderInfo>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: media.id, storageKey: media.storageKey, mimeType: media.mimeType, width: media.width, height: media.height, variants: media.variants })
    .from(media)
    .where(and(inArray(media.id, ids), eq(media.status, 'ready')));
  return new Map(rows.map((r) => [r.id, renderInfoOf(r)]));
}
