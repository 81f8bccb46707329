import { getDb } from '@/db/client';
import { failureOf } from '@/actions/define';
import { allRedirects } from '@/db/queries/admin/redirects';
import { requirePermission } from '@/services/auth/session';
import { csvRecord } from '@/domain/csv';

export const dynamic = 'force-dynamic';

/**
 * Every redirect as CSV in the form the import reads back (`from,to,status` under a header line),
 * with a BOM so that spreadsheets open Chinese paths as UTF-8.
 */
export async function GET() {
  try {
    await requirePermission('redirect:manage');
    const rows = await allRedirects(await getDb());
    const body = [csvRecord(['from', 'to', 'status']), ...rows.map((r) => csvRecord([r.fromPath, r.toPath, r.statusCode]))].join('');
    const date = new Date().toISOString().slice(0, 10);
    return new Response(`\uFEFF${body}`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="redirects-${date}.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    const failure = failureOf(error, 'redirect.export');
    return Response.json({ error: failure.error }, { status: failure.status, headers: { 'Cache-Control': 'no-store' } });
  }
}
