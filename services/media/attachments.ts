import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { getDb } from '@/db/client';
import { addAttachment, assertMayAttach, removeAttachment, type AttachmentDTO } from '@/db/queries/admin/attachments';
import type { StaffActor } from '@/db/queries/admin/sections';
import { config } from '../../domain/config.mjs';
import { ActionError } from '../../domain/errors';
import { detectDocumentKind, DOCUMENT_MIME, downloadName, zipEntryNames } from '../../domain/media/document-kind';
import { displayName, fileNameFromHeader } from '../../domain/media/names';
import { invalidateTags } from '../cache-invalidation';
import { receiveToTempFile } from './receive';
import { mediaStorage } from './storage';

/** How much of a ZIP's end is read for its directory: an Office file's is a few kilobytes. */
const ZIP_TAIL_BYTES = 256 * 1024;

async function readRange(file: string, position: number, length: number): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const storageKeyFor = (kind: string, now = new Date()) => `attachments/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${crypto.randomUUID()}.${kind}`;

/**
 * One file for a story's downloads, from a request body (`X-File-Name` carries the percent-encoded
 * name): may this actor change the story (checked before the body is read), the declared and the
 * real size under ATTACHMENT_MAX_BYTES, the kind from the bytes (415 otherwise), stored under a key
 * of ours, then listed in the story in a transaction that checks again; a refusal there removes
 * the stored file.
 */
export async function uploadAttachment(request: Request, actor: StaffActor, articleId: number): Promise<AttachmentDTO> {
  const db = await getDb();
  await assertMayAttach(db, actor, articleId);
  const maxBytes = config().ATTACHMENT_MAX_BYTES;
  const mb = Math.round(maxBytes / 1024 / 1024);
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw new ActionError(413, { code: 'fileTooLarge', params: { mb } });
  const name = displayName(fileNameFromHeader(request.headers.get('x-file-name')), 'file');
  const received = await receiveToTempFile(request.body, maxBytes);
  try {
    if (received.bytes === 0) throw new ActionError(400, { code: 'fileEmpty' });
    const head = await readRange(received.file, 0, 1024);
    const tail = await readRange(received.file, Math.max(0, received.bytes - ZIP_TAIL_BYTES), Math.min(received.bytes, ZIP_TAIL_BYTES));
    const kind = detectDocumentKind(head, zipEntryNames(tail), name);
    if (!kind) throw new ActionError(415, { code: 'attachmentNotAccepted' });
    const storageKey = storageKeyFor(kind);
    await mediaStorage().put(storageKey, await fs.promises.readFile(received.file), DOCUMENT_MIME[kind]);
    try {
      const { attachment, invalidate } = await addAttachment(db, actor, { articleId, storageKey, fileName: downloadName(name, kind), kind, bytes: received.bytes });
      invalidateTags(invalidate);
      return attachment;
    } catch (error) {
      await mediaStorage().delete([storageKey]);
      throw error;
    }
  } finally {
    await fs.promises.rm(received.file, { force: true });
  }
}

/** Takes a file off a story and out of storage (after the commit: a failed delete only leaves an orphan file). */
export async function deleteAttachment(actor: StaffActor, input: { id: number; articleId: number }): Promise<{ invalidate: string[] }> {
  const { storageKey, invalidate } = await removeAttachment(await getDb(), actor, input);
  await mediaStorage()
    .delete([storageKey])
    .catch((error: unknown) => console.error('[gazette] attachment file not deleted:', storageKey, error instanceof Error ? error.message : error));
  return { invalidate };
}
