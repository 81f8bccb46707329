/**
 * What the archive benchmark reads from the running server: single timed requests, the sitemaps'
 * URLs, page counts and search status lines, the deepest section page, and an editor's session.
 */
import { prng } from "../../services/seed/synthetic-random.js";
import { decodeEntities } from "./discover.js";
import { singleRow, type ArchiveRow, type Timed } from "./archive-report.js";
import { httpRequest, log } from "./util.js";

export async function timedGet(origin: string, urlPath: string, timeoutSec: number, headers?: Record<string, string>): Promise<Timed> {
  const t0 = performance.now();
  try {
    const res = await httpRequest(`${origin}${urlPath}`, { headers, timeoutMs: timeoutSec * 1000 });
    return { path: urlPath, status: res.status, ms: performance.now() - t0, body: res.body.toString("utf8") };
  } catch (err) {
    log(`GET ${urlPath} failed: ${err instanceof Error ? err.message : String(err)}`);
    return { path: urlPath, status: 0, ms: performance.now() - t0, body: "" };
  }
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

export function shuffle<T>(items: T[], seed: number): T[] {
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
export async function signIn(origin: string, email: string, password: string): Promise<string> {
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

/** The deepest `?page=` of a section that answers 200, then that page and the two before it, each once. */
export async function deepPages(origin: string, slug: string, pageCount: number | null, timeoutSec: number): Promise<ArchiveRow> {
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
