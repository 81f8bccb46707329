// @ts-check
import v8 from 'node:v8';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { onShutdown, SHUTDOWN_CLOSE } from '../server-bridge.mjs';
import { onTagsRevalidated } from './events.mjs';
import { localTagRecord } from './tags.mjs';
import { throttledLog, withTimeout } from './util.mjs';

/**
 * Rendered pages kept in PostgreSQL (tables page_store and page_tag_expiry, ADR 0015): the level
 * under each server's memory and Redis. A crawler walking an archive of 100,000 stories would
 * otherwise have each page rendered again whenever it left memory, after every restart and on
 * every server; here a page rendered once is read back in one index lookup until it changes.
 *
 * Correctness rests on tag expiry being durable too. Every expiry a server applies (its own or
 * one announced through Redis) is written to page_tag_expiry, and a stored page is returned only
 * while none of its tags expired after it was stored, a condition of the read itself, so a
 * page stored before an expiry that no running server heard of is still never served. A page is
 * stored only if none of its tags expired since its render began (a render that read the database
 * before a publish must not outlive it). Until an expiry is written (the database refused it),
 * this server reads nothing from the store.
 *
 * Only successful rendered pages (APP_PAGE, status 200) are kept, keyed by build: pages of
 * another build name scripts and styles this one lacks. Rows of other builds are deleted in
 * small batches once this build serves.
 *
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue
 */

const deflate = promisify(zlib.deflate);
const inflate = promisify(zlib.inflate);

/**
 * The entry with its HTML as UTF-8 bytes: V8 serialises a string with any CJK character at two
 * bytes a character, which made deflate read 140 KB for a page instead of 90 KB.
 * @param {CacheHandlerValue} entry
 */
function packed(entry) {
  const page = /** @type {{ html?: unknown }} */ (entry.value ?? {});
  return typeof page.html === 'string' ? { ...entry, value: { ...entry.value, html: Buffer.from(page.html, 'utf8') } } : entry;
}

/** @param {CacheHandlerValue} entry */
function unpacked(entry) {
  const page = /** @type {{ html?: unknown }} */ (entry.value ?? {});
  if (Buffer.isBuffer(page.html)) page.html = page.html.toString('utf8');
  return entry;
}

const READ_TIMEOUT_MS = 250;
/** Larger renders are not kept (they stay in memory and Redis). */
const MAX_STORED_BYTES = 2 * 1024 * 1024;
const RETRY_EXPIRY_MS = 2_000;
const SWEEP_BATCH = 200;

/**
 * @param {object} options
 * @param {string} options.url DATABASE_URL
 * @param {() => string} options.buildId the build's id, read when first needed
 * @param {number} [options.connections]
 * @param {(query: string, params: unknown[]) => void} [options.onQuery] sees each statement sent (tests explain them)
 */
export function createPageStore({ url, buildId, connections = 3, onQuery }) {
  const sql = postgres(url, {
    max: connections,
    ...(onQuery ? { debug: (/** @type {unknown} */ _connection, /** @type {string} */ query, /** @type {unknown[]} */ params) => onQuery(query, params) } : {}),
    onnotice: () => {},
    connect_timeout: 2,
    idle_timeout: 60,
    connection: { application_name: 'gazette-page-store', jit: 'off' },
  });
  const problems = throttledLog('page store');
  /** Expiries not yet written: while any is, stored pages may be stale and none is read. */
  /** @type {Map<string, number>} */
  const unwritten = new Map();
  /** The last expiry written per tag: a local expiry is recorded by the handler and heard again as an event. */
  /** @type {Map<string, number>} */
  const written = new Map();
  /** @type {NodeJS.Timeout | undefined} */
  let retry;
  let swept = false;

  /** @param {Map<string, number>} expiries tag → when it expired (ms) */
  async function writeExpiries(expiries) {
    if (expiries.size === 0) return;
    await sql`
      insert into page_tag_expiry (tag, expired_at)
      select * from unnest(${[...expiries.keys()]}::text[], ${[...expiries.values()]}::bigint[])
      on conflict (tag) do update set expired_at = greatest(page_tag_expiry.expired_at, excluded.expired_at)`;
  }

  /**
   * Records the expiry of tags this process has just applied to its own manifest (whatever told
   * it: an action here, a job, another server through Redis). Resolves once written or queued.
   * @param {string[]} tags
   */
  async function recordExpiry(tags) {
    for (const tag of tags) {
      const expired = localTagRecord(tag).expired;
      if (expired !== undefined && written.get(tag) !== expired) unwritten.set(tag, Math.max(unwritten.get(tag) ?? 0, expired));
    }
    await flushExpiries();
  }

  async function flushExpiries() {
    if (unwritten.size === 0) return;
    const batch = new Map(unwritten);
    try {
      await writeExpiries(batch);
      if (written.size > 10_000) written.clear();
      for (const [tag, expired] of batch) {
        written.set(tag, expired);
        if (unwritten.get(tag) === expired) unwritten.delete(tag);
      }
    } catch (error) {
      problems('an expiry could not be written (stored pages are not read until it is)', error);
      retry ??= setTimeout(() => {
        retry = undefined;
        void flushExpiries();
      }, RETRY_EXPIRY_MS);
      retry.unref();
    }
  }

  const stopListening = onTagsRevalidated((tags) => void recordExpiry(tags));

  /**
   * The stored page for a key, if none of its tags expired since it was stored.
   * @param {string} key
   * @returns {Promise<CacheHandlerValue | undefined>}
   */
  async function read(key) {
    if (unwritten.size > 0) return undefined;
    try {
      const rows = await withTimeout(
        sql`
          select entry, stored_at from page_store p
          where p.build_id = ${buildId()} and p.cache_key = ${key}
            and not exists (select 1 from page_tag_expiry e where e.tag = any(p.tags) and e.expired_at > p.stored_at)`,
        READ_TIMEOUT_MS,
      );
      const row = rows[0];
      if (!row) return undefined;
      // stored_at is the entry's own time, and what expiry is checked against: one value for both.
      return { ...unpacked(v8.deserialize(await inflate(row.entry))), lastModified: Number(row.stored_at) };
    } catch (error) {
      problems('a read failed (served as a miss)', error);
      return undefined;
    }
  }

  /**
   * Keeps a rendered page unless one of its tags expired at or after `renderedSince`.
   * @param {string} key
   * @param {CacheHandlerValue} entry
   * @param {string[]} tags
   * @param {number} renderedSince when the render began (at the latest)
   */
  async function write(key, entry, tags, renderedSince) {
    try {
      const bytes = await deflate(v8.serialize(packed(entry)), { level: 1 });
      if (bytes.length > MAX_STORED_BYTES) return;
      await sql`
        insert into page_store (build_id, cache_key, tags, stored_at, entry)
        select ${buildId()}, ${key}, ${tags}::text[], ${entry.lastModified}, ${bytes}
        where not exists (select 1 from page_tag_expiry e where e.tag = any(${tags}::text[]) and e.expired_at >= ${renderedSince})
        on conflict (build_id, cache_key) do update
          set tags = excluded.tags, stored_at = excluded.stored_at, entry = excluded.entry
          where page_store.stored_at <= excluded.stored_at`;
      if (!swept) {
        swept = true;
        void sweepOtherBuilds();
      }
    } catch (error) {
      problems('a write failed', error);
    }
  }

  /** Deletes the pages of other builds, a few at a time, so that no statement holds the table long. */
  async function sweepOtherBuilds() {
    try {
      for (;;) {
        const deleted = await sql`
          delete from page_store where (build_id, cache_key) in (
            select build_id, cache_key from page_store where build_id <> ${buildId()} limit ${SWEEP_BATCH})`;
        if (deleted.count < SWEEP_BATCH) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } catch (error) {
      problems('pages of other builds could not be deleted', error);
    }
  }

  const close = async () => {
    stopListening();
    clearTimeout(retry);
    await flushExpiries();
    await sql.end({ timeout: 2 });
  };
  onShutdown('page store', SHUTDOWN_CLOSE, close);

  return { read, write, recordExpiry, close };
}

/** @typedef {ReturnType<typeof createPageStore>} PageStore */
