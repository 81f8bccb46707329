/**
 * `npm run bench -- --archive N`: the production server on a PostgreSQL archive of N synthetic
 * stories (scripts/bench/archive-db.ts; reused across runs), measured where an archive hurts:
 *
 *   - uncached random articles: URLs from the article sitemaps (`/sitemap.xml` → `articles-K.xml`,
 *     a spread of chunks), shuffled, each requested once (`wrapped` says when the list ran out),
 *     right after start and again on the other half of the URLs (a warmed process);
 *   - search: a common Chinese word, a rare phrase, an English word, a query with no hit (each asked
 *     again and again: the search result store answers the repeats), and distinct two-word queries;
 *   - first renders (the first request for the URL since the server started; the process is warmed
 *     by one unrelated article first): home, sections, the biggest tags, authors, the deepest
 *     `?page=` the section answers, the sitemap index and chunks;
 *   - the admin article list, signed in as an editor over HTTP (next-auth's credentials endpoint);
 *   - server memory (RSS of the process tree) after the archive load and at the end;
 *   - the hot-page cases of `npm run bench` (cases.ts, and the cached article against a static copy).
 *
 * Writes bench/archive.json (one entry per archive size and process count, the latest run of each) and
 * bench/archive.md.
 *
 * Environment (besides BENCH_CONNECTIONS, BENCH_DURATION, BENCH_ROUNDS, BENCH_WARM, BENCH_TIMEOUT,
 * BENCH_SKIP_BUILD, BENCH_TOOL, BENCH_STATIC of scripts/bench.ts, which apply to the hot cases):
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres  server where gazette_bench_archive_<N> lives
 *   BENCH_ARCHIVE_CONNECTIONS=8, BENCH_ARCHIVE_DURATION=20    random articles
 *   BENCH_SEARCH_CONNECTIONS=4, BENCH_SEARCH_DURATION=10      each search query (longer when one
 *   BENCH_ADMIN_CONNECTIONS=2, BENCH_ADMIN_DURATION=10        request is slow, see adaptiveDuration) / admin list
 *   BENCH_SITEMAP_CHUNKS=6   article sitemap chunks read for URLs (spread from first to last)
 *   BENCH_ARCHIVE_TIMEOUT=30 per-request timeout of the archive cases, seconds
 *   BENCH_ARCHIVE_HOT=0      skip the hot-page cases
 *   BENCH_WORKERS=2          the server with WEB_CONCURRENCY=N (server/cluster.mjs), with the local Redis
 *                            (or REDIS_URL) under this run's own key prefix
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prng } from "../../services/seed/synthetic.js";
import { SYNTHETIC_QUERIES, ZH_OBJECTS, ZH_TOPICS } from "../../services/seed/synthetic-words.js";
import { prepareArchiveDatabase, type ArchiveDatabase } from "./archive-db.js";
import { CASES } from "./cases.js";
import { decodeEntities, discoverUrls } from "./discover.js";
import { measureArticleAndCeiling, runCase, type HotSettings } from "./hot.js";
import { detectLoadTool, measure, type LoadOptions, type LoadResult } from "./load.js";
import { installSignalHandlers, onCleanup, treeMemory, type TreeMemory } from "./proc.js";
import type { CaseSummary } from "./report.js";
import { buildIfNeeded, startApp } from "./server.js";
import { envFlag, envInt, httpRequest, log, makeTempDir, median, removeDir, round, runCommand, sleep } from "./util.js";

/** `--archive N` or `--archive=N` in the arguments, or null. */
export function archiveCountArg(argv: string[]): number | null {
  const i = argv.findIndex((a) => a === "--archive" || a.startsWith("--archive="));
  if (i < 0) return null;
  const raw = argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new Error(`--archive needs a number of stories between 1 and 1000000 (got "${raw ?? ""}")`);
  }
  return count;
}

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

interface Timed {
  path: string;
  status: number;
  ms: number;
  body: string;
}

async function timedGet(origin: string, urlPath: string, timeoutSec: number, headers?: Record<string, string>): Promise<Timed> {
  const t0 = performance.now();
  try {
    const res = await httpRequest(`${origin}${urlPath}`, { headers, timeoutMs: timeoutSec * 1000 });
    return { path: urlPath, status: res.status, ms: performance.now() - t0, body: res.body.toString("utf8") };
  } catch (err) {
    log(`GET ${urlPath} failed: ${err instanceof Error ? err.message : String(err)}`);
    return { path: urlPath, status: 0, ms: performance.now() - t0, body: "" };
  }
}

/** One row from single requests (each a first render): median and max. */
function singleRow(group: ArchiveRow["group"], name: string, samples: Timed[], note = ""): ArchiveRow {
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

function loadRow(group: ArchiveRow["group"], name: string, urlPath: string, r: LoadResult, note = ""): ArchiveRow {
  // Requests still running when the run ends are not counted by the load tools: say so when that hides much.
  const few = r.requests === 0 ? "no request completed within the run" : r.requests < 2 * r.connections ? `only ${r.requests} requests completed: few samples` : "";
  const done = r.requests > 0;
  log(`  ${name}: ${r.rps.toFixed(1)} req/s, p50 ${r.latencyMs.p50.toFixed(1)} ms, p95 ${(r.latencyMs.p95 ?? Number.NaN).toFixed(1)} ms, p99 ${r.latencyMs.p99.toFixed(1)} ms, errors ${r.errors.total}`);
  const wrapped = r.paths && r.paths.count > 1 ? `${r.paths.count} URLs${r.paths.wrapped ? ", list ran out: some were requested twice" : ", none requested twice"}` : "";
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

function hotRow(c: CaseSummary, name = c.name, note = "cached"): ArchiveRow {
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

/**
 * A run long enough for a few requests per connection when one request alone took `firstMs`
 * (the load tools do not count requests still running at the end): at most 90 s.
 */
export function adaptiveDuration(load: LoadOptions, firstMs: number): LoadOptions {
  const needed = Math.ceil((firstMs / 1000) * load.connections * 1.5);
  return { ...load, durationSec: Math.min(90, Math.max(load.durationSec, needed)) };
}

/** `<loc>` paths of a sitemap document. */
export function sitemapPaths(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const loc = decodeEntities(m[1]!.trim());
    try {
      const u = new URL(loc);
      return `${u.pathname}${u.search}`;
    } catch {
      return loc;
    }
  });
}

/** `count` indexes spread from 0 to n - 1, first and last included. */
export function spread(n: number, count: number): number[] {
  if (count >= n) return Array.from({ length: n }, (_, i) => i);
  if (count <= 1) return [n - 1];
  return [...new Set(Array.from({ length: count }, (_, k) => Math.round((k * (n - 1)) / (count - 1))))];
}

function shuffle<T>(items: T[], seed: number): T[] {
  const rnd = prng(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const cookiePairs = (setCookie: string[] | string | undefined) =>
  (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((line) => line.split(";")[0]!.trim()).filter((p) => p.includes("="));

/** next-auth's credentials sign-in, as a script does it: GET /api/auth/csrf, POST the form; the session cookie. */
async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await httpRequest(`${origin}/api/auth/csrf`);
  const { csrfToken } = JSON.parse(csrf.body.toString("utf8")) as { csrfToken: string };
  const res = await httpRequest(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf.headers["set-cookie"]).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/admin` }).toString(),
  });
  const session = cookiePairs(res.headers["set-cookie"]).find((p) => /^(__Secure-)?authjs\.session-token=/.test(p));
  if (!session) throw new Error(`sign-in refused: HTTP ${res.status} ${String(res.headers.location ?? "")}`);
  return session;
}

/** "Page 1 of N" / "第 1 页，共 N 页" on a list page. */
export function pageCountOf(html: string): number | null {
  const m = /共\s*([\d,]+)\s*页|Page\s+[\d,]+\s+of\s+([\d,]+)/.exec(html);
  return m ? Number((m[1] ?? m[2])!.replace(/,/g, "")) : null;
}

/** The text of the search page's status line ("找到 1,234 篇相关文章"). */
export function searchStatus(html: string): string {
  return /<p[^>]*role="status"[^>]*>([^<]*)</.exec(html)?.[1]?.trim() ?? "no status line";
}

interface BenchArchiveOptions {
  root: string;
  count: number;
  hot: HotSettings;
  buildTimeoutMs: number;
  healthTimeoutMs: number;
}

export async function benchArchive(options: BenchArchiveOptions): Promise<number> {
  installSignalHandlers();
  const { root, count } = options;
  const timeoutSec = envInt("BENCH_ARCHIVE_TIMEOUT", 30);
  const tool = await detectLoadTool();
  log(`load tool: ${tool.version}`);
  const base = { tool, timeoutSec, threads: 1 };
  const archiveLoad: LoadOptions = { ...base, connections: envInt("BENCH_ARCHIVE_CONNECTIONS", 8), durationSec: envInt("BENCH_ARCHIVE_DURATION", 20) };
  const searchLoad: LoadOptions = { ...base, connections: envInt("BENCH_SEARCH_CONNECTIONS", 4), durationSec: envInt("BENCH_SEARCH_DURATION", 10) };
  const adminLoad: LoadOptions = { ...base, connections: envInt("BENCH_ADMIN_CONNECTIONS", 2), durationSec: envInt("BENCH_ADMIN_DURATION", 10) };
  const hotLoad: LoadOptions = { ...base, connections: envInt("BENCH_CONNECTIONS", 32), durationSec: envInt("BENCH_DURATION", 8), timeoutSec: envInt("BENCH_TIMEOUT", 10) };

  const db = await prepareArchiveDatabase(count);
  const build = await buildIfNeeded(root, options.buildTimeoutMs);
  const loadAvgStart = os.loadavg()[0] ?? Number.NaN;
  const workDir = makeTempDir("gazette-bench-archive-");
  onCleanup(() => removeDir(workDir));
  const workers = envInt("BENCH_WORKERS", 1);
  const app = await startApp(root, workDir, options.healthTimeoutMs, { databaseUrl: db.url, databaseLabel: db.name, env: clusterEnv(workers) });
  const origin = app.origin;
  const afterStart = treeMemory(app.pid);
  const rows: ArchiveRow[] = [];
  const first = (name: string, samples: Timed[], note = "") => rows.push(singleRow("first render", name, samples, note));

  // 1. The sitemaps: the index, then a spread of article chunks (first renders), for the article URLs.
  const index = await timedGet(origin, "/sitemap.xml", timeoutSec);
  first("sitemap index /sitemap.xml", [index]);
  const chunks = sitemapPaths(index.body).filter((p) => /\/articles-\d+\.xml$/.test(p));
  const chosen = spread(chunks.length, envInt("BENCH_SITEMAP_CHUNKS", 6)).map((i) => chunks[i]!);
  const chunkTimes: Timed[] = [];
  for (const chunk of chosen) chunkTimes.push(await timedGet(origin, chunk, timeoutSec));
  first("sitemap chunk articles-K.xml", chunkTimes, `${chunks.length} chunk(s); read ${chosen.map((c) => path.basename(c)).join(", ")}`);
  const articleUrls = shuffle(
    chunkTimes.flatMap((c) => sitemapPaths(c.body)).filter((p) => p.startsWith("/articles/")),
    count,
  );
  if (articleUrls.length < 10) throw new Error(`only ${articleUrls.length} article URLs in the sitemaps`);
  log(`${articleUrls.length} article URLs from ${chosen.length} of ${chunks.length} sitemap chunks`);

  // 2. Warm the process (layout data, most-read, the article route) with one article nobody measures.
  first("article (the first since start: warms the process)", [await timedGet(origin, articleUrls.pop()!, timeoutSec)]);

  // 3. First renders of lists.
  const facts = await archiveFacts(db.url);
  first("home /", [await timedGet(origin, "/", timeoutSec)], "includes the first load of the home route");
  const sectionPages: Timed[] = [];
  for (const slug of facts.sections.slice(0, 6)) sectionPages.push(await timedGet(origin, `/${slug}`, timeoutSec));
  first("section /{slug}", sectionPages);
  const tagPages: Timed[] = [];
  for (const tag of facts.tags.slice(0, 5)) tagPages.push(await timedGet(origin, `/tags/${encodeURIComponent(tag.slug)}`, timeoutSec));
  first("tag /tags/{slug} (the 5 biggest)", tagPages, facts.tags.slice(0, 5).map((t) => `${t.slug} ${t.stories}`).join(", "));
  const authorPages: Timed[] = [];
  for (const slug of facts.authors.slice(0, 3)) authorPages.push(await timedGet(origin, `/authors/${slug}`, timeoutSec));
  first("author /authors/{slug}", authorPages);
  const deepSection = facts.sections.includes("news") ? "news" : facts.sections[0]!;
  const sectionHtml = sectionPages.find((p) => p.path === `/${deepSection}`)?.body ?? (await timedGet(origin, `/${deepSection}`, timeoutSec)).body;
  rows.push(await deepPages(origin, deepSection, pageCountOf(sectionHtml), timeoutSec));

  // 4. Uncached random articles, each requested once: right after start, then again on other URLs once
  //    the process has run for a while (V8 has compiled the render path by then; a server runs for days).
  const halves = [articleUrls.slice(0, articleUrls.length >> 1), articleUrls.slice(articleUrls.length >> 1)];
  for (const [i, urls] of halves.entries()) {
    await sleep(1000);
    log(`measuring uncached random articles (${archiveLoad.connections} conns, ${archiveLoad.durationSec} s, ${urls.length} URLs)`);
    const random = await measure("random archive articles", origin, { ...archiveLoad, paths: urls });
    const when = i === 0 ? "a process just started" : `the same process ${archiveLoad.durationSec} s later, other URLs`;
    rows.push(loadRow("archive", `uncached random articles (from the sitemaps), ${when}`, urls[0]!, random));
  }

  // 5. Search.
  const queries: [string, string][] = [
    ["search: common Chinese word", SYNTHETIC_QUERIES.common],
    ["search: rare phrase", SYNTHETIC_QUERIES.rare],
    ["search: English word", SYNTHETIC_QUERIES.english],
    ["search: no hit", SYNTHETIC_QUERIES.none],
  ];
  for (const [name, q] of queries) {
    const urlPath = `/search?q=${encodeURIComponent(q)}`;
    const once = await timedGet(origin, urlPath, timeoutSec);
    await sleep(1000);
    const r = await measure(name, origin, { ...adaptiveDuration(searchLoad, once.ms), paths: [urlPath] });
    rows.push(loadRow("search", `${name} "${q}"`, urlPath, r, `"${searchStatus(once.body)}"; first request ${once.ms.toFixed(0)} ms; repeats answered by the search result store`));
  }
  // The same query again is answered from memory (SEARCH_CACHE_SECONDS): distinct queries measure the database.
  const distinct = shuffle(ZH_OBJECTS.flatMap((object) => ZH_TOPICS.map((topic) => `/search?q=${encodeURIComponent(`${object} ${topic}`)}`)), count);
  await sleep(1000);
  const fresh = await measure("distinct searches", origin, { ...searchLoad, paths: distinct });
  rows.push(loadRow("search", "search: distinct two-word queries, each asked once", distinct[0]!, fresh, `${distinct.length} queries (a thing and a topic, e.g. "${ZH_OBJECTS[0]} ${ZH_TOPICS[0]}")`));

  // 6. The admin article list, signed in.
  const cookie = await signIn(origin, db.editor.email, db.editor.password);
  // All stories; the biggest tag; the middle of the published list (25 a page).
  const adminPaths = [`/admin/articles`, `/admin/articles?tag=${facts.tags[0]?.id ?? ""}`, `/admin/articles?status=published&page=${Math.max(2, Math.floor(count / 50))}`];
  for (const adminPath of adminPaths) {
    const once = await timedGet(origin, adminPath, timeoutSec, { cookie });
    if (once.status !== 200) throw new Error(`${adminPath} answered HTTP ${once.status} when signed in`);
    await sleep(1000);
    const r = await measure(`admin ${adminPath}`, origin, { ...adaptiveDuration(adminLoad, once.ms), headers: { cookie }, paths: [adminPath] });
    rows.push(loadRow("admin", `admin list ${adminPath.replace("/admin/articles", "") || "(all)"}`, adminPath, r, `first request ${once.ms.toFixed(0)} ms`));
  }
  const afterArchiveLoad = treeMemory(app.pid);

  // 7. The hot pages of `npm run bench`, on this database.
  let ratio: number | null = null;
  let staticServer: string | null = null;
  if (process.env.BENCH_ARCHIVE_HOT !== "0") {
    const urls = await discoverUrls(origin);
    for (const c of CASES) rows.push(hotRow(await runCase(c, origin, urls, hotLoad, options.hot)));
    if (urls.article) {
      const article = await measureArticleAndCeiling(origin, urls.article, hotLoad, options.hot);
      rows.push(hotRow(article.appCase, "article (cached)"), hotRow(article.staticCase, "same HTML from a static server", "the ceiling, interleaved with the article runs"));
      ratio = article.ceiling.ratio;
      staticServer = article.ceiling.server;
    }
  }
  const atEnd = treeMemory(app.pid);
  await app.stop();

  const results: ArchiveResults = {
    count,
    date: new Date().toISOString(),
    machine: {
      nproc: os.availableParallelism(),
      cpu: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
      loadAvgStart,
      loadAvgEnd: os.loadavg()[0] ?? Number.NaN,
      node: process.version,
    },
    tool: tool.version,
    gitCommit: await gitCommit(root),
    database: { name: db.name, reused: db.reused, sizeGiB: round(db.sizeBytes / 1024 ** 3, 2), seed: db.seed },
    app: { build, startupSec: round(app.startupMs / 1000, 1), workers },
    rows,
    memory: { afterStart, afterArchiveLoad, atEnd },
    hot: { ratio, staticServer },
    adminMethod: "signed in over HTTP as an editor (GET /api/auth/csrf, POST /api/auth/callback/credentials), then the page with the session cookie",
  };
  const markdown = writeArchiveResults(root, results);
  process.stdout.write(`${markdown}\n`);
  log("wrote bench/archive.md and bench/archive.json");
  if (envFlag("BENCH_STRICT") && rows.some((r) => r.errors > 0)) return 1;
  return 0;
}

/**
 * WEB_CONCURRENCY=N > 1 (one server per core, server/cluster.mjs) needs Redis and a shared Server
 * Action key: the local Redis under this run's own prefix unless REDIS_URL is given.
 */
function clusterEnv(workers: number): Record<string, string> {
  if (workers <= 1) return {};
  const run = randomBytes(4).toString("hex");
  return {
    WEB_CONCURRENCY: String(workers),
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    CACHE_REDIS_PREFIX: `gazette-bench-${run}:cache:`,
    VIEWS_REDIS_PREFIX: `{gazette-bench-${run}-views}:`,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
  };
}

const runKey = (r: ArchiveResults) => ((r.app.workers ?? 1) > 1 ? `${r.count}x${r.app.workers}` : String(r.count));

/** The deepest `?page=` of a section that answers 200, then that page and the two before it, each once. */
async function deepPages(origin: string, slug: string, pageCount: number | null, timeoutSec: number): Promise<ArchiveRow> {
  let deepest = pageCount ?? 1;
  const probes: string[] = [];
  // The app may answer fewer pages than it counts (a cap): halve until a page answers.
  while (deepest > 1) {
    const probe = await timedGet(origin, `/${slug}?page=${deepest}`, timeoutSec);
    if (probe.status === 200) break;
    probes.push(`page ${deepest}: ${probe.status}`);
    deepest = Math.floor(deepest / 2);
  }
  const samples: Timed[] = [];
  // The probe that answered 200 rendered `deepest` already: measure the three pages before it.
  for (let p = Math.max(1, deepest - 1); p >= Math.max(1, deepest - 3); p--) samples.push(await timedGet(origin, `/${slug}?page=${p}`, timeoutSec));
  const note = `${pageCount === null ? "page count not found on page 1" : `${pageCount} pages`}; deepest answering: ${deepest}${probes.length ? ` (${probes.join(", ")})` : ""}`;
  return singleRow("first render", `deep page /${slug}?page=N`, samples, note);
}

interface ArchiveFacts {
  sections: string[];
  tags: { id: number; slug: string; stories: number }[];
  authors: string[];
}

/** Sections, the biggest tags and the most prolific synthetic authors, from the database. */
async function archiveFacts(url: string): Promise<ArchiveFacts> {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const sections = await client`select slug from sections order by parent_id nulls first, sort_order, id`;
    const tags = await client`
      select t.id, t.slug, count(*)::int as stories from article_tags a join tags t on t.id = a.tag_id
      group by t.id, t.slug order by stories desc limit 5`;
    const authors = await client`
      select u.slug from article_authors a join users u on u.id = a.user_id where u.slug like 'synthetic-author-%'
      group by u.slug order by count(*) desc limit 3`;
    return {
      sections: sections.map((r) => String(r.slug)),
      tags: tags.map((r) => ({ id: Number(r.id), slug: String(r.slug), stories: Number(r.stories) })),
      authors: authors.map((r) => String(r.slug)),
    };
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function gitCommit(root: string): Promise<string | null> {
  // "-dirty" when the working tree has uncommitted changes: the figures are of code no commit holds.
  const res = await runCommand("git", ["describe", "--always", "--dirty"], { cwd: root, timeoutMs: 5_000 });
  return res.code === 0 ? res.stdout.trim() || null : null;
}

// ------------------------------------------------------------------------------------ report

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
function writeArchiveResults(root: string, r: ArchiveResults): string {
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
