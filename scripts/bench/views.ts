/**
 * View counting benchmark (called by scripts/bench.ts after the page cases; BENCH_VIEWS=0 skips it).
 *
 * Starts the build twice, side by side, each on its own fresh database (the second from a copy of
 * .next, since servers of one build directory share the page cache on disk):
 *   on:  VIEWS_ENABLED=1, TRUST_PROXY=1 (so the load can pose as many readers through
 *        X-Forwarded-For), VIEWS_RATE_LIMIT=0, BENCH_TOKEN=<random> (enables GET /api/views?stats)
 *   off: VIEWS_ENABLED=0 (no beacon in the page; the route answers 204 without counting)
 * and measures (on/off runs alternate, seconds apart, so that drift in the machine's load hits both alike):
 *   1. the article page, counting on vs off (req/s, and the ratio, which should be close to 1);
 *   2. reader sessions with counting on: each page view followed by its beacon script request;
 *   3. beacon throughput: POST /api/views, every request a new reader (random X-Forwarded-For);
 *   4. database writes per second under that beacon load, from the app's own counters
 *      (flushes × statements, GET /api/views?stats): exact for the app's writes, and it works on
 *      PGlite, which no outside tool can watch. Compared with one UPDATE per view (DedeCMS).
 *   5. correctness under load: views counted = stored total after the last flush.
 * Writes bench/views.md and bench/views.json.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { findArticlePath } from "./discover.js";
import { measure, parseWrkOutput, type LoadOptions, type LoadResult } from "./load.js";
import { startApp, type AppServer } from "./server.js";
import { httpRequest, log, makeTempDir, median, removeDir, round, runCommand, sleep } from "./util.js";

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

interface ViewStats {
  beacons: Record<string, number>;
  flushes: number;
  flushedViews: number;
  writeStatements: number;
}

interface Throughput {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
}

export interface ViewsBenchResults {
  date: string;
  flushMs: number;
  articlePath: string;
  articleId: number;
  rounds: number;
  /** ratio = median on / median off; pairRatio = median of on/off of adjacent runs (less sensitive to drift). */
  page: { on: Throughput[]; off: Throughput[]; onMedianRps: number; offMedianRps: number; ratio: number; pairRatio: number };
  /** Page + beacon script per reader; rps counts page views (half the requests). */
  /** Page views/s with their beacons, against the page alone in the run just before (same server, same minute). */
  readerSessions: { on: Throughput; pageViewsPerSec: number; ratioToPageAlone: number };
  beacon: { on: Throughput; off: Throughput };
  writes: {
    seconds: number;
    beaconsCounted: number;
    flushes: number;
    statements: number;
    statementsPerSec: number;
    viewsPerFlush: number;
    /** What one UPDATE per view would have cost over the same load. */
    naiveStatementsPerSec: number;
  };
  correctness: { counted: number; storedDelta: number; lost: number };
}

function summary(r: LoadResult, divisor = 1): Throughput {
  return { rps: round(r.rps / divisor, 1), p50Ms: round(r.latencyMs.p50, 2), p99Ms: round(r.latencyMs.p99, 2), errors: r.errors.total, requests: r.requests };
}

/** Starts the app with extra environment (startApp passes process.env through). */
async function startWith(root: string, workDir: string, env: Record<string, string>, healthTimeoutMs: number): Promise<AppServer> {
  const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    mkdirSync(workDir, { recursive: true });
    return await startApp(root, workDir, healthTimeoutMs);
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function stats(origin: string, token: string): Promise<ViewStats> {
  const res = await httpRequest(`${origin}/api/views?stats`, { headers: { "x-bench-token": token } });
  if (res.status !== 200) throw new Error(`GET /api/views?stats answered ${res.status}`);
  return JSON.parse(res.body.toString("utf8")) as ViewStats;
}

async function storedCount(origin: string, id: number): Promise<number> {
  const res = await httpRequest(`${origin}/api/views?ids=${id}`);
  const json = JSON.parse(res.body.toString("utf8")) as Record<string, number>;
  return json[String(id)] ?? Number.NaN;
}

let runCounter = 0;

/**
 * A Lua script for wrk: each request a new reader. X-Forwarded-For comes from the thread, a counter
 * and a number unique to this run, so no two requests of one benchmark share a visitor (otherwise
 * the dedupe window would turn later runs into repeats).
 */
function luaScript(kind: "beacon" | "session", articlePath: string, articleId: number): string {
  const run = (++runCounter % 200) + 1;
  const visitor = `
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
local function visitor()
  n = n + 1
  return (10 + (tid or 1)) .. ".${run}." .. (math.floor(n / 250) % 250) .. "." .. (n % 250)
end`;
  const headers = `{ ["User-Agent"] = "${BROWSER_UA}", ["X-Forwarded-For"] = visitor() }`;
  if (kind === "beacon") {
    return `${visitor}
request = function()
  local h = ${headers}
  h["Content-Type"] = "text/plain;charset=UTF-8"
  return wrk.format("POST", "/api/views", h, '{"id":${articleId}}')
end
`;
  }
  return `${visitor}
local page = true
request = function()
  page = not page
  if page then return wrk.format("GET", "/api/views?id=${articleId}&f=js", ${headers}) end
  return wrk.format("GET", "${articlePath}", { ["User-Agent"] = "${BROWSER_UA}" })
end
`;
}

async function runLua(name: string, origin: string, lua: string, load: LoadOptions): Promise<LoadResult> {
  const started = new Date().toISOString();
  if (load.tool.name !== "wrk") return runAutocannonDynamic(name, origin, lua, load);
  const dir = makeTempDir("gazette-bench-views-");
  const script = path.join(dir, "script.lua");
  writeFileSync(script, lua);
  try {
    const args = [`-t${load.threads ?? 1}`, `-c${load.connections}`, `-d${load.durationSec}s`, "--timeout", `${load.timeoutSec}s`, "--latency", "-s", script, origin];
    const res = await runCommand("wrk", args, { timeoutMs: (load.durationSec + load.timeoutSec + 30) * 1000 });
    if (res.code !== 0) throw new Error(`wrk exited with ${res.code}: ${res.stderr || res.stdout}`);
    return { name, url: origin, method: "mixed", tool: "wrk", connections: load.connections, startedAt: started, ...parseWrkOutput(res.stdout) };
  } finally {
    removeDir(dir);
  }
}

/** Without wrk: autocannon with a per-request X-Forwarded-For (setupRequest). */
async function runAutocannonDynamic(name: string, origin: string, lua: string, load: LoadOptions): Promise<LoadResult> {
  const autocannon = createRequire(import.meta.url)("autocannon") as (opts: object) => Promise<{
    duration: number;
    requests: { total: number };
    latency: { average: number; max: number; p50: number; p75: number; p90: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    throughput: { total: number };
  }>;
  const isBeacon = lua.includes('"POST"');
  const articleId = /id=(\d+)&f=js|"id":(\d+)/.exec(lua);
  const id = articleId?.[1] ?? articleId?.[2] ?? "0";
  const articlePath = /wrk\.format\("GET", "([^"]+)", \{ \["User-Agent"\]/.exec(lua)?.[1] ?? "/";
  const run = (++runCounter % 200) + 1;
  let n = 0;
  const visitor = () => {
    n++;
    return `10.${run}.${Math.floor(n / 250) % 250}.${n % 250}`;
  };
  const requests = isBeacon
    ? [{ method: "POST", path: "/api/views", body: `{"id":${id}}`, setupRequest: (req: { headers?: Record<string, string> }) => ({ ...req, headers: { ...req.headers, "user-agent": BROWSER_UA, "x-forwarded-for": visitor(), "content-type": "text/plain" } }) }]
    : [
        { method: "GET", path: articlePath, headers: { "user-agent": BROWSER_UA } },
        { method: "GET", path: `/api/views?id=${id}&f=js`, setupRequest: (req: { headers?: Record<string, string> }) => ({ ...req, headers: { ...req.headers, "user-agent": BROWSER_UA, "x-forwarded-for": visitor() } }) },
      ];
  const startedAt = new Date().toISOString();
  const r = await autocannon({ url: origin, connections: load.connections, duration: load.durationSec, timeout: load.timeoutSec, requests });
  return {
    name,
    url: origin,
    method: "mixed",
    tool: "autocannon",
    connections: load.connections,
    durationSec: r.duration,
    startedAt,
    requests: r.requests.total,
    rps: r.requests.total / r.duration,
    latencyMs: { avg: r.latency.average, max: r.latency.max, p50: r.latency.p50, p75: r.latency.p75, p90: r.latency.p90, p99: r.latency.p99 },
    errors: { connect: 0, read: r.errors - r.timeouts, write: 0, timeout: r.timeouts, httpStatus: r.non2xx, total: r.errors + r.non2xx },
    bytesRead: r.throughput.total,
  };
}

function logRun(r: LoadResult, label = r.name): void {
  log(`  ${label}: ${r.rps.toFixed(1)} req/s, p50 ${r.latencyMs.p50.toFixed(2)} ms, p99 ${r.latencyMs.p99.toFixed(2)} ms, errors ${r.errors.total}`);
}

/**
 * A second root for the same build: its own .next (without the cache), the rest linked. Started from
 * there, a server has its own page cache; scripts/start.mjs is copied because it finds its root from
 * its own (real) path.
 */
function cloneBuild(root: string, dest: string): string {
  mkdirSync(path.join(dest, "scripts"), { recursive: true });
  const cache = path.join(root, ".next", "cache");
  cpSync(path.join(root, ".next"), path.join(dest, ".next"), { recursive: true, verbatimSymlinks: true, filter: (src) => !src.startsWith(cache) });
  for (const name of ["node_modules", "public", "drizzle"]) {
    if (existsSync(path.join(root, name))) symlinkSync(path.join(root, name), path.join(dest, name));
  }
  for (const file of ["package.json", "next.config.mjs", "scripts/start.mjs"]) copyFileSync(path.join(root, file), path.join(dest, file));
  return dest;
}

export async function benchViews(options: {
  root: string;
  load: LoadOptions;
  rounds: number;
  healthTimeoutMs: number;
  /** Where bench/views.{md,json} go. */
  outDir: string;
}): Promise<ViewsBenchResults> {
  const { root, load } = options;
  const workDir = makeTempDir("gazette-bench-views-");
  const token = randomBytes(16).toString("hex");
  const flushMs = Number(process.env.VIEWS_FLUSH_MS ?? 5000);
  const servers: AppServer[] = [];
  try {
    const onEnv = { VIEWS_ENABLED: "1", TRUST_PROXY: "1", VIEWS_RATE_LIMIT: "0", BENCH_TOKEN: token, VIEWS_FLUSH_MS: String(flushMs) };
    const offEnv = { VIEWS_ENABLED: "0" };
    // Both servers run at once, so that on/off runs can alternate seconds apart (the machine's load
    // drifts). Servers of one build directory would share .next's page cache on disk (a page
    // rendered with counting on would be served with counting off), so "off" runs from a copy.
    log("views: starting a server with counting on, and one with counting off from a copy of the build ...");
    const on = await startWith(root, path.join(workDir, "on"), onEnv, options.healthTimeoutMs);
    servers.push(on);
    const offRoot = cloneBuild(root, path.join(workDir, "off-root"));
    const off = await startWith(offRoot, path.join(workDir, "off"), offEnv, options.healthTimeoutMs);
    servers.push(off);

    const articlePath = process.env.BENCH_ARTICLE_PATH ?? findArticlePath((await httpRequest(`${on.origin}/`)).body.toString("utf8"), on.origin);
    if (!articlePath) throw new Error("views: no article link on the home page");
    const article = articlePath;
    const articleId = Number(/^\/articles\/(\d+)/.exec(article)?.[1]);
    for (const [server, expectBeacon] of [[on, true], [off, false]] as const) {
      for (let i = 0; i < 5; i++) await httpRequest(`${server.origin}${article}`);
      const html = (await httpRequest(`${server.origin}${article}`)).body.toString("utf8");
      if (html.includes("/api/views?id=") !== expectBeacon) throw new Error(`views: beacon ${expectBeacon ? "missing from" : "present in"} the page`);
    }

    // 1. The article page, alternating on/off.
    const pageOn: LoadResult[] = [];
    const pageOff: LoadResult[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      pageOn.push(await measure(`article, counting on #${round}`, `${on.origin}${article}`, load));
      logRun(pageOn.at(-1)!);
      await sleep(1000);
      pageOff.push(await measure(`article, counting off #${round}`, `${off.origin}${article}`, load));
      logRun(pageOff.at(-1)!);
      await sleep(1000);
    }

    // 2. Reader sessions: page + beacon script, right after a page-only run for comparison.
    const pageAlone = await measure("article, counting on (before sessions)", `${on.origin}${article}`, load);
    logRun(pageAlone);
    await sleep(1000);
    const sessions = await runLua("reader sessions (page + beacon), counting on", on.origin, luaScript("session", article, articleId), load);
    logRun(sessions);

    // 3 + 4. Beacon throughput and the database writes it causes, from an empty buffer.
    await sleep(flushMs + 1000);
    const before = await stats(on.origin, token);
    const storedBefore = await storedCount(on.origin, articleId);
    const t0 = Date.now();
    const beaconOn = await runLua("beacon POST, counting on", on.origin, luaScript("beacon", article, articleId), load);
    logRun(beaconOn);
    await sleep(flushMs + 1000); // the last flush
    const after = await stats(on.origin, token);
    const seconds = (Date.now() - t0) / 1000;
    const storedAfter = await storedCount(on.origin, articleId);
    const beaconOff = await runLua("beacon POST, counting off", off.origin, luaScript("beacon", article, articleId), load);
    logRun(beaconOff);

    const counted = (after.beacons.counted ?? 0) - (before.beacons.counted ?? 0);
    const statements = after.writeStatements - before.writeStatements;
    const flushes = after.flushes - before.flushes;
    const onMedianRps = median(pageOn.map((r) => r.rps));
    const offMedianRps = median(pageOff.map((r) => r.rps));
    const results: ViewsBenchResults = {
      date: new Date().toISOString(),
      flushMs,
      articlePath,
      articleId,
      rounds: options.rounds,
      page: { on: pageOn.map((r) => summary(r)), off: pageOff.map((r) => summary(r)), onMedianRps: round(onMedianRps), offMedianRps: round(offMedianRps), ratio: round(onMedianRps / offMedianRps, 3), pairRatio: round(median(pageOn.map((r, i) => r.rps / (pageOff[i]?.rps ?? Number.NaN))), 3) },
      readerSessions: { on: summary(sessions), pageViewsPerSec: round(sessions.rps / 2), ratioToPageAlone: round(sessions.rps / 2 / pageAlone.rps, 3) },
      beacon: { on: summary(beaconOn), off: summary(beaconOff) },
      writes: {
        seconds: round(seconds, 1),
        beaconsCounted: counted,
        flushes,
        statements,
        statementsPerSec: round(statements / seconds, 2),
        viewsPerFlush: flushes ? Math.round((after.flushedViews - before.flushedViews) / flushes) : 0,
        naiveStatementsPerSec: round(counted / seconds, 1),
      },
      correctness: { counted, storedDelta: storedAfter - storedBefore, lost: counted - (storedAfter - storedBefore) },
    };
    writeViewsResults(options.outDir, results, load);
    return results;
  } finally {
    for (const s of servers.reverse()) await s.stop().catch(() => {});
    removeDir(workDir);
  }
}

export function renderViewsMarkdown(r: ViewsBenchResults, load: LoadOptions): string {
  const row = (name: string, t: Throughput) => `| ${name} | ${t.rps} | ${t.p50Ms} | ${t.p99Ms} | ${t.errors} |`;
  return [
    "## View counting",
    "",
    `${r.date}; ${load.tool.version}, ${load.connections} connections, ${load.durationSec} s per run; article ${r.articlePath}; flush every ${r.flushMs} ms.`,
    "Counting on and off: the same build started twice, with VIEWS_ENABLED=1 / 0, each on its own fresh database; page runs alternate.",
    "",
    "| run | req/s | p50 ms | p99 ms | errors |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...r.page.on.map((t, i) => row(`article page, counting on #${i + 1}`, t)),
    ...r.page.off.map((t, i) => row(`article page, counting off #${i + 1}`, t)),
    row("reader sessions: page + beacon script (page views/s)", { ...r.readerSessions.on, rps: r.readerSessions.pageViewsPerSec }),
    row("beacon POST /api/views, counting on", r.beacon.on),
    row("beacon POST /api/views, counting off (204, no work)", r.beacon.off),
    "",
    `- Article page, median req/s: counting on ${r.page.onMedianRps}, off ${r.page.offMedianRps} (ratio ${r.page.ratio}; median of the on/off ratios of adjacent runs ${r.page.pairRatio}).`,
    `- Reader sessions with counting on: ${r.readerSessions.pageViewsPerSec} page views/s, ${r.readerSessions.ratioToPageAlone} of the page alone ` +
      "in the run just before (each view is two requests, page + beacon, so 0.5 means the beacon costs what a cached page costs).",
    `- Database writes under the beacon load: ${r.writes.statements} statements in ${r.writes.flushes} flushes over ${r.writes.seconds} s = ${r.writes.statementsPerSec} statements/s ` +
      `(${r.writes.viewsPerFlush} views per flush), for ${r.writes.beaconsCounted} counted views; one UPDATE per view would have been ${r.writes.naiveStatementsPerSec}/s.`,
    `- Correctness: ${r.correctness.counted} views counted, stored total grew by ${r.correctness.storedDelta} (lost: ${r.correctness.lost}).`,
    "",
  ].join("\n");
}

function writeViewsResults(outDir: string, r: ViewsBenchResults, load: LoadOptions): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "views.json"), `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(path.join(outDir, "views.md"), `# npm run bench: view counting\n\n${renderViewsMarkdown(r, load)}`);
}
