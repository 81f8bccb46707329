import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import type { MediaVariant } from '@/db/schema/media';
import { config } from '../../domain/config.mjs';
import { ActionError } from '../../domain/errors';
import type { ImageKind } from '../../domain/media/detect';

/** Widths readers' browsers choose from (srcset); never upscaled. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;
export const OG_SIZE = { width: 1200, height: 630 } as const;

/** Read from the configuration when used (MEDIA_MAX_BYTES, MEDIA_MAX_PIXELS), not at import. */
export const MEDIA_LIMITS = {
  get maxBytes(): number {
    return config().MEDIA_MAX_BYTES;
  },
  /** Decoding stops beyond this many pixels: a small file claiming 50000×50000 is refused. */
  get maxPixels(): number {
    return config().MEDIA_MAX_PIXELS;
  },
  maxSide: 12_000,
};

export interface ProcessedObject {
  suffix: string;
  buffer: Buffer;
  contentType: string;
  variant: Omit<MediaVariant, 'key'> | null;
}

export interface ProcessedImage {
  width: number;
  height: number;
  mimeType: string;
  objects: ProcessedObject[];
}

const EXT: Record<ImageKind, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif' };

function encode(pipeline: Sharp, kind: ImageKind): Sharp {
  switch (kind) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 82, mozjpeg: true });
    case 'png':
      return pipeline.png({ compressionLevel: 9 });
    case 'webp':
      return pipeline.webp({ quality: 80 });
    case 'gif':
      return pipeline.gif();
    case 'avif':
      return pipeline.avif({ quality: 55, effort: 2 });
  }
}

/**
 * Re-encodes an upload (dropping EXIF, GPS and any trailing payload), auto-rotates it, and makes
 * WebP widths for srcset plus a 1200×630 crop for og:image. Reads from a file, not from memory.
 */
export async function processImage(input: string | Buffer, kind: ImageKind): Promise<ProcessedImage> {
  const options: SharpOptions = { limitInputPixels: MEDIA_LIMITS.maxPixels, failOn: 'truncated', animated: kind === 'gif' };
  let meta: Metadata;
  try {
    meta = await sharp(input, options).metadata();
  } catch (error) {
    throw new ActionError(422, { code: 'imageUnreadable', params: { detail: String((error as Error).message).slice(0, 120) } });
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.pageHeight ?? meta.height ?? 0;
  if (!width || !height) throw new ActionError(422, { code: 'imageNoDimensions' });
  if (width > MEDIA_LIMITS.maxSide || height > MEDIA_LIMITS.maxSide || width * height > MEDIA_LIMITS.maxPixels) {
    throw new ActionError(422, { code: 'imageTooLarge', params: { width, height, maxSide: MEDIA_LIMITS.maxSide, megapixels: MEDIA_LIMITS.maxPixels / 1e6 } });
  }
  const base = () => sharp(input, options).rotate();
  try {
    const objects: ProcessedObject[] = [];
    const original = await encode(base(), kind).toBuffer();
    objects.push({ suffix: `original.${EXT[kind]}`, buffer: original, contentType: `image/${kind}`, variant: null });
    const widths = VARIANT_WIDTHS.filter((w) => w < width);
    // WebP for browsers that take it (<source type>), and the same widths in a fallback format
    // for the <img srcset>: PNG where the image has transparency, JPEG otherwise.
    const fallback: 'png' | 'jpeg' = meta.hasAlpha ? 'png' : 'jpeg';
    for (const w of [...widths, Math.min(width, 1920)]) {
      for (const format of ['webp', fallback] as const) {
        const resized = base().resize({ width: w, withoutEnlargement: true });
        const out = await (format === 'webp' ? resized.webp({ quality: 78 }) : format === 'png' ? resized.png({ compressionLevel: 9 }) : resized.jpeg({ quality: 80, mozjpeg: true })).toBuffer({ resolveWithObject: true });
        const ext = format === 'jpeg' ? 'jpg' : format;
        objects.push({
          suffix: `w${out.info.width}.${ext}`,
          buffer: out.data,
          contentType: `image/${format}`,
          variant: { width: out.info.width, height: out.info.height, format, bytes: out.data.length },
        });
      }
    }
    const og = await base().resize({ ...OG_SIZE, fit: 'cover', position: 'attention' }).flatten({ background: '#ffffff' }).jpeg({ quality: 82 }).toBuffer();
    objects.push({ suffix: 'og.jpg', buffer: og, contentType: 'image/jpeg', variant: { ...OG_SIZE, format: 'jpeg', bytes: og.length, role: 'og' } });
    const unique = new Map(objects.map((o) => [o.suffix, o]));
    return { width, height, mimeType: `image/${kind}`, objects: [...unique.values()] };
  } catch (error) {
    if (error instanceof ActionError) throw error;
    throw new ActionError(422, { code: 'imageUnprocessable', params: { detail: String((error as Error).message).slice(0, 120) } });
  }
}
