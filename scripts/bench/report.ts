/**
 * Result model, markdown rendering and results files (bench/results.{md,json}).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DiscoveredUrls, WarmResult } from "./discover.js";
import type { LoadResult } from "./load.js";
import type { TreeMemory } from "./proc.js";
import type { PageWeight } from "./weight.js";
import { median } from "./util.js";

export interface CaseSummary {
  name: string;
  /** Which server answered: the Gazette app, the static ceiling, or nginx's cache in front of the app. */
  target: "app" | "static" | "proxy";
  method: string;
  path: string | null;
  /** HTTP status of the last warm-up request (0 = no answer). */
  warmStatus: number | null;
  /** The warm-up requests (statuses, timings, caching headers). */
  warm: WarmResult | null;
  runs: LoadResult[];
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  skipped?: string;
}

export interface BenchResults {
  schema: 1;
  date: string;
  machine: {
    nproc: number;
    cpu: string;
    memoryGiB: number;
    os: string;
    node: string;
    /** 1-minute load average when the benchmark started and when it finished (other work skews results). */
    loadAvgStart: number;
    loadAvgEnd: number;
  };
  settings: {
    tool: string;
    connections: number;
    durationSec: number;
    timeoutSec: number;
    threads: number;
    rounds: number;
    warmRequests: number;
  };
  app: {
    build: "built" | "skipped";
    buildId: string | null;
    database: string;
    startupSec: number;
    gitCommit: string | null;
  };
  urls: DiscoveredUrls;
  cases: CaseSummary[];
  ceiling: {
    server: string;
    rounds: { round: number; app: LoadResult; static: LoadResult }[];
    appMedianRps: number;
    staticMedianRps: number;
    ratio: number;
    threshold: number;
  };
  weight: PageWeight;
  memory: { afterStart: TreeMemory; afterLoad: TreeMemory };
  verdict: { pass: boolean; appErrors: number; reasons: string[]; notes: string[] };
}

export function summarize(
  name: string,
  target: CaseSummary["target"],
  method: string,
  urlPath: string | null,
  warm: WarmResult | null,
  runs: LoadResult[],
): CaseSummary {
  return {
    name,
    target,
    method,
    path: urlPath,
    warmStatus: warm ? warm.status : null,
    warm,
    runs,
    rps: median(runs.map((r) => r.rps)),
    p50Ms: median(runs.map((r) => r.latencyMs.p50)),
    p99Ms: median(runs.map((r) => r.latencyMs.p99)),
    errors: runs.reduce((s, r) => s + r.errors.total, 0),
  };
}

// ---------------------------------------------------------------- format

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "n/a");
const fixed = (n: number, d: number) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");
const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)) : "n/a");
const rps = (n: number) => (Number.isFinite(n) ? (n < 100 ? n.toFixed(1) : int(n)) : "n/a");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const bytes = (n: number) => `${int(n)} B (${kib(n)})`;
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
const shortPath = (p: string | null, max = 48) => (p && p.length > max ? `${p.slice(0, max - 1)}…` : (p ?? "-"));

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

function errorDetail(runs: LoadResult[]): string {
  const sum = (k: keyof LoadResult["errors"]) => runs.reduce((s, r) => s + r.errors[k], 0);
  const parts: string[] = [];
  if (sum("httpStatus")) parts.push(`${sum("httpStatus")} HTTP>=400`);
  if (sum("timeout")) parts.push(`${sum("timeout")} timeout`);
  const sock = sum("connect") + sum("read") + sum("write");
  if (sock) parts.push(`${sock} socket`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

export function renderMarkdown(r: BenchResults): string {
  const s = r.settings;
  const out: string[] = [];
  out.push("# Gazette benchmark results", "");
  out.push(
    `- Date: ${r.date}`,
    `- Machine: ${r.machine.nproc} CPUs (${r.machine.cpu}), ${r.machine.memoryGiB} GiB RAM, ${r.machine.os}; 1-min load average ${fixed(r.machine.loadAvgStart, 2)} at start, ${fixed(r.machine.loadAvgEnd, 2)} at end`,
    `- Node: ${r.machine.node}; app database: ${r.app.database}; build: ${r.app.build}${r.app.buildId ? ` (BUILD_ID ${r.app.buildId})` : ""}${r.app.gitCommit ? `; commit ${r.app.gitCommit}` : ""}`,
    `- Load tool: ${s.tool}, ${s.connections} connections, ${s.threads} thread(s), ${s.durationSec} s per run, ${s.timeoutSec} s request timeout, keep-alive, no Accept-Encoding`,
    `- Static ceiling: ${r.ceiling.server}`,
    `- App startup (spawn to healthy, incl. migrations and seeding): ${fixed(r.app.startupSec, 1)} s`,
    "",
  );

  out.push("## Throughput and latency", "");
  out.push(
    table(
      ["Case", "Server", "Method + path", "Status", "Runs", "Req/s", "p50 ms", "p99 ms", "Errors", "Cache (last warm-up)"],
      r.cases.map((c) =>
        c.skipped
          ? [c.name, c.target, shortPath(c.path), "-", "0", "-", "-", "-", `skipped: ${c.skipped}`, "-"]
          : [
              c.name,
              c.target === "app" ? "app" : c.target === "proxy" ? "nginx cache → app" : "static ceiling",
              `${c.method} ${shortPath(c.path)}`,
              c.warmStatus === null ? "-" : String(c.warmStatus),
              String(c.runs.length),
              rps(c.rps),
              ms(c.p50Ms),
              ms(c.p99Ms),
              `${c.errors}${errorDetail(c.runs)}`,
              c.warm?.cache ?? "-",
            ],
      ),
    ),
    "",
    "Req/s, p50 and p99 are medians over the runs; errors are summed (socket errors, timeouts and HTTP status >= 400).",
    "",
  );

  out.push("## Article vs static ceiling (interleaved)", "");
  out.push(
    table(
      ["Round", "App req/s", "App p50 ms", "App p99 ms", "App errors", "Static req/s", "Static p50 ms", "Static p99 ms", "Static errors"],
      r.ceiling.rounds.map((x) => [
        String(x.round),
        rps(x.app.rps),
        ms(x.app.latencyMs.p50),
        ms(x.app.latencyMs.p99),
        String(x.app.errors.total),
        rps(x.static.rps),
        ms(x.static.latencyMs.p50),
        ms(x.static.latencyMs.p99),
        String(x.static.errors.total),
      ]),
    ),
    "",
    `Ratio = median app article req/s / median static req/s = ${rps(r.ceiling.appMedianRps)} / ${rps(r.ceiling.staticMedianRps)} = **${fixed(r.ceiling.ratio, 4)}** (threshold ${r.ceiling.threshold}).`,
    "",
  );

  const w = r.weight;
  out.push("## Article page weight", "");
  const enc = w.html.gzipEncoding === "identity" ? " (server sent it uncompressed)" : "";
  out.push(
    table(
      ["Resource", "Count", "Raw", "Gzip as sent"],
      [
        ["HTML", "1", bytes(w.html.rawBytes), `${bytes(w.html.gzipBytes)}${enc}`],
        ["JS files (`<script src>`)", String(w.scriptFiles), bytes(w.jsRawBytes), bytes(w.jsGzipBytes)],
        ["Inline `<script>` (part of the HTML)", String(w.inlineScripts), bytes(w.inlineScriptBytes), "-"],
        ["HTML + JS files", String(1 + w.scriptFiles), bytes(w.html.rawBytes + w.jsRawBytes), bytes(w.html.gzipBytes + w.jsGzipBytes)],
      ],
    ),
    "",
  );
  if (w.externalScripts.length) out.push(`Scripts on other origins (not fetched): ${w.externalScripts.join(", ")}`, "");

  out.push("## Server memory (process tree of `node scripts/start.mjs`)", "");
  out.push(
    table(
      ["When", "RSS", "Peak (sum of VmHWM)", "Processes"],
      [
        ["after start (healthy)", mib(r.memory.afterStart.rssKb), mib(r.memory.afterStart.peakKb), String(r.memory.afterStart.processes.length)],
        ["after load", mib(r.memory.afterLoad.rssKb), mib(r.memory.afterLoad.peakKb), String(r.memory.afterLoad.processes.length)],
      ],
    ),
    "",
  );

  out.push("## Verdict", "");
  out.push(
    `**${r.verdict.pass ? "PASS" : "FAIL"}**: ratio ${fixed(r.ceiling.ratio, 4)} ${r.ceiling.ratio >= r.ceiling.threshold ? ">=" : "<"} ${r.ceiling.threshold}, app errors ${r.verdict.appErrors}.`,
  );
  for (const reason of r.verdict.reasons) out.push(`- ${reason}`);
  for (const note of r.verdict.notes) out.push(`- Note: ${note}`);
  out.push("");
  return out.join("\n");
}

/** Write bench/results.md and bench/results.json under the repo root. */
export function writeResults(root: string, r: BenchResults, markdown: string): { md: string; json: string } {
  const dir = path.join(root, "bench");
  mkdirSync(dir, { recursive: true });
  const md = path.join(dir, "results.md");
  const json = path.join(dir, "results.json");
  writeFileSync(md, markdown);
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  return { md, json };
}
