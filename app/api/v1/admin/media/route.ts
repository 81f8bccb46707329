import { failureOf } from '@/actions/define';
import { withAuditToken } from '@/db/queries/admin/audit';
import { authorize } from '@/services/auth/session';
import { adminJson, adminRoute, failureResponse } from '@/services/api/v1/admin';
import { uploadFromRequest } from '@/services/media/upload';

/**
 * POST /api/v1/admin/media: one image as the raw body, as the newsroom's upload sends it (same
 * size cap, type from the bytes, variants, audit). No Origin check: a bearer token is not sent by
 * browsers on their own, so another site cannot make one upload.
 */

export const dynamic = 'force-dynamic';

export const POST = adminRoute(async (request, principal) => {
  try {
    const user = authorize(principal.user, 'media:upload');
    const item = await withAuditToken(principal.tokenName, () => uploadFromRequest(request, user));
    return adminJson({ data: item }, 201);
  } catch (error) {
    return failureResponse(failureOf(error, 'media.upload'));
  }
});
