import type { NextRequest } from 'next/server';
import { failureOf } from '@/actions/define';
import { requirePermission } from '@/services/auth/session';
import { ActionError } from '@/domain/errors';
import { uploadFromRequest } from '@/services/media/upload';
import { isSameOriginRequest } from '@/services/request-origin';

export const dynamic = 'force-dynamic';

function fail(error: unknown) {
  const failure = failureOf(error, 'media.upload');
  return Response.json({ error: failure.error, reason: failure.reason }, { status: failure.status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Upload one image as the raw request body (services/media/upload.ts). The Origin must name this
 * site (services/request-origin.ts), checked before the body is read.
 */
export async function POST(request: NextRequest) {
  try {
    const user = await requirePermission('media:upload');
    // Cookies are SameSite=Lax only: a signed-in upload must come from a page of this site.
    if (!isSameOriginRequest(request.headers)) throw new ActionError(403, { code: 'uploadCrossSite' });
    const item = await uploadFromRequest(request, user);
    return Response.json(item, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return fail(error);
  }
}
