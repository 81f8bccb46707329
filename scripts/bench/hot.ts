/**
 * The hot-page measurements shared by `npm run bench` and `npm run bench -- --archive N`: a case
 * of cases.ts under load, and the article page interleaved with a static copy of its HTML.
 */
import { ARTICLE_CASE, type BenchCase } from "./cases.js";
import { warm, type DiscoveredUrls } from "./discover.js";
import { measure, type LoadOptions, type LoadResult } from "./load.js";
import { summarize, type BenchResults, type CaseSummary } from "./report.js";
import { startStaticServer } from "./static.js";
import { log, median, sleep } from "./util.js";
import { pageWeight } from "./weight.js";

export interface HotSettings {
  warmRequests: number;
  rounds: number;
  /** The article's required share of the static server's req/s. */
  ratioThreshold: number;
}

/** Pause between load runs so sockets from the previous run are closed. */
const BETWEEN_RUNS_MS = 1_000;

export async function runCase(c: BenchCase, origin: string, urls: DiscoveredUrls, load: LoadOptions, settings: HotSettings): Promise<CaseSummary> {
  const method = (c.method ?? "GET").toUpperCase();
  const urlPath = c.path(urls);
  if (urlPath === null) {
    return { ...summarize(c.name, "app", method, null, null, []), skipped: "no URL found" };
  }
  const req = { method, headers: c.headers, body: c.body };
  const warmed = await warm(origin, urlPath, c.warm ?? settings.warmRequests, req);
  const runs: LoadResult[] = [];
  for (let i = 0; i < (c.runs ?? 1); i++) {
    runs.push(await measureLogged(c.name, `${origin}${urlPath}`, { ...load, ...req }));
    await sleep(BETWEEN_RUNS_MS);
  }
  return summarize(c.name, "app", method, urlPath, warmed, runs);
}

export async function measureLogged(name: string, url: string, opts: LoadOptions): Promise<LoadResult> {
  log(`measuring ${name}: ${opts.method ?? "GET"} ${url} (${opts.connections} conns, ${opts.durationSec} s)`);
  const r = await measure(name, url, opts);
  log(
    `  ${name}: ${r.rps.toFixed(1)} req/s, p50 ${r.latencyMs.p50.toFixed(2)} ms, p99 ${r.latencyMs.p99.toFixed(2)} ms, errors ${r.errors.total}`,
  );
  return r;
}

/**
 * Page weight of the article, then `settings.rounds` interleaved runs:
 * app article, static copy, app article, static copy, ...
 */
export async function measureArticleAndCeiling(origin: string, articlePath: string, load: LoadOptions, settings: HotSettings) {
  const articleWarm = await warm(origin, articlePath, settings.warmRequests);
  const { weight, html } = await pageWeight(origin, articlePath);
  log(
    `article weight: HTML ${weight.html.rawBytes} B (gzip ${weight.html.gzipBytes} B), ${weight.scriptFiles} JS files ${weight.jsRawBytes} B (gzip ${weight.jsGzipBytes} B)`,
  );
  const staticServer = await startStaticServer(html);
  log(`static ceiling: ${staticServer.label} at ${staticServer.origin}`);
  const staticWarm = await warm(staticServer.origin, "/", settings.warmRequests);

  const rounds: BenchResults["ceiling"]["rounds"] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const appRun = await measureLogged(`${ARTICLE_CASE.name} (app) #${round}`, `${origin}${articlePath}`, load);
    await sleep(BETWEEN_RUNS_MS);
    const staticRun = await measureLogged(`${ARTICLE_CASE.name} (static) #${round}`, `${staticServer.origin}/`, load);
    await sleep(BETWEEN_RUNS_MS);
    rounds.push({ round, app: appRun, static: staticRun });
  }
  await staticServer.stop();

  const appMedianRps = median(rounds.map((r) => r.app.rps));
  const staticMedianRps = median(rounds.map((r) => r.static.rps));
  const ceiling: BenchResults["ceiling"] = {
    server: staticServer.label,
    rounds,
    appMedianRps,
    staticMedianRps,
    ratio: appMedianRps / staticMedianRps,
    threshold: settings.ratioThreshold,
  };
  return {
    weight,
    ceiling,
    appCase: summarize(ARTICLE_CASE.name, "app", "GET", articlePath, articleWarm, rounds.map((r) => r.app)),
    staticCase: summarize(ARTICLE_CASE.name, "static", "GET", articlePath, staticWarm, rounds.map((r) => r.static)),
  };
}
