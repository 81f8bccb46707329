/**
 * URL discovery from the home page HTML, and cache warm-up.
 */
import { httpRequest, log } from "./util.js";

export interface DiscoveredUrls {
  home: string;
  section: string;
  sectionSource: "header nav" | "fallback" | "env";
  article: string | null;
  articleSource: "home page" | "env" | "none";
  /** A responsive image variant of the article (or BENCH_IMAGE_PATH), for the image route. */
  image: string | null;
  homeStatus: number;
}

/** Single-segment paths in the header that are clearly not sections. */
const NOT_SECTIONS = new Set(["search", "login", "logout", "signin", "sign-in", "signup", "admin", "account", "api"]);

export function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&#x2F;/gi, "/")
    .replace(/&#47;/g, "/")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** All href values of <a> tags in `html`, as same-origin paths where possible. */
export function anchorHrefs(html: string, origin: string): string[] {
  const out: string[] = [];
  const re = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    let href = decodeEntities(m[1] ?? m[2] ?? m[3] ?? "").trim();
    if (href.startsWith(origin)) href = href.slice(origin.length) || "/";
    out.push(href);
  }
  return out;
}

function blocks(html: string, tag: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "gi");
  return [...html.matchAll(re)].map((m) => m[1] ?? "");
}

/** First single-segment path (other than "/") linked from a <nav> in <header>. */
export function findSectionPath(html: string, origin: string): string | null {
  for (const header of blocks(html, "header")) {
    const navs = blocks(header, "nav");
    for (const scope of [...navs, header]) {
      for (const href of anchorHrefs(scope, origin)) {
        const m = /^\/([^/?#.]+)\/?$/.exec(href);
        if (m?.[1] && !NOT_SECTIONS.has(m[1].toLowerCase())) return href;
      }
    }
  }
  return null;
}

/** First link to an article (`/articles/<id>...`). */
export function findArticlePath(html: string, origin: string): string | null {
  return anchorHrefs(html, origin).find((href) => /^\/articles\/\d+/.test(href)) ?? null;
}

export async function discoverUrls(origin: string): Promise<DiscoveredUrls> {
  const res = await httpRequest(`${origin}/`, { timeoutMs: 60_000 });
  const html = res.body.toString("utf8");
  if (res.status !== 200) log(`warning: home page returned HTTP ${res.status}`);

  const envSection = process.env.BENCH_SECTION_PATH;
  const envArticle = process.env.BENCH_ARTICLE_PATH;
  const section = envSection ?? findSectionPath(html, origin);
  const article = envArticle ?? findArticlePath(html, origin);
  let image = process.env.BENCH_IMAGE_PATH ?? null;
  if (!image && article) {
    const page = (await httpRequest(`${origin}${article}`, { timeoutMs: 60_000 })).body.toString("utf8");
    const variants = [...page.matchAll(/\/media\/[0-9a-z/-]+\.(?:webp|jpg|png)/g)].map((m) => m[0]);
    image = variants.find((v) => /w640\.webp$/.test(v)) ?? variants[0] ?? null;
  }
  return {
    home: "/",
    section: section ?? "/news",
    sectionSource: envSection ? "env" : section ? "header nav" : "fallback",
    article,
    articleSource: envArticle ? "env" : article ? "home page" : "none",
    image,
    homeStatus: res.status,
  };
}

export interface WarmResult {
  path: string;
  statuses: number[];
  /** Status of the last warm-up request. */
  status: number;
  /** Caching headers of the last warm-up response (x-nextjs-cache, cache-control). */
  cache: string | null;
  firstMs: number;
  lastMs: number;
}

/** A few sequential requests so the page is rendered and cached before measuring. */
export async function warm(
  origin: string,
  path: string,
  count: number,
  req: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<WarmResult> {
  const statuses: number[] = [];
  const times: number[] = [];
  let cache: string | null = null;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    try {
      const res = await httpRequest(`${origin}${path}`, { ...req, timeoutMs: 60_000 });
      statuses.push(res.status);
      const parts = [
        res.headers["x-nextjs-cache"] ? `x-nextjs-cache: ${String(res.headers["x-nextjs-cache"])}` : "",
        res.headers["x-gazette-cache"] ? `x-gazette-cache: ${String(res.headers["x-gazette-cache"])}` : "",
        res.headers["x-cache-status"] ? `x-cache-status: ${String(res.headers["x-cache-status"])}` : "",
        res.headers["cache-control"] ? `cache-control: ${String(res.headers["cache-control"])}` : "",
      ].filter(Boolean);
      cache = parts.length ? parts.join("; ") : null;
    } catch (err) {
      log(`warm-up request to ${path} failed: ${err instanceof Error ? err.message : err}`);
      statuses.push(0);
    }
    times.push(performance.now() - t0);
  }
  const result = {
    path,
    statuses,
    status: statuses[statuses.length - 1] ?? 0,
    cache,
    firstMs: times[0] ?? Number.NaN,
    lastMs: times[times.length - 1] ?? Number.NaN,
  };
  log(
    `warmed ${req.method ?? "GET"} ${path}: statuses ${statuses.join(",")}, first ${result.firstMs.toFixed(0)} ms, last ${result.lastMs.toFixed(0)} ms${cache ? ` (${cache})` : ""}`,
  );
  return result;
}
