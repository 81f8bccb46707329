import { getDb } from '@/db/client';
import { failureOf } from '@/actions/define';
import { getImportJob } from '@/db/queries/admin/import-jobs';
import { requirePermission } from '@/services/auth/session';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** One import's progress and, once done, its report: what the import page polls. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requirePermission('import:run');
    const raw = (await params).id;
    const job = /^\d{1,9}$/.test(raw) ? await getImportJob(await getDb(), Number(raw)) : null;
    if (!job) return Response.json({ error: 'No such import.' }, { status: 404, headers: NO_STORE });
    return Response.json(job, { headers: NO_STORE });
  } catch (error) {
    const failure = failureOf(error, 'import.status');
    return Response.json({ error: failure.error }, { status: failure.status, headers: NO_STORE });
  }
}
