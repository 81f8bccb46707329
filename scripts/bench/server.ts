/**
 * Building and running the Gazette production server for the benchmark.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { onCleanup, stopProcessTree, trackDetached } from "./proc.js";
import { envFlag, freePort, httpRequest, log, sleep, tailOfFile } from "./util.js";

/** `npm run build`, unless BENCH_SKIP_BUILD=1 and a build already exists. */
export async function buildIfNeeded(root: string, timeoutMs: number): Promise<"skipped" | "built"> {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (envFlag("BENCH_SKIP_BUILD") && existsSync(buildId)) {
    log(`BENCH_SKIP_BUILD=1 and ${path.relative(root, buildId)} exists: skipping the build`);
    return "skipped";
  }
  if (envFlag("BENCH_SKIP_BUILD")) log("BENCH_SKIP_BUILD=1 but there is no .next/BUILD_ID: building");
  log("running `npm run build` ...");
  const started = Date.now();
  const child = spawn("npm", ["run", "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    // build output goes to stderr so stdout stays clean for the result table
    stdio: ["ignore", 2, 2],
    detached: true,
  });
  if (child.pid !== undefined) trackDetached(child.pid);
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      log(`build exceeded ${Math.round(timeoutMs / 1000)} s, stopping it`);
      void stopProcessTree(child, 5_000);
    }, timeoutMs);
    child.on("error", () => resolve(null));
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  await stopProcessTree(child, 1_000); // reap anything the build left behind
  if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
  log(`build finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return "built";
}

export interface AppServer {
  origin: string;
  port: number;
  pid: number;
  child: ChildProcess;
  logFile: string;
  /** "pglite:<dir>" or "postgres (BENCH_DATABASE_URL)" */
  database: string;
  startupMs: number;
  stop(): Promise<void>;
}

/**
 * Spawn `node scripts/start.mjs` on a free port with a fresh embedded database
 * in `workDir/data` (or options.databaseUrl, or BENCH_DATABASE_URL), and wait for /api/health.
 */
export async function startApp(
  root: string,
  workDir: string,
  healthTimeoutMs: number,
  options: { databaseUrl?: string; databaseLabel?: string; env?: Record<string, string> } = {},
): Promise<AppServer> {
  const port = await freePort();
  const logFile = path.join(workDir, "server.log");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    HOSTNAME_BIND: "127.0.0.1", // scripts/start.mjs passes it to `next start -H`
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // Production on PostgreSQL starts empty by default; the benchmark reads the demo publication.
    SEED_DEMO: process.env.SEED_DEMO ?? "1",
    // The archive bench asks /search from one address at 4 connections: the per-address limit would refuse it.
    SEARCH_RATE_LIMIT: "0",
    // The archive bench measures never-rendered pages: nothing may render them ahead (ADR 0016).
    PAGE_WARM: "0",
    ...options.env,
  };
  // Never let an ambient DATABASE_URL leak into the benchmark: the default is a fresh PGlite.
  delete env.DATABASE_URL;
  let database: string;
  const benchDb = options.databaseUrl ?? process.env.BENCH_DATABASE_URL;
  if (benchDb) {
    env.DATABASE_URL = benchDb;
    delete env.DATA_DIR;
    database = `postgres (${options.databaseLabel ?? "BENCH_DATABASE_URL"})`;
  } else {
    const dataDir = path.join(workDir, "data");
    mkdirSync(dataDir, { recursive: true });
    env.DATA_DIR = dataDir;
    database = `pglite (fresh DATA_DIR ${dataDir})`;
  }

  const out = openSync(logFile, "a");
  const started = Date.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env,
    stdio: ["ignore", out, out],
    detached: true, // own process group, so the whole tree can be stopped
  });
  closeSync(out);
  if (child.pid === undefined) throw new Error("could not spawn scripts/start.mjs");
  const pid = child.pid;
  trackDetached(pid);
  const stop = () => stopProcessTree(child);
  onCleanup(stop);
  log(`started app server pid ${pid} on port ${port} (${database}); log: ${logFile}`);

  const origin = `http://127.0.0.1:${port}`;
  await waitForHealth(origin, child, logFile, healthTimeoutMs);
  const startupMs = Date.now() - started;
  log(`app healthy after ${(startupMs / 1000).toFixed(1)} s`);
  return { origin, port, pid, child, logFile, database, startupMs, stop };
}

async function waitForHealth(origin: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no response yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `server exited early (code ${child.exitCode}, signal ${child.signalCode}); last log lines:\n${tailOfFile(logFile)}`,
      );
    }
    try {
      const res = await httpRequest(`${origin}/api/health`, { timeoutMs: 5_000 });
      const text = res.body.toString("utf8");
      if (res.status === 200) {
        try {
          const json = JSON.parse(text) as { status?: unknown };
          if (json.status === "ok") return;
        } catch {
          // not JSON yet
        }
      }
      last = `HTTP ${res.status}: ${text.slice(0, 200)}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await sleep(500);
  }
  throw new Error(
    `/api/health not ok after ${Math.round(timeoutMs / 1000)} s (last: ${last}); last log lines:\n${tailOfFile(logFile)}`,
  );
}
