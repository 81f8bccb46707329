import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mediaStorage } from '../media/storage';
import { DOCUMENT_MIME, type DocumentKind } from '../../domain/media/document-kind';

// Media files beside the export: `site.media/<storage key>`, the same layout as the local storage,
// so a folder can also be copied by hand (rsync) into DATA_DIR/media or a bucket.

export interface MediaFileRef {
  storageKey: string;
  mimeType: string;
  variants: { key: string; format?: string }[];
}

/** A story's file for download: one object. */
export interface AttachmentFileRef {
  storageKey: string;
  kind: DocumentKind;
}

/** Every stored object of a media item (the original, named as renderInfoOf names it, and its variants) or of an attachment. */
export function objectsOf(item: MediaFileRef | AttachmentFileRef): { key: string; contentType: string }[] {
  if ('kind' in item) return [{ key: item.storageKey, contentType: DOCUMENT_MIME[item.kind] }];
  const ext = item.mimeType === 'image/jpeg' ? 'jpg' : item.mimeType.split('/')[1];
  const all = [{ key: `${item.storageKey}/original.${ext}`, contentType: item.mimeType }];
  for (const v of item.variants) all.push({ key: v.key, contentType: `image/${v.format ?? 'jpeg'}` });
  return [...new Map(all.map((o) => [o.key, o])).values()];
}

/** A key as a path under `dir`; keys are checked by the record schema, this is the second guard. */
function inside(dir: string, key: string): string {
  const root = path.resolve(dir);
  const file = path.resolve(root, key);
  if (!file.startsWith(root + path.sep)) throw new Error(`Storage key escapes the media folder: ${key}`);
  return file;
}

/** Copies an item's objects from the storage into `dir`; returns how many were written and missing. */
export async function saveMediaFiles(dir: string, item: MediaFileRef | AttachmentFileRef): Promise<{ written: number; missing: number }> {
  const storage = mediaStorage();
  let written = 0;
  let missing = 0;
  for (const { key } of objectsOf(item)) {
    const object = await storage.get(key);
    if (!object) {
      missing++;
      continue;
    }
    const file = inside(dir, key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await pipeline(object.body, fs.createWriteStream(file));
    written++;
  }
  return { written, missing };
}

/**
 * Puts an item's files from `dir` into the storage. An object the storage already holds is left
 * alone (restoring into the same media folder) and is not among the keys returned: only those are
 * removed again if the import fails.
 */
export async function restoreMediaFiles(dir: string, item: MediaFileRef | AttachmentFileRef): Promise<{ written: string[]; present: number; missing: number }> {
  const storage = mediaStorage();
  const written: string[] = [];
  let present = 0;
  let missing = 0;
  for (const { key, contentType } of objectsOf(item)) {
    const existing = await storage.get(key);
    if (existing) {
      existing.body.destroy();
      present++;
      continue;
    }
    const file = inside(dir, key);
    if (!fs.existsSync(file)) {
      missing++;
      continue;
    }
    await storage.put(key, await fs.promises.readFile(file), contentType);
    written.push(key);
  }
  return { written, present, missing };
}
