/**
 * `npm run bench -- --archive N`: the production server on a PostgreSQL archive of N synthetic
 * stories (scripts/bench/archive-db.ts; reused across runs), measured where an archive hurts:
 *
 *   - uncached random articles: URLs from the article sitemaps (`/sitemap.xml` → `articles-K.xml`,
 *     a spread of chunks), shuffled, each requested once (`wrapped` says when the list ran out),
 *     right after start and again on the other half of the URLs (a warmed process); the page
 *     store is emptied first (./archive-stored.ts);
 *   - stored random articles: every article those cases rendered, each once, from a process
 *     started afterwards, which reads them from the page store (ADR 0015);
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
import os from "node:os";
import path from "node:path";
import { SYNTHETIC_QUERIES, ZH_OBJECTS, ZH_TOPICS } from "../../services/seed/synthetic-words.js";
import { archiveFacts, prepareArchiveDatabase } from "./archive-db.js";
import { emptyPageStore, measureStoredPages } from "./archive-stored.js";
import { deepPages, pageCountOf, searchStatus, shuffle, signIn, sitemapPaths, spread, timedGet } from "./archive-pages.js";
import { hotRow, loadRow, singleRow, writeArchiveResults, type ArchiveResults, type ArchiveRow, type Timed } from "./archive-report.js";
import { CASES } from "./cases.js";
import { discoverUrls } from "./discover.js";
import { measureArticleAndCeiling, runCase, type HotSettings } from "./hot.js";
import { detectLoadTool, measure, type LoadOptions } from "./load.js";
import { installSignalHandlers, onCleanup, treeMemory } from "./proc.js";
import { buildIfNeeded, startApp } from "./server.js";
import { envFlag, envInt, log, makeTempDir, removeDir, round, runCommand, sleep } from "./util.js";

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

/**
 * A run long enough for a few requests per connection when one request alone took `firstMs`
 * (the load tools do not count requests still running at the end): at most 90 s.
 */
export function adaptiveDuration(load: LoadOptions, firstMs: number): LoadOptions {
  const needed = Math.ceil((firstMs / 1000) * load.connections * 1.5);
  return { ...load, durationSec: Math.min(90, Math.max(load.durationSec, needed)) };
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
  // Pages stored by an earlier run of this build would not be uncached.
  await emptyPageStore(db.url);
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
  const storedRowAt = rows.length;

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

  // 8. The articles of step 4 again, from a new process: read from the page store, not rendered.
  const stored = await measureStoredPages({ root, healthTimeoutMs: options.healthTimeoutMs, database: { url: db.url, name: db.name }, env: clusterEnv(workers), load: archiveLoad, seed: count });
  rows.splice(storedRowAt, 0, ...stored);

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

async function gitCommit(root: string): Promise<string | null> {
  // "-dirty" when the working tree has uncommitted changes: the figures are of code no commit holds.
  const res = await runCommand("git", ["describe", "--always", "--dirty"], { cwd: root, timeoutMs: 5_000 });
  return res.code === 0 ? res.stdout.trim() || null : null;
}
