/**
 * The archive benchmark's results: the rows it measures (one per case), the file of runs it keeps
 * (bench/archive.json, the latest run per archive size and process count) and bench/archive.md.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ArchiveDatabase } from "./archive-db.js";
import type { LoadResult } from "./load.js";
import type { TreeMemory } from "./proc.js";
import type { CaseSummary } from "./report.js";
import { log, median, round } from "./util.js";

export interface ArchiveRow {
  group: "archive" | "search" | "first render" | "admin" | "hot";
  name: string;
  /** The path, or an example of the paths. */
  path: string | null;
  /** Concurrent connections of a load run; null for one request at a time. */
  connections: number | null;
  requests: number;
  rps: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  errors: number;
  note: string;
}

export interface ArchiveResults {
  count: number;
  date: string;
  machine: { nproc: number; cpu: string; memoryGiB: number; loadAvgStart: number; loadAvgEnd: number; node: string };
  tool: string;
  gitCommit: string | null;
  database: { name: string; reused: boolean; sizeGiB: number; seed: ArchiveDatabase["seed"] };
  /** workers: WEB_CONCURRENCY (absent in runs before it existed: one process). */
  app: { build: "built" | "skipped"; startupSec: number; workers?: number };
  rows: ArchiveRow[];
  memory: { afterStart: TreeMemory; afterArchiveLoad: TreeMemory; atEnd: TreeMemory };
  hot: { ratio: number | null; staticServer: string | null };
  adminMethod: string;
}

/** One request's answer and how long it took. */
export interface Timed {
  path: string;
  status: number;
  ms: number;
  body: string;
}

/** One row from single requests (each a first render): median and max. */
export function singleRow(group: ArchiveRow["group"], name: string, samples: Timed[], note = ""): ArchiveRow {
  const ms = samples.map((s) => s.ms);
  const bad = samples.filter((s) => s.status < 200 || s.status >= 400);
  const statuses = bad.length ? `; statuses ${samples.map((s) => s.status).join(",")}` : "";
  log(`  ${name}: ${samples.map((s) => `${s.path} ${s.status} ${s.ms.toFixed(0)} ms`).join(", ")}`);
  return {
    group,
    name,
    path: samples[0]?.path ?? null,
    connections: null,
    requests: samples.length,
    rps: null,
    p50Ms: samples.length ? median(ms) : null,
    p95Ms: null,
    p99Ms: null,
    maxMs: samples.length ? Math.max(...ms) : null,
    errors: bad.length,
    note: `${samples.length > 1 ? `median of ${samples.length} URLs, each requested once` : "one request"}${note ? `; ${note}` : ""}${statuses}`,
  };
}

/** Whether any path was asked for twice: a `once` run ends on the last answer, so only the requests then in flight were. */
function pathsNote(r: LoadResult): string {
  const repeats = r.requests - (r.paths?.count ?? r.requests);
  if (!r.paths?.wrapped) return ", none requested twice";
  return r.once ? `, each once, then ${repeats} repeat(s) in flight as the run stopped` : ", list ran out: some were requested twice";
}

export function loadRow(group: ArchiveRow["group"], name: string, urlPath: string, r: LoadResult, note = ""): ArchiveRow {
  // Requests still running when the run ends are not counted by the load tools: say so when that hides much.
  const few = r.requests === 0 ? "no request completed within the run" : r.requests < 2 * r.connections ? `only ${r.requests} requests completed: few samples` : "";
  const done = r.requests > 0;
  log(`  ${name}: ${r.rps.toFixed(1)} req/s, p50 ${r.latencyMs.p50.toFixed(1)} ms, p95 ${(r.latencyMs.p95 ?? Number.NaN).toFixed(1)} ms, p99 ${r.latencyMs.p99.toFixed(1)} ms, errors ${r.errors.total}`);
  const wrapped = r.paths && r.paths.count > 1 ? `${r.paths.count} URLs${pathsNote(r)}` : "";
  return {
    group,
    name,
    path: urlPath,
    connections: r.connections,
    requests: r.requests,
    rps: r.rps,
    p50Ms: done ? r.latencyMs.p50 : null,
    p95Ms: done ? (r.latencyMs.p95 ?? null) : null,
    p99Ms: done ? r.latencyMs.p99 : null,
    maxMs: done ? r.latencyMs.max : null,
    errors: r.errors.total,
    note: [few, `${round(r.durationSec, 0)} s`, wrapped, note].filter(Boolean).join("; "),
  };
}

export function hotRow(c: CaseSummary, name = c.name, note = "cached"): ArchiveRow {
  return {
    group: "hot",
    name,
    path: c.path,
    connections: c.runs[0]?.connections ?? null,
    requests: c.runs.reduce((s, r) => s + r.requests, 0),
    rps: c.skipped ? null : c.rps,
    p50Ms: c.skipped ? null : c.p50Ms,
    p95Ms: null,
    p99Ms: c.skipped ? null : c.p99Ms,
    maxMs: null,
    errors: c.errors,
    note: c.skipped ? `skipped: ${c.skipped}` : `median of ${c.runs.length} run(s); ${note}`,
  };
}

const runKey = (r: ArchiveResults) => ((r.app.workers ?? 1) > 1 ? `${r.count}x${r.app.workers}` : String(r.count));

const fmt = (n: number | null, digits = 0) => (n === null || !Number.isFinite(n) ? "-" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const msCell = (n: number | null) => (n === null || !Number.isFinite(n) ? "-" : n < 10 ? n.toFixed(1) : fmt(n));
const mib = (kb: number) => `${fmt(kb / 1024)} MiB`;

export function renderArchiveMarkdown(r: ArchiveResults): string {
  const seed = r.database.seed;
  const out = [
    `## ${r.count.toLocaleString("en-US")} stories${(r.app.workers ?? 1) > 1 ? `, ${r.app.workers} server processes (WEB_CONCURRENCY=${r.app.workers}, with Redis)` : ", one server process"}`,
    "",
    `- ${r.date}; ${r.machine.nproc} CPUs (${r.machine.cpu}), ${r.machine.memoryGiB} GiB; 1-min load average ${fmt(r.machine.loadAvgStart, 2)} at start, ${fmt(r.machine.loadAvgEnd, 2)} at end; Node ${r.machine.node}; ${r.tool}; commit ${r.gitCommit ?? "?"}`,
    `- Database ${r.database.name} on PostgreSQL (${r.database.sizeGiB} GiB), ${r.database.reused ? "reused from an earlier run" : "seeded by this run"}; server start ${r.app.startupSec} s`,
    seed
      ? `- Seed: ${seed.stories.toLocaleString("en-US")} stories in ${fmt(seed.insertSeconds)} s = **${seed.storiesPerSecond} stories/s**, then VACUUM ANALYZE ${fmt(seed.analyzeSeconds)} s; ${seed.tagLinks.toLocaleString("en-US")} tag links (${seed.tags} tags), ${seed.authorLinks.toLocaleString("en-US")} author links (${seed.authors} authors), ${seed.viewRows.toLocaleString("en-US")} daily view rows`
      : "- Seed: reused (see the run that seeded it)",
    `- Admin: ${r.adminMethod}`,
    "",
    "| group | case | conns | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | notes |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...r.rows.map((x) =>
      `| ${x.group} | ${x.name.replace(/\|/g, "\\|")} | ${x.connections ?? (x.requests ? "1 at a time" : "-")} | ${fmt(x.requests)} | ${x.rps === null ? "-" : fmt(x.rps, x.rps < 100 ? 1 : 0)} | ${msCell(x.p50Ms)} | ${msCell(x.p95Ms)} | ${msCell(x.p99Ms)} | ${msCell(x.maxMs)} | ${x.errors} | ${x.note.replace(/\|/g, "\\|")} |`,
    ),
    "",
    `Cached article / static ratio: ${r.hot.ratio === null ? "-" : r.hot.ratio.toFixed(3)}${r.hot.staticServer ? ` (${r.hot.staticServer})` : ""}.`,
    `Server memory (RSS of the process tree): ${mib(r.memory.afterStart.rssKb)} after start, ${mib(r.memory.afterArchiveLoad.rssKb)} after the archive cases, ${mib(r.memory.atEnd.rssKb)} at the end (peak ${mib(r.memory.atEnd.peakKb)}).`,
    "",
    "First renders are one request per URL, the first since the server started (one unrelated article warms the process first);",
    "load rows are the load tool's figures (p95 exact from every response time). Errors: socket errors, time-outs and HTTP status >= 400.",
    "",
  ];
  return out.join("\n");
}

interface ArchiveFile {
  schema: 1;
  runs: Record<string, ArchiveResults>;
}

/** bench/archive.json keeps the latest run per archive size; bench/archive.md shows them all. */
export function writeArchiveResults(root: string, r: ArchiveResults): string {
  const jsonFile = path.join(root, "bench", "archive.json");
  let file: ArchiveFile = { schema: 1, runs: {} };
  if (existsSync(jsonFile)) {
    try {
      file = JSON.parse(readFileSync(jsonFile, "utf8")) as ArchiveFile;
    } catch {
      log("bench/archive.json is not valid JSON: starting it again");
    }
  }
  file.runs[runKey(r)] = r;
  writeFileSync(jsonFile, `${JSON.stringify(file, null, 2)}\n`);
  const sections = Object.values(file.runs)
    .sort((a, b) => a.count - b.count || (a.app.workers ?? 1) - (b.app.workers ?? 1))
    .map(renderArchiveMarkdown);
  writeFileSync(
    path.join(root, "bench", "archive.md"),
    `# npm run bench -- --archive N\n\nThe production server on PostgreSQL with N synthetic stories (scripts/bench/archive.ts); the latest run per size and number of server processes.\n\n${sections.join("\n")}`,
  );
  return renderArchiveMarkdown(r);
}
