import { Readable } from 'node:stream';
import { getDb } from '@/db/client';
import { getAttachmentFile, mayViewAttachmentInAdmin } from '@/db/queries/admin/attachments';
import { getCurrentUser } from '@/services/auth/session';
import { clientIp } from '@/services/client-ip';
import { mediaStorage } from '@/services/media/storage';
import { attachmentDisposition, DOCUMENT_MIME } from '@/domain/media/document-kind';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * A story's file, always as a download (`Content-Disposition: attachment`, `nosniff`, a sandboxing
 * CSP: a PDF or an archive never opens as a page of this site). Public while its story is; before
 * that (a draft, a preview) only to staff who may see the story, never cached. The id decides;
 * the name in the path is the reader's and is not trusted.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; name: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return notFound();
  const db = await getDb();
  const file = await getAttachmentFile(db, id);
  if (!file) return notFound();
  if (!file.isPublic) {
    const user = await getCurrentUser();
    if (!user || !(await mayViewAttachmentInAdmin(db, { id: user.id, role: user.role, ip: clientIp(request.headers) }, file.articleId))) return notFound();
  }
  const object = await mediaStorage().get(file.storageKey);
  if (!object) return notFound();
  return new Response(Readable.toWeb(object.body) as ReadableStream, {
    headers: {
      'Content-Type': DOCUMENT_MIME[file.kind],
      'Content-Length': String(object.size),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      // Unpublishing must stop the downloads soon: a short public life, none for staff-only files.
      'Cache-Control': file.isPublic ? 'public, max-age=300' : 'private, no-store',
    },
  });
}
