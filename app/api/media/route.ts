import fs from 'node:fs';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { failureOf } from '@/actions/define';
import { requirePermission } from '@/services/auth/session';
import { ActionError } from '@/domain/errors';
import { ingestImage } from '@/services/media/ingest';
import { fileNameFromHeader } from '@/domain/media/names';
import { MEDIA_LIMITS } from '@/services/media/process';
import { receiveToTempFile } from '@/services/media/receive';
import { isSameOriginRequest } from '@/services/request-origin';
import { writeAudit } from '@/db/queries/admin/audit';

export const dynamic = 'force-dynamic';

function fail(error: unknown) {
  const failure = failureOf(error, 'media.upload');
  return Response.json({ error: failure.error }, { status: failure.status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Upload one image as the raw request body (`X-File-Name` carries the percent-encoded name, for
 * display only). The body streams to a temp file under a size cap; the type comes from its bytes.
 * The Origin must name this site (services/request-origin.ts), checked before the body is read.
 */
export async function POST(request: NextRequest) {
  let temp: string | undefined;
  try {
    const user = await requirePermission('media:upload');
    // Cookies are SameSite=Lax only: a signed-in upload must come from a page of this site.
    if (!isSameOriginRequest(request.headers)) throw new ActionError(403, 'This upload did not come from this site.');
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > MEDIA_LIMITS.maxBytes) throw new ActionError(413, `The file is larger than ${Math.round(MEDIA_LIMITS.maxBytes / 1024 / 1024)} MB.`);
    const name = fileNameFromHeader(request.headers.get('x-file-name'));
    const received = await receiveToTempFile(request.body, MEDIA_LIMITS.maxBytes);
    temp = received.file;
    const db = await getDb();
    const item = await ingestImage(db, { file: received.file, bytes: received.bytes, originalName: name, uploadedById: user.id });
    await writeAudit(db, { actorId: user.id, action: 'media.upload', entityType: 'media', entityId: item.id, summary: item.originalName });
    return Response.json(item, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return fail(error);
  } finally {
    if (temp) await fs.promises.rm(temp, { force: true });
  }
}
