import 'server-only';
import fs from 'node:fs';
import { getDb } from '@/db/client';
import { writeAudit } from '@/db/queries/admin/audit';
import { ActionError } from '../../domain/errors';
import { fileNameFromHeader } from '../../domain/media/names';
import type { CurrentUser } from '../auth/session';
import { ingestImage } from './ingest';
import { MEDIA_LIMITS } from './process';
import { receiveToTempFile } from './receive';

/**
 * One image upload from a request body (`X-File-Name` carries the percent-encoded name, for display
 * only), for the newsroom's upload route and the admin API alike: the declared size is refused
 * before reading, the body streams to a temp file under the cap, the type comes from its bytes.
 * The caller has checked who `user` is and that they may upload.
 */
export async function uploadFromRequest(request: Request, user: CurrentUser) {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MEDIA_LIMITS.maxBytes) throw new ActionError(413, { code: 'fileTooLarge', params: { mb: Math.round(MEDIA_LIMITS.maxBytes / 1024 / 1024) } });
  const name = fileNameFromHeader(request.headers.get('x-file-name'));
  let temp: string | undefined;
  try {
    const received = await receiveToTempFile(request.body, MEDIA_LIMITS.maxBytes);
    temp = received.file;
    const db = await getDb();
    const item = await ingestImage(db, { file: received.file, bytes: received.bytes, originalName: name, uploadedById: user.id });
    await writeAudit(db, { actorId: user.id, action: 'media.upload', entityType: 'media', entityId: item.id, summary: item.originalName });
    return item;
  } finally {
    if (temp) await fs.promises.rm(temp, { force: true });
  }
}
