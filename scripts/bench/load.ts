/**
 * HTTP load generation: wrk when installed (preferred, runs out of process),
 * otherwise autocannon's programmatic API. Both report the same LoadResult.
 */
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { assertLoopback, makeTempDir, removeDir, runCommand, which } from "./util.js";

export type LoadToolName = "wrk" | "autocannon";

export interface LoadTool {
  name: LoadToolName;
  version: string;
}

export interface LoadOptions {
  tool: LoadTool;
  connections: number;
  durationSec: number;
  /** Per-request timeout; a slower response counts as a timeout error. */
  timeoutSec: number;
  /** wrk threads (default 1: on 2 cores the server gets the other one). */
  threads?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * Request these paths (on the URL's origin) in turn, one per request, instead of the URL's own
   * path: each is requested once until the list runs out, then it starts over (`wrapped`). Also
   * records the exact p95 (wrk: its `done` hook; autocannon: every response time).
   */
  paths?: string[];
  /** With `paths`: stop once each was answered (the run ends before `durationSec` then), so none is a repeat. */
  once?: boolean;
}

export interface LoadResult {
  name: string;
  url: string;
  method: string;
  tool: LoadToolName;
  connections: number;
  durationSec: number;
  startedAt: string;
  /** Completed requests. */
  requests: number;
  /** Completed requests per second over the run. */
  rps: number;
  /** p95 only with `paths` (neither tool reports it by default). */
  latencyMs: { avg: number; p50: number; p75: number; p90: number; p95?: number; p99: number; max: number };
  errors: {
    connect: number;
    read: number;
    write: number;
    timeout: number;
    /** Responses with status >= 400 (wrk counts these as "Non-2xx or 3xx responses"). */
    httpStatus: number;
    total: number;
  };
  bytesRead: number;
  /** With `paths`: how many there were, and whether the run requested more (some were repeats). */
  paths?: { count: number; wrapped: boolean };
  /** The run stopped once every path was answered. */
  once?: boolean;
}

/** wrk if present (and not overridden by BENCH_TOOL=autocannon), else autocannon. */
export async function detectLoadTool(): Promise<LoadTool> {
  const forced = (process.env.BENCH_TOOL ?? "").trim().toLowerCase();
  if (forced && forced !== "wrk" && forced !== "autocannon") {
    throw new Error(`BENCH_TOOL must be "wrk" or "autocannon" (got "${forced}")`);
  }
  if (forced !== "autocannon" && which("wrk")) {
    const res = await runCommand("wrk", ["--version"], { timeoutMs: 5_000 });
    const first = `${res.stdout}${res.stderr}`.split("\n")[0] ?? "";
    const version = /^wrk\s+(\S+)/.exec(first)?.[1] ?? "unknown";
    return { name: "wrk", version: `wrk ${version}` };
  }
  if (forced === "wrk") throw new Error("BENCH_TOOL=wrk but wrk is not on PATH");
  const pkg = loadCjs("autocannon/package.json") as { version?: string };
  return { name: "autocannon", version: `autocannon ${pkg.version ?? "?"}` };
}

/** Run one load test of `url` and return normalised numbers. */
export async function measure(name: string, url: string, opts: LoadOptions): Promise<LoadResult> {
  assertLoopback(url);
  return opts.tool.name === "wrk" ? runWrk(name, url, opts) : runAutocannon(name, url, opts);
}

// ---------------------------------------------------------------- wrk

const TIME_UNITS_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

function wrkTime(text: string | undefined): number {
  const m = /^([\d.]+)(us|ms|s|m|h)$/.exec((text ?? "").trim());
  return m?.[2] ? Number(m[1]) * (TIME_UNITS_MS[m[2]] ?? Number.NaN) : Number.NaN;
}

function wrkSize(text: string | undefined): number {
  const m = /^([\d.]+)(B|KB|MB|GB|TB)$/.exec((text ?? "").trim());
  return m?.[2] ? Math.round(Number(m[1]) * (SIZE_UNITS[m[2]] ?? 0)) : 0;
}

/** Parse `wrk --latency` output. Exported for tests. */
export function parseWrkOutput(out: string): Omit<LoadResult, "name" | "url" | "method" | "tool" | "connections" | "startedAt"> {
  const num = (re: RegExp) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : 0;
  };
  const rpsMatch = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (!rpsMatch) throw new Error(`could not parse wrk output:\n${out}`);
  const lat = /^\s*Latency\s+(\S+)\s+(\S+)\s+(\S+)/m.exec(out);
  const pct = (p: number) => wrkTime(new RegExp(`^\\s*${p}%\\s+(\\S+)`, "m").exec(out)?.[1]);
  const total = /(\d+) requests in ([\d.]+)(us|ms|s|m|h), ([\d.]+\w+) read/.exec(out);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = {
    connect: sock ? Number(sock[1]) : 0,
    read: sock ? Number(sock[2]) : 0,
    write: sock ? Number(sock[3]) : 0,
    timeout: sock ? Number(sock[4]) : 0,
    httpStatus: num(/Non-2xx or 3xx responses:\s+(\d+)/),
    total: 0,
  };
  errors.total = errors.connect + errors.read + errors.write + errors.timeout + errors.httpStatus;
  return {
    durationSec: total ? wrkTime(`${total[2]}${total[3]}`) / 1000 : Number.NaN,
    requests: total ? Number(total[1]) : 0,
    rps: Number(rpsMatch[1]),
    latencyMs: {
      avg: wrkTime(lat?.[1]),
      max: wrkTime(lat?.[3]),
      p50: pct(50),
      p75: pct(75),
      p90: pct(90),
      p99: pct(99),
    },
    errors,
    bytesRead: total ? wrkSize(total[4]) : 0,
  };
}

/** Lua long-bracket string that cannot be closed by the content. */
function luaString(value: string): string {
  let eq = "";
  while (value.includes(`]${eq}]`)) eq += "=";
  return `[${eq}[${value}]${eq}]`;
}

/** Printed by a `once` script when every path was answered. */
const LIST_DONE = "GAZETTE_LIST_DONE";

/** A wrk script that walks `opts.paths` (one per request) and prints exact percentiles at the end. Exported for tests. */
export function pathsScript(method: string, opts: LoadOptions): string {
  const lines = [`wrk.method = ${luaString(method)}`];
  if (opts.body !== undefined) lines.push(`wrk.body = ${luaString(opts.body)}`);
  for (const [k, v] of Object.entries(opts.headers ?? {})) lines.push(`wrk.headers[ ${luaString(k)} ] = ${luaString(v)}`);
  lines.push(
    `local paths = { ${(opts.paths ?? []).map(luaString).join(",\n")} }`,
    "local i = 0",
    "request = function()",
    "  i = i + 1",
    "  return wrk.format(nil, paths[(i - 1) % #paths + 1])",
    "end",
    ...(opts.once
      ? [
          // wrk's own clock runs until it stops: the runner interrupts it (SIGINT) when it reads this line.
          "local answered = 0",
          "response = function(status, headers, body)",
          "  answered = answered + 1",
          `  if answered == #paths then io.write("${LIST_DONE}\\n"); io.flush() end`,
          "end",
        ]
      : []),
    "done = function(summary, latency, requests)",
    '  io.write(string.format("GAZETTE_LATENCY_US %d %d %d %d %d %d\\n", latency:percentile(50), latency:percentile(75), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max))',
    "end",
  );
  return `${lines.join("\n")}\n`;
}

function pathsInfo(opts: LoadOptions, requests: number): Pick<LoadResult, "paths" | "once"> {
  return opts.paths ? { paths: { count: opts.paths.length, wrapped: requests > opts.paths.length }, ...(opts.once ? { once: true } : {}) } : {};
}

/** The p-th percentile (nearest rank) of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function exactLatencies(times: number[]): Partial<LoadResult["latencyMs"]> {
  const sorted = Float64Array.from(times).sort();
  const values = Array.from(sorted);
  return { p50: percentile(values, 50), p75: percentile(values, 75), p90: percentile(values, 90), p95: percentile(values, 95), p99: percentile(values, 99), max: values[values.length - 1] };
}

async function runWrk(name: string, url: string, opts: LoadOptions): Promise<LoadResult> {
  const method = (opts.method ?? "GET").toUpperCase();
  const args = [
    `-t${opts.threads ?? 1}`,
    `-c${opts.connections}`,
    `-d${opts.durationSec}s`,
    `--timeout`,
    `${opts.timeoutSec}s`,
    "--latency",
  ];
  let scriptDir: string | null = null;
  if (opts.paths) {
    scriptDir = makeTempDir("gazette-bench-wrk-");
    const script = path.join(scriptDir, "paths.lua");
    writeFileSync(script, pathsScript(method, opts));
    args.push("-s", script);
  } else if (method !== "GET" || opts.body !== undefined) {
    // Method, body and headers go through a Lua script (wrk has no CLI flags for method/body).
    scriptDir = makeTempDir("gazette-bench-wrk-");
    const lines = [`wrk.method = ${luaString(method)}`];
    if (opts.body !== undefined) lines.push(`wrk.body = ${luaString(opts.body)}`);
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      // spaces matter: `t[[[x]]]` would parse as a call with a long string
      lines.push(`wrk.headers[ ${luaString(k)} ] = ${luaString(v)}`);
    }
    const script = path.join(scriptDir, "request.lua");
    writeFileSync(script, `${lines.join("\n")}\n`);
    args.push("-s", script);
  } else {
    for (const [k, v] of Object.entries(opts.headers ?? {})) args.push("-H", `${k}: ${v}`);
  }
  args.push(url);
  const startedAt = new Date().toISOString();
  try {
    const res = await runCommand("wrk", args, { timeoutMs: (opts.durationSec + opts.timeoutSec + 30) * 1000, interruptOn: opts.once ? LIST_DONE : undefined });
    if (res.code !== 0) {
      throw new Error(`wrk exited with ${res.code}${res.timedOut ? " (timed out)" : ""}: ${res.stderr || res.stdout}`);
    }
    if (res.stderr.trim()) throw new Error(`wrk reported: ${res.stderr.trim()}`);
    const parsed = parseWrkOutput(res.stdout);
    // With paths, the script prints the percentiles in microseconds (wrk's own table rounds them).
    const exact = /^GAZETTE_LATENCY_US (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/m.exec(res.stdout);
    if (exact) {
      const [p50, p75, p90, p95, p99, max] = exact.slice(1).map((us) => Number(us) / 1000) as [number, number, number, number, number, number];
      Object.assign(parsed.latencyMs, { p50, p75, p90, p95, p99, max });
    }
    return { name, url, method, tool: "wrk", connections: opts.connections, startedAt, ...parsed, ...pathsInfo(opts, parsed.requests) };
  } finally {
    if (scriptDir) removeDir(scriptDir);
  }
}

// ---------------------------------------------------------- autocannon

/** The subset of autocannon's result object that we read. */
interface AutocannonHistogram {
  average: number;
  mean: number;
  max: number;
  total: number;
  p50: number;
  p75: number;
  p90: number;
  p99: number;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "4xx": number;
  "5xx": number;
  latency: AutocannonHistogram;
  requests: AutocannonHistogram;
  throughput: AutocannonHistogram;
}

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}

/** The call returns a tracker: an event emitter that is also a promise of the result. */
type AutocannonFn = (opts: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  requests?: AutocannonRequest[];
  /** Stop after this many requests in all. */
  amount?: number;
}) => Promise<AutocannonResult> & {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};

// autocannon ships no type declarations; load it as CommonJS with a local type.
const loadCjs = createRequire(import.meta.url);

async function runAutocannon(name: string, url: string, opts: LoadOptions): Promise<LoadResult> {
  const autocannon = loadCjs("autocannon") as AutocannonFn;
  const method = (opts.method ?? "GET").toUpperCase();
  const startedAt = new Date().toISOString();
  const paths = opts.paths;
  let next = 0;
  const tracker = autocannon({
    url,
    connections: opts.connections,
    duration: opts.durationSec,
    timeout: opts.timeoutSec,
    method,
    headers: opts.headers,
    body: opts.body,
    ...(paths ? { requests: [{ method, headers: opts.headers, body: opts.body, setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }] } : {}),
    ...(paths && opts.once ? { amount: paths.length } : {}),
  });
  const times: number[] = [];
  if (paths) tracker.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  const r = await tracker;
  // With paths, every latency comes from the response times (so that p50 <= p95 <= p99 always holds).
  const exact = paths && times.length ? exactLatencies(times) : {};
  const timeouts = r.timeouts ?? 0;
  const errors = {
    connect: 0,
    read: Math.max(0, (r.errors ?? 0) - timeouts), // autocannon's errors include timeouts
    write: 0,
    timeout: timeouts,
    httpStatus: (r["4xx"] ?? 0) + (r["5xx"] ?? 0),
    total: 0,
  };
  errors.total = errors.read + errors.timeout + errors.httpStatus;
  const durationSec = r.duration;
  return {
    name,
    url,
    method,
    tool: "autocannon",
    connections: opts.connections,
    durationSec,
    startedAt,
    requests: r.requests.total,
    rps: durationSec > 0 ? r.requests.total / durationSec : r.requests.average,
    latencyMs: {
      avg: r.latency.average,
      max: r.latency.max,
      p50: r.latency.p50,
      p75: r.latency.p75,
      p90: r.latency.p90,
      p99: r.latency.p99,
      ...exact,
    },
    errors,
    bytesRead: r.throughput.total,
    ...pathsInfo(opts, r.requests.total),
  };
}
