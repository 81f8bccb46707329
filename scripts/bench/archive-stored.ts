/**
 * The archive benchmark and the page store (services/page-cache/stored.mjs, ADR 0015): the store is
 * emptied before a run, so that "uncached" means never rendered; afterwards a process just started
 * (nothing in its memory, a Redis prefix of its own) is sent every article page those cases
 * rendered, each once, which it reads from the store. Then the same pages are made older than their
 * hour (their stored time moved back) and sent, each once, to another new process: pages a crawler
 * reaches a day after they were stored, of which one process re-renders one at a time (ADR 0016).
 */
import postgres from "postgres";
import { loadRow, type ArchiveRow } from "./archive-report.js";
import { shuffle } from "./archive-pages.js";
import { measure, type LoadOptions } from "./load.js";
import { startApp } from "./server.js";
import { ARCHIVE_REVALIDATE_SECONDS } from "../../domain/archive-pages.mjs";
import { log, makeTempDir, sleep } from "./util.js";

async function withSql<T>(url: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

/** Forgets every stored page (a database from before the store has no table yet: nothing to forget). */
export function emptyPageStore(url: string): Promise<void> {
  return withSql(url, async (sql) => {
    const [row] = await sql<{ exists: boolean }[]>`select to_regclass('page_store') is not null as exists`;
    if (row?.exists) await sql`truncate page_store, page_tag_expiry`;
  });
}

/** The article paths stored so far: Next's cache key for a page ends with `/$` and the page's path. */
async function storedArticlePaths(url: string): Promise<string[]> {
  return withSql(url, async (sql) => {
    const rows = await sql<{ key: string }[]>`select cache_key as key from page_store where cache_key like '%/$/articles/%'`;
    return rows.map((r) => r.key.slice(r.key.indexOf("/$/") + 2));
  });
}

/** Moves every stored page's time back by `ms`, as if it had been stored that long before. */
async function agePages(url: string, ms: number): Promise<void> {
  await withSql(url, (sql) => sql`update page_store set stored_at = stored_at - ${ms}`);
}

async function pagesStoredSince(url: string, since: number): Promise<number> {
  return withSql(url, async (sql) => {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from page_store where stored_at >= ${since}`;
    return row?.n ?? 0;
  });
}

export async function measureStoredPages(options: {
  root: string;
  healthTimeoutMs: number;
  database: { url: string; name: string };
  env: Record<string, string>;
  load: LoadOptions;
  seed: number;
}): Promise<ArchiveRow[]> {
  const paths = shuffle(await storedArticlePaths(options.database.url), options.seed);
  const walk = async (label: string, note: (startedAt: number) => Promise<string>) => {
    const workDir = makeTempDir("gazette-bench-stored-");
    const app = await startApp(options.root, workDir, options.healthTimeoutMs, { databaseUrl: options.database.url, databaseLabel: options.database.name, env: options.env });
    try {
      await sleep(1000);
      log(`measuring ${label} (${options.load.connections} conns, ${paths.length} URLs, each once)`);
      const startedAt = Date.now();
      const run = await measure(label, app.origin, { ...options.load, durationSec: 120, paths, once: true });
      // The run ended when the list did: its length is what the requests took.
      const stored = { ...run, durationSec: run.rps > 0 ? run.requests / run.rps : run.durationSec };
      await sleep(2000); // re-renders begun during the run finish
      return loadRow("archive", label, paths[0]!, stored, await note(startedAt));
    } finally {
      await app.stop();
    }
  };
  const fresh = await walk("stored random articles (rendered once by the cases above), a process just started", async () => "read from the page store: nothing in this process's memory");
  await agePages(options.database.url, 2 * ARCHIVE_REVALIDATE_SECONDS * 1000);
  const aged = await walk("the same stored articles past their hour (a crawl a day later), a process just started", async (startedAt) => {
    const rerendered = await pagesStoredSince(options.database.url, startedAt);
    return `${rerendered} of ${paths.length} re-rendered by the clock during the run, one at a time; the rest served as stored`;
  });
  return [fresh, aged];
}
