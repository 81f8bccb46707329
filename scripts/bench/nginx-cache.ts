/**
 * The article page through the nginx caching proxy of docs/scaling.md: the documented configuration
 * (docs/nginx/gazette.conf) as it stands, only its cache folder, listen address and upstream pointed
 * at this run, with one worker like the static ceiling. What a CDN-less deployment gets from the
 * reader pages' `s-maxage`.
 */
import { chmodSync, readFileSync } from "node:fs";
import path from "node:path";
import { ARTICLE_CASE } from "./cases.js";
import { warm } from "./discover.js";
import type { LoadOptions, LoadResult } from "./load.js";
import { summarize, type CaseSummary } from "./report.js";
import { nginxMainConf, spawnNginx } from "./static.js";
import { log, makeTempDir, removeDir, sleep } from "./util.js";
import { onCleanup } from "./proc.js";
import { measureLogged, type HotSettings } from "./hot.js";

export const CACHE_PROXY_CASE = `${ARTICLE_CASE.name} via nginx cache`;

/** docs/nginx/gazette.conf with this run's cache folder, port and app server. */
export function cachingProxyConf(documented: string, dir: string, port: number, upstream: string): string {
  const host = new URL(upstream).host;
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`docs/nginx/gazette.conf no longer has ${from}`);
    return text.replace(from, to);
  };
  let conf = replace(documented, /proxy_cache_path \S+/, `proxy_cache_path ${path.join(dir, "cache")}`);
  conf = replace(conf, /listen 80;/, `listen 127.0.0.1:${port};`);
  conf = replace(conf, /server 127\.0\.0\.1:3000;/, `server ${host};`);
  return nginxMainConf(dir, conf);
}

export async function measureArticleThroughCache(root: string, origin: string, articlePath: string, load: LoadOptions, settings: HotSettings): Promise<CaseSummary | null> {
  const dir = makeTempDir("gazette-bench-cache-");
  onCleanup(() => removeDir(dir));
  // nginx workers run as an unprivileged user when started as root: they must reach the folder
  // (nginx creates the cache and temp folders under it for them).
  chmodSync(dir, 0o755);
  const documented = readFileSync(path.join(root, "docs/nginx/gazette.conf"), "utf8");
  const proxy = await spawnNginx(dir, (port) => cachingProxyConf(documented, dir, port, origin), "caching proxy, worker_processes 1");
  if (!proxy) {
    log("nginx is not installed or did not start: the article through the caching proxy is skipped");
    return null;
  }
  try {
    log(`caching proxy: ${proxy.label} at ${proxy.origin} in front of ${origin}`);
    const warmed = await warm(proxy.origin, articlePath, settings.warmRequests);
    const runs: LoadResult[] = [];
    for (let round = 1; round <= settings.rounds; round++) {
      runs.push(await measureLogged(`${CACHE_PROXY_CASE} #${round}`, `${proxy.origin}${articlePath}`, load));
      await sleep(1_000);
    }
    return summarize(CACHE_PROXY_CASE, "proxy", "GET", articlePath, warmed, runs);
  } finally {
    await proxy.stop();
  }
}
