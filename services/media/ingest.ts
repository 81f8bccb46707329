import fs from 'node:fs';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { media, type MediaVariant } from '@/db/schema';
import { detectImageKind } from '../../domain/media/detect';
import { displayName, newStorageKey } from '../../domain/media/names';
import { toMediaDTO, type MediaDTO } from '@/db/queries/media-dto';
import { processImage } from './process';
import { mediaStorage } from './storage';
import { ActionError } from '../../domain/errors';

async function readHead(file: string | Buffer): Promise<Uint8Array> {
  if (Buffer.isBuffer(file)) return file.subarray(0, 64);
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(64);
    const { bytesRead } = await handle.read(buffer, 0, 64, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Turns a received file into a media item in two phases: a 'pending' row names the storage prefix
 * before any object is written, and only a complete set of objects flips it to 'ready'. A crash in
 * between leaves a pending row that the sweeper removes with its objects.
 */
export async function ingestImage(
  db: Database,
  input: { file: string | Buffer; bytes: number; originalName: string; uploadedById: number | null; alt?: string; caption?: string },
): Promise<MediaDTO> {
  if (input.bytes === 0) throw new ActionError(400, { code: 'fileEmpty' });
  const head = await readHead(input.file);
  const kind = detectImageKind(head);
  if (!kind) {
    const text = Buffer.from(head).toString('utf8').trimStart().toLowerCase();
    const svg = text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('svg'));
    throw new ActionError(415, svg ? 'SVG files are not accepted: upload a PNG, JPEG, WebP, GIF or AVIF.' : 'This is not a supported image (JPEG, PNG, WebP, GIF or AVIF), whatever its name says.');
  }
  const storageKey = newStorageKey();
  const [row] = await db
    .insert(media)
    .values({ storageKey, status: 'pending', originalName: displayName(input.originalName), mimeType: `image/${kind}`, bytes: input.bytes, uploadedById: input.uploadedById, alt: input.alt ?? '', caption: input.caption ?? '' })
    .returning({ id: media.id });
  const storage = mediaStorage();
  try {
    const processed = await processImage(input.file, kind);
    for (const object of processed.objects) {
      const key = `${storageKey}/${object.suffix}`;
      await storage.put(key, object.buffer, object.contentType);
    }
    const variants: MediaVariant[] = processed.objects
      .filter((o) => o.variant)
      .map((o) => ({ ...o.variant!, key: `${storageKey}/${o.suffix}` }));
    const [ready] = await db
      .update(media)
      .set({ status: 'ready', width: processed.width, height: processed.height, variants, updatedAt: new Date() })
      .where(eq(media.id, row!.id))
      .returning();
    return toMediaDTO(ready!);
  } catch (error) {
    await storage.deletePrefix(storageKey).catch(() => {});
    await db.delete(media).where(eq(media.id, row!.id));
    throw error;
  }
}

/** Removes what an interrupted upload left: pending rows older than `olderThanMs`, and their objects. */
export async function sweepPendingMedia(db: Database, olderThanMs = 3_600_000): Promise<number> {
  const stale = await db
    .select({ id: media.id, storageKey: media.storageKey })
    .from(media)
    .where(and(eq(media.status, 'pending'), lt(media.createdAt, new Date(Date.now() - olderThanMs))));
  const storage = mediaStorage();
  for (const item of stale) {
    await storage.deletePrefix(item.storageKey).catch(() => {});
    await db.delete(media).where(eq(media.id, item.id));
  }
  return stale.length;
}
