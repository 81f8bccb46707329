import { connection } from '@/db/client';
import { hasContent, seedDemo } from '@/db/seed';
import { countSignInUsers, createStaffUser } from '@/db/queries/newsroom/users';
import { catchUpRecentViews } from '@/db/queries/views';
import { ownerSetupInput } from './validation/account';
import { authSecret, MissingSecretError } from './auth/secret';
import { mediaStorage, StorageConfigError } from './media/storage';
import { sweepPendingMedia } from './media/ingest';
import { sweepTempUploads } from './media/receive';
import { schedulePromotions } from './scheduled';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env } from './env';

export async function startUp(): Promise<void> {
  const started = Date.now();
  try {
    authSecret();
    mediaStorage();
  } catch (error) {
    if (!(error instanceof MissingSecretError) && !(error instanceof StorageConfigError)) throw error;
    console.error(`[gazette] ${error.message}`);
    process.exit(1);
  }
  try {
    const conn = await connection();
    if (conn.kind === 'pglite') claimEmbeddedDatabase();
    if (env().SEED_DEMO !== '0' && !(await hasContent(conn.db))) {
      const { articles } = await seedDemo(conn.db, { images: true });
      console.log(`[gazette] seeded the demo publication (${articles} articles)`);
    }
    await createOwnerFromEnvironment(conn.db);
    if (await catchUpRecentViews(conn.db)) console.log('[gazette] most-read rollup moved to today');
    scheduleMediaSweeps(conn.db);
    schedulePromotions(conn.db);
    console.log(`[gazette] database ready (${conn.kind}) in ${Date.now() - started} ms`);
  } catch (error) {
    // A database that is down at boot must not keep the server from starting: pages answer 503
    // and the connection is retried on the next request.
    console.error('[gazette] database unavailable at start-up:', error instanceof Error ? error.message : error);
  }
}

/** Marks the PGlite folder as held by this process, so `npm run seed` refuses to open it meanwhile. */
function claimEmbeddedDatabase(): void {
  const pidFile = path.join(dataDir(), 'server.pid');
  fs.writeFileSync(pidFile, String(process.pid));
  process.once('exit', () => fs.rmSync(pidFile, { force: true }));
}

/** ADMIN_EMAIL + ADMIN_PASSWORD create the owner on first start, so deployments need no setup form. */
async function createOwnerFromEnvironment(db: Awaited<ReturnType<typeof connection>>['db']): Promise<void> {
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password || (await countSignInUsers(db)) > 0) return;
  const parsed = ownerSetupInput.safeParse({ name: process.env.ADMIN_NAME || email.split('@')[0], email, password });
  if (!parsed.success) {
    console.error(`[gazette] ADMIN_EMAIL/ADMIN_PASSWORD ignored: ${parsed.error.issues.map((i) => i.message).join(' ')}`);
    return;
  }
  await createStaffUser(db, { ...parsed.data, role: 'admin', isOwner: true });
  console.log(`[gazette] created the owner account ${parsed.data.email} from ADMIN_EMAIL`);
}

/** Uploads interrupted by a crash leave a pending row or a temp file; clean them now and hourly. */
function scheduleMediaSweeps(db: Awaited<ReturnType<typeof connection>>['db']): void {
  const sweep = async () => {
    try {
      const rows = await sweepPendingMedia(db);
      const files = await sweepTempUploads();
      if (rows || files) console.log(`[gazette] swept ${rows} unfinished uploads and ${files} temp files`);
    } catch (error) {
      console.error('[gazette] media sweep failed:', error instanceof Error ? error.message : error);
    }
  };
  void sweep();
  setInterval(sweep, 3_600_000).unref();
}
