import { getDb } from '@/db/client';
import { ping } from '@/db/queries/public';
import { noteDatabaseFailure, noteDatabaseUp } from '@/services/db-health.mjs';

export const dynamic = 'force-dynamic';

const TIMEOUT_MS = 3000;

export async function GET() {
  try {
    await Promise.race([
      (async () => ping(await getDb()))(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ETIMEDOUT: database did not answer')), TIMEOUT_MS)),
    ]);
    noteDatabaseUp();
    return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    noteDatabaseFailure(error);
    return Response.json(
      { status: 'unavailable', error: 'The database is not answering.' },
      { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } },
    );
  }
}
