import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env } from '../../domain/env';

/** PGlite has no cross-process lock: refuse to open the folder a running server holds. */
export function assertEmbeddedDatabaseFree(): void {
  if (env().DATABASE_URL) return;
  const pidFile = path.join(dataDir(), 'server.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale file from a server that is gone
  }
  console.error(`The embedded database in ${dataDir()} is in use by the server (pid ${pid}). Stop it first.`);
  process.exit(1);
}
