import type { Database } from '@/db/client';
import { deleteMedia } from '@/db/queries/admin/media';
import { mediaStorage } from './storage';

/**
 * Deletes a library image: the row in the DAL (refused while anything uses it), then its files.
 * Files go after the commit, so a refusal or a failed transaction never loses an image; a file left
 * behind by a storage error costs space, not a broken page.
 */
export async function removeMedia(db: Database, actorId: number, id: number): Promise<{ invalidate: string[] }> {
  const { invalidate, storageKey } = await deleteMedia(db, actorId, id);
  await mediaStorage().deletePrefix(storageKey).catch(() => {});
  return { invalidate };
}
