import type { NextRequest } from 'next/server';
import { failureOf } from '@/actions/define';
import { requirePermission } from '@/services/auth/session';
import { clientIp } from '@/services/client-ip';
import { startWordPressImport } from '@/services/import/jobs';
import { isSameOriginRequest } from '@/services/request-origin';
import { ActionError } from '@/domain/errors';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Upload a WordPress export (WXR) as the raw request body (`X-File-Name`: its percent-encoded name)
 * to import it; 202 with the job's id, whose progress `GET /admin/import/jobs/{id}` reports.
 */
export async function POST(request: NextRequest) {
  try {
    const user = await requirePermission('import:run');
    // Cookies are SameSite=Lax only: an upload in a signed-in session must come from a page of this site.
    if (!isSameOriginRequest(request.headers)) throw new ActionError(403, { code: 'uploadCrossSite' });
    const id = await startWordPressImport(request, user, clientIp(request.headers));
    return Response.json({ id }, { status: 202, headers: NO_STORE });
  } catch (error) {
    const failure = failureOf(error, 'import.upload');
    return Response.json({ error: failure.error, reason: failure.reason }, { status: failure.status, headers: NO_STORE });
  }
}
