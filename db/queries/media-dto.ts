import type { media, MediaVariant } from '../schema';
import { mediaUrl } from '../../domain/media/names';

/** A library image as the admin and the editor receive it. */
export interface MediaDTO {
  id: number;
  url: string;
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


export function toMediaDTO(row: typeof media.$inferSelect): MediaDTO {
  const original = `${row.storageKey}/original.${row.mimeType.split('/')[1] === 'jpeg' ? 'jpg' : row.mimeType.split('/')[1]}`;
  return {
    id: row.id,
    url: mediaUrl(original),
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
