import { connection } from '@/db/client';
import { writeAudit } from '@/db/queries/admin/audit';
import { getCurrentUser } from '@/services/auth/session';
import { clientIp } from '@/services/client-ip';
import { exportSite } from '@/services/export/export';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * The whole site as the NDJSON of `npm run export` (docs/export.md), without media files, secrets
 * or the audit log: the owner's way out without a shell. Anyone else gets the 404 of a page that is
 * not there. Streamed with back-pressure, so a large archive costs the server one batch at a time.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user?.isOwner) return new Response('Not found', { status: 404, headers: NO_STORE });
  const { db, kind } = await connection();
  await writeAudit(db, { actorId: user.id, action: 'site.export', entityType: 'site', summary: 'Downloaded the site export', ip: clientIp(request.headers) });

  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  let buffer = '';
  const flush = async () => {
    if (!buffer) return;
    const chunk = encoder.encode(buffer);
    buffer = '';
    await writer.write(chunk); // resolves when the client has taken it: the export waits for slow readers
  };
  // PGlite has one connection: a snapshot transaction would hold the whole site for the download.
  exportSite(db, async (line) => {
    buffer += `${line}\n`;
    if (buffer.length >= 64 * 1024) await flush();
  }, { snapshot: kind === 'postgres' })
    .then(flush)
    .then(() => writer.close())
    .catch((error: unknown) => writer.abort(error).catch(() => {}));

  const date = new Date().toISOString().slice(0, 10);
  return new Response(readable, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="gazette-export-${date}.ndjson"`,
      'X-Content-Type-Options': 'nosniff',
      ...NO_STORE,
    },
  });
}
