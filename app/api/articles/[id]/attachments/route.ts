import type { NextRequest } from 'next/server';
import { failureOf } from '@/actions/define';
import { requireUser } from '@/services/auth/session';
import { clientIp } from '@/services/client-ip';
import { uploadAttachment } from '@/services/media/attachments';
import { isSameOriginRequest } from '@/services/request-origin';
import { ActionError } from '@/domain/errors';

export const dynamic = 'force-dynamic';

/**
 * Adds one file to a story's downloads, as the raw request body (services/media/attachments.ts).
 * Whoever may edit the story may; the Origin must name this site, checked before the body is read.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    if (!isSameOriginRequest(request.headers)) throw new ActionError(403, { code: 'uploadCrossSite' });
    const id = Number((await params).id);
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw new ActionError(404, { code: 'notFoundArticle' });
    const attachment = await uploadAttachment(request, { id: user.id, role: user.role, ip: clientIp(request.headers) }, id);
    return Response.json(attachment, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    const failure = failureOf(error, 'article.attachment-add');
    return Response.json({ error: failure.error, reason: failure.reason }, { status: failure.status, headers: { 'Cache-Control': 'no-store' } });
  }
}
