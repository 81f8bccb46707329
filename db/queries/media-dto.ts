import type { media, MediaVariant } from '../schema';
import { mediaUrl } from '../../domain/media/names';

/** A library image as the admin and the editor receive it. */
export interface MediaDTO {
  id: number;
  url: string;
  /** The smallest WebP width (320 px, or the original when smaller): for pickers and lists. */
  thumbUrl: string;
  width: number;
  height: number;
  mimeType: string;
  bytes: number;
  alt: string;
  caption: string;
  originalName: string;
  variants: MediaVariant[];
  createdAt: string;
}


function thumbOf(variants: MediaVariant[]): string | null {
  const smallest = variants.filter((v) => v.format === 'webp' && v.role !== 'og').sort((a, b) => a.width - b.width)[0];
  return smallest ? mediaUrl(smallest.key) : null;
}

export function toMediaDTO(row: typeof media.$inferSelect): MediaDTO {
  const original = `${row.storageKey}/original.${row.mimeType.split('/')[1] === 'jpeg' ? 'jpg' : row.mimeType.split('/')[1]}`;
  return {
    id: row.id,
    url: mediaUrl(original),
    thumbUrl: thumbOf(row.variants) ?? mediaUrl(original),
    width: row.width,
    height: row.height,
    mimeType: row.mimeType,
    bytes: row.bytes,
    alt: row.alt,
    caption: row.caption,
    originalName: row.originalName,
    variants: row.variants,
    createdAt: row.createdAt.toISOString(),
  };
}
