import type { Database } from '@/db/client';
import { connection } from '@/db/client';
import { StartupError, withStartupLock } from '@/db/migrate';
import { hasContent, seedDemo } from '@/services/seed';
import { countSignInUsers, createStaffUser } from '@/db/queries/admin/users';
import { catchUpRecentViews } from '@/db/queries/views';
import { ownerSetupInput } from '../domain/validation/account';
import { issueMessage } from '../domain/errors';
import { englishMessage } from '../domain/i18n/server-messages';
import { authSecret } from './auth/secret';
import { setupCodeFor, setupCodeRequired } from '../domain/auth/setup-code';
import { assertConfig, pageWarmOn, type Config } from '../domain/config.mjs';
import { isConnectionError } from './db-health.mjs';
import { sweepPendingMedia } from './media/ingest';
import { sweepTempUploads } from './media/receive';
import { schedulePromotions } from './scheduled';
import { scheduleWebhookDeliveries } from './webhooks/sender';
import { scheduleMailDelivery } from './mail/sender';
import { schedulePageWarm } from './page-warm';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '../domain/env';

/**
 * Once per server process, from instrumentation. Invalid configuration, a schema newer than the
 * code, missing migrations or anything else a restart will not fix stops the process with a
 * message and exit status 1. A database that cannot be reached yet (refused, timed out) does not:
 * the server starts, pages answer 503, requests retry the connection, and so does the start-up
 * (migrate, first seed, owner, timers) in the background until it gets through.
 */
export async function startUp(): Promise<void> {
  const cfg = assertConfig();
  await prepareAtBoot(cfg, Date.now(), 0);
}

async function prepareAtBoot(cfg: Config, started: number, attempt: number): Promise<void> {
  try {
    const owner = ownerFromConfig(cfg);
    authSecret(); // generates DATA_DIR/auth-secret on first start when none is configured
    const conn = await connection(); // opens and migrates, see db/migrate.ts
    if (conn.kind === 'pglite') claimEmbeddedDatabase();
    const prepared = await prepareDatabase(conn.db, conn.kind, { seedDemo: cfg.SEED_DEMO, images: true, owner });
    if (prepared.seeded) console.log(`[gazette] seeded the demo publication (${prepared.seeded} articles)`);
    if (prepared.owner) console.log(`[gazette] created the owner account ${prepared.owner} from ADMIN_EMAIL`);
    // Every server prints the same code (derived from AUTH_SECRET, see domain/auth/setup-code.ts) while nobody can sign in.
    if (setupCodeRequired() && (await countSignInUsers(conn.db)) === 0) {
      console.log(`[gazette] no account yet: open /admin/setup to create the owner; first-run setup code: ${setupCodeFor(authSecret())}`);
    }
    if (await catchUpRecentViews(conn.db)) console.log('[gazette] most-read rollup moved to today');
    scheduleMediaSweeps(conn.db);
    schedulePromotions(conn.db);
    scheduleWebhookDeliveries(conn.db);
    scheduleMailDelivery(conn.db);
    if (conn.kind === 'postgres' && pageWarmOn(cfg)) schedulePageWarm(conn.db, cfg);
    console.log(`[gazette] database ready (${conn.kind}) in ${Date.now() - started} ms`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isConnectionError(error)) {
      const delay = Math.min(30_000, 2_000 * 2 ** attempt);
      console.error(`[gazette] database unavailable at start-up (retrying in ${delay / 1000} s):`, message);
      setTimeout(() => void prepareAtBoot(cfg, started, attempt + 1), delay).unref();
      return;
    }
    console.error(`[gazette] cannot start: ${message}`);
    if (!(error instanceof StartupError) && error instanceof Error && error.stack) console.error(error.stack);
    process.exit(1);
  }
}

type OwnerInput = { name: string; email: string; password: string };

/** ADMIN_EMAIL + ADMIN_PASSWORD (+ ADMIN_NAME), checked by the same rules as the setup form. */
function ownerFromConfig(cfg: Config): OwnerInput | null {
  if (!cfg.ADMIN_EMAIL || !cfg.ADMIN_PASSWORD) return null;
  const parsed = ownerSetupInput.safeParse({ name: cfg.ADMIN_NAME || cfg.ADMIN_EMAIL.split('@')[0], email: cfg.ADMIN_EMAIL, password: cfg.ADMIN_PASSWORD });
  if (parsed.success) return parsed.data;
  const variable = { name: 'ADMIN_NAME', email: 'ADMIN_EMAIL', password: 'ADMIN_PASSWORD' } as Record<string, string>;
  const problems = parsed.error.issues.map((i) => `${variable[String(i.path[0])] ?? 'ADMIN_EMAIL'}: ${englishMessage(issueMessage(i))}`);
  throw new StartupError(`Invalid configuration (see docs/configuration.md):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

/**
 * What the first start puts into a database, once however many servers start at once: under the
 * start-up lock (db/migrate.ts), the demo publication when the database has no content and
 * SEED_DEMO is on, and the owner account from ADMIN_EMAIL when nobody can sign in yet. A server
 * that waited for the lock finds the work done and does nothing.
 */
export async function prepareDatabase(
  db: Database,
  kind: 'pglite' | 'postgres',
  options: { seedDemo: boolean; images?: boolean; owner?: OwnerInput | null },
): Promise<{ seeded: number | null; owner: string | null }> {
  return withStartupLock(db, kind, async (tx) => {
    let seeded: number | null = null;
    if (options.seedDemo && !(await hasContent(tx))) seeded = (await seedDemo(tx, { images: options.images })).articles;
    let owner: string | null = null;
    if (options.owner && (await countSignInUsers(tx)) === 0) {
      await createStaffUser(tx, { ...options.owner, role: 'admin', isOwner: true });
      owner = options.owner.email;
    }
    return { seeded, owner };
  });
}

/** Marks the PGlite folder as held by this process, so `npm run seed` refuses to open it meanwhile. */
function claimEmbeddedDatabase(): void {
  const pidFile = path.join(dataDir(), 'server.pid');
  fs.writeFileSync(pidFile, String(process.pid));
  process.once('exit', () => fs.rmSync(pidFile, { force: true }));
}

/** Uploads interrupted by a crash leave a pending row or a temp file; clean them now and hourly. */
function scheduleMediaSweeps(db: Database): void {
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
