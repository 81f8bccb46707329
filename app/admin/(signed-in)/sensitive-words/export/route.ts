import { getDb } from '@/db/client';
import { failureOf } from '@/actions/define';
import { getSensitiveWordRule } from '@/db/queries/admin/sensitive-words';
import { requirePermission } from '@/services/auth/session';

export const dynamic = 'force-dynamic';

/**
 * The sensitive-word list as a text file (UTF-8, one word per line), for administrators
 * (settings:manage): the form the list's page imports, so a list moves between sites.
 */
export async function GET() {
  try {
    await requirePermission('settings:manage');
    const { words } = await getSensitiveWordRule(await getDb());
    return new Response(words.map((w) => `${w}\n`).join(''), {
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': 'attachment; filename="sensitive-words.txt"',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    const failure = failureOf(error, 'settings.sensitive-words-export');
    return Response.json({ error: failure.error }, { status: failure.status, headers: { 'Cache-Control': 'no-store' } });
  }
}
