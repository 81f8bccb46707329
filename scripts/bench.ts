/**
 * `npm run bench`: build, start the production server on a fresh seeded
 * database, load-test the home / section / article pages, compare the article
 * page with the same HTML served statically by nginx, and write
 * bench/results.md + bench/results.json.
 *
 * `npm run bench -- --archive N` instead benchmarks an archive of N synthetic stories on PostgreSQL
 * (uncached articles, search, first renders, admin list, memory, and the hot pages below): see
 * scripts/bench/archive.ts, which writes bench/archive.md + bench/archive.json.
 *
 * Environment:
 *   BENCH_SKIP_BUILD=1       reuse an existing .next build (.next/BUILD_ID)
 *   BENCH_CONNECTIONS=32     concurrent connections per run
 *   BENCH_DURATION=8         seconds per run
 *   BENCH_ROUNDS=3           interleaved app/static rounds for the article page
 *   BENCH_WARM=5             warm-up requests per URL
 *   BENCH_TIMEOUT=10         per-request timeout, seconds
 *   BENCH_HEALTH_TIMEOUT=180 seconds to wait for /api/health
 *   BENCH_DATABASE_URL=...   use this Postgres instead of a fresh embedded PGlite
 *   BENCH_TOOL=autocannon    force autocannon even when wrk is installed
 *   BENCH_STATIC=node        force the Node static server instead of nginx
 *   BENCH_NO_PROXY=1         skip the article through the nginx caching proxy (docs/nginx/gazette.conf)
 *   BENCH_SECTION_PATH, BENCH_ARTICLE_PATH  override URL discovery
 *   BENCH_STRICT=1           exit 1 when the verdict is FAIL
 *   BENCH_KEEP_TMP=1         keep the temp dir (server log, database)
 *   BENCH_VIEWS=0            skip the view-counting benchmark (scripts/bench/views.ts → bench/views.md)
 *
 * Only loopback (127.0.0.1) traffic; every wait is bounded in time.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { archiveCountArg, benchArchive } from "./bench/archive.js";
import { CASES } from "./bench/cases.js";
import { discoverUrls } from "./bench/discover.js";
import { measureArticleAndCeiling, runCase, type HotSettings } from "./bench/hot.js";
import { measureArticleThroughCache } from "./bench/nginx-cache.js";
import { detectLoadTool, type LoadOptions } from "./bench/load.js";
import { installSignalHandlers, onCleanup, runCleanup, treeMemory } from "./bench/proc.js";
import { renderMarkdown, writeResults, type BenchResults, type CaseSummary } from "./bench/report.js";
import { buildIfNeeded, startApp } from "./bench/server.js";
import { envFlag, envInt, log, makeTempDir, removeDir, round, runCommand, tailOfFile } from "./bench/util.js";
import { benchViews, renderViewsMarkdown } from "./bench/views.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RATIO_THRESHOLD = 0.04;

const settings = {
  connections: envInt("BENCH_CONNECTIONS", 32),
  durationSec: envInt("BENCH_DURATION", 8),
  rounds: envInt("BENCH_ROUNDS", 3),
  warmRequests: envInt("BENCH_WARM", 5),
  timeoutSec: envInt("BENCH_TIMEOUT", 10),
  threads: 1,
  healthTimeoutMs: envInt("BENCH_HEALTH_TIMEOUT", 180) * 1000,
  buildTimeoutMs: envInt("BENCH_BUILD_TIMEOUT", 1800) * 1000,
};

const hot: HotSettings = { warmRequests: settings.warmRequests, rounds: settings.rounds, ratioThreshold: RATIO_THRESHOLD };

/** For error messages: the app's log (inside the temp dir, removed at exit). */
let serverLogFile: string | null = null;

/** PASS when the article reaches RATIO_THRESHOLD of the static ceiling and the app had no errors. */
function judge(cases: CaseSummary[], ratio: number): BenchResults["verdict"] {
  const appCases = cases.filter((c) => c.target === "app" && !c.skipped);
  const appErrors = appCases.reduce((s, c) => s + c.errors, 0);
  const reasons: string[] = [];
  if (!(ratio >= RATIO_THRESHOLD)) reasons.push(`article req/s is below ${RATIO_THRESHOLD} of the static ceiling`);
  if (appErrors > 0) reasons.push(`${appErrors} app errors during the load runs`);
  for (const c of appCases) {
    if (c.warmStatus !== null && (c.warmStatus < 200 || c.warmStatus > 299)) {
      reasons.push(`${c.name} (${c.path}) answered HTTP ${c.warmStatus} during warm-up`);
    }
  }
  return { pass: reasons.length === 0, appErrors, reasons, notes: [] };
}

function machineInfo(loadAvgStart: number): BenchResults["machine"] {
  return {
    loadAvgStart,
    loadAvgEnd: os.loadavg()[0] ?? Number.NaN,
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

function readBuildId(): string | null {
  try {
    return readFileSync(path.join(ROOT, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
}

async function gitCommit(): Promise<string | null> {
  const res = await runCommand("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, timeoutMs: 5_000 });
  return res.code === 0 ? res.stdout.trim() || null : null;
}

async function main(): Promise<number> {
  installSignalHandlers();
  const tool = await detectLoadTool();
  log(`load tool: ${tool.version}`);
  const load: LoadOptions = {
    tool,
    connections: settings.connections,
    durationSec: settings.durationSec,
    timeoutSec: settings.timeoutSec,
    threads: settings.threads,
  };

  const build = await buildIfNeeded(ROOT, settings.buildTimeoutMs);
  const loadAvgStart = os.loadavg()[0] ?? Number.NaN; // after our own build
  const buildId = readBuildId();

  // Registered first, so it is removed last (after the servers are stopped).
  const workDir = makeTempDir("gazette-bench-");
  onCleanup(() => {
    if (envFlag("BENCH_KEEP_TMP")) log(`keeping ${workDir}`);
    else removeDir(workDir);
  });

  const app = await startApp(ROOT, workDir, settings.healthTimeoutMs);
  serverLogFile = app.logFile;
  const afterStart = treeMemory(app.pid);

  const urls = await discoverUrls(app.origin);
  log(`URLs: home ${urls.home}, section ${urls.section} (${urls.sectionSource}), article ${urls.article ?? "none"}`);
  if (!urls.article) {
    throw new Error("no article link (href=/articles/<id>...) on the home page; set BENCH_ARTICLE_PATH to override");
  }
  const articlePath = urls.article;

  // 1. Plain cases (home, section, later additions).
  const cases: CaseSummary[] = [];
  for (const c of CASES) cases.push(await runCase(c, app.origin, urls, load, hot));

  // 2. The article page: its weight, then interleaved runs against a static copy of its HTML.
  const article = await measureArticleAndCeiling(app.origin, articlePath, load, hot);
  // 3. The same article through the nginx caching proxy of docs/scaling.md (when nginx is installed).
  const cached = envFlag("BENCH_NO_PROXY") ? null : await measureArticleThroughCache(ROOT, app.origin, articlePath, load, hot);
  const afterLoad = treeMemory(app.pid);
  await app.stop();
  cases.push(article.appCase, article.staticCase, ...(cached ? [cached] : []));

  const verdict = judge(cases, article.ceiling.ratio);
  if (urls.sectionSource === "fallback") verdict.notes.push("no section link found in the header nav: used /news");
  if (readBuildId() !== buildId) verdict.notes.push("the .next build changed during the run: figures may be unreliable");

  const results: BenchResults = {
    schema: 1,
    date: new Date().toISOString(),
    machine: machineInfo(loadAvgStart),
    settings: {
      tool: tool.version,
      connections: settings.connections,
      durationSec: settings.durationSec,
      timeoutSec: settings.timeoutSec,
      threads: settings.threads,
      rounds: settings.rounds,
      warmRequests: settings.warmRequests,
    },
    app: { build, buildId, database: app.database, startupSec: round(app.startupMs / 1000, 1), gitCommit: await gitCommit() },
    urls,
    cases,
    ceiling: article.ceiling,
    weight: article.weight,
    memory: { afterStart, afterLoad },
    verdict,
  };
  const markdown = renderMarkdown(results);
  const files = writeResults(ROOT, results, markdown);
  process.stdout.write(`${markdown}\n`);
  log(`wrote ${path.relative(ROOT, files.md)} and ${path.relative(ROOT, files.json)}`);
  log(verdict.pass ? "PASS" : "FAIL");

  // 4. View counting: beacon throughput, DB writes/s, article page with counting on vs off (own servers).
  if (process.env.BENCH_VIEWS !== "0") {
    try {
      const views = await benchViews({ root: ROOT, load, rounds: settings.rounds, healthTimeoutMs: settings.healthTimeoutMs, outDir: path.join(ROOT, "bench") });
      process.stdout.write(`${renderViewsMarkdown(views, load)}\n`);
      log("wrote bench/views.md and bench/views.json");
    } catch (err) {
      log(`views benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
      if (envFlag("BENCH_STRICT")) return 1;
    }
  }
  return !verdict.pass && envFlag("BENCH_STRICT") ? 1 : 0;
}

// `npm run bench -- --archive N`: the archive benchmark on PostgreSQL (scripts/bench/archive.ts).
const archiveCount = archiveCountArg(process.argv.slice(2));
(archiveCount === null ? main() : benchArchive({ root: ROOT, count: archiveCount, hot, buildTimeoutMs: settings.buildTimeoutMs, healthTimeoutMs: settings.healthTimeoutMs }))
  .catch((err: unknown) => {
    log(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    if (serverLogFile) log(`last server log lines:\n${tailOfFile(serverLogFile, 30)}`);
    return 1;
  })
  .then(async (code) => {
    await runCleanup();
    process.exit(code);
  });
