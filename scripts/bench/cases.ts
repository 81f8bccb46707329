/**
 * The list of app benchmarks. Each case becomes one row of the results table.
 * To add a benchmark, append a case here; the article page is measured
 * separately (interleaved with the static ceiling, see scripts/bench.ts).
 *
 * Example for a later POST endpoint:
 *   {
 *     name: "view beacon",
 *     path: () => "/api/views",
 *     method: "POST",
 *     headers: { "content-type": "application/json" },
 *     body: JSON.stringify({ articleId: 1 }),
 *   },
 */
import type { DiscoveredUrls } from "./discover.js";

export interface BenchCase {
  name: string;
  /** Path on the app server; null skips the case (reported as skipped). */
  path: (urls: DiscoveredUrls) => string | null;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Number of load runs; the table shows medians (default 1). */
  runs?: number;
  /** Warm-up requests before measuring (default BENCH_WARM). */
  warm?: number;
}

export const CASES: BenchCase[] = [
  { name: "home", path: (u) => u.home },
  { name: "section", path: (u) => u.section },
  // The media route streams a stored variant (local disk by default) with immutable caching headers.
  { name: "image (640w WebP)", path: (u) => u.image },
];

/** The page that is compared against the static ceiling. */
export const ARTICLE_CASE: BenchCase = { name: "article", path: (u) => u.article };
