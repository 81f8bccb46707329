// @ts-check
import { randomUUID } from 'node:crypto';
import v8 from 'node:v8';
import { Redis } from 'ioredis';
import { onShutdown, SHUTDOWN_CLOSE } from '../server-bridge.mjs';
import { notifyTagsRevalidated } from './events.mjs';
import { localTagRecord, localTagStore, mergeTagRecords } from './tags.mjs';
import { throttledLog, withTimeout } from './util.mjs';

/**
 * The page cache shared by several app servers through Redis (REDIS_URL): each server keeps its
 * own segmented LRU in memory (the fast path, unchanged) and Redis is the second level that every
 * server reads on a local miss and writes on a render, so a page rendered by one server is served
 * by all. Tag expiry reaches every server at once:
 *
 * - a revalidation is applied here, written to one Redis hash (tag → when it went stale/expired)
 *   and published on a channel; every other server applies it to its own tags manifest and purges
 *   its micro-cache when the message arrives (a millisecond on a LAN);
 * - a server that (re)connects reads the whole hash before it serves anything from Redis, so an
 *   entry stored in Redis before an expiry it did not hear about is still seen as expired.
 *
 * Redis going away degrades to per-server caches: reads that take longer than READ_TIMEOUT_MS are
 * misses, failed writes and announcements are logged, and expiry announced while a server was cut
 * off reaches it when it reconnects (the hash is read again).
 *
 * Entries are v8-serialised (buffers and maps survive) under keys that carry the build id, so a
 * server never serves a page rendered by a different build; they expire from Redis after
 * ENTRY_TTL_SECONDS at most (docs/scaling.md: give Redis a maxmemory with volatile-lru, which evicts only such expiring keys).
 *
 * @typedef {import('./handler.mjs').EntryStore} EntryStore
 * @typedef {import('./handler.mjs').PageCacheStorage} PageCacheStorage
 * @typedef {import('./tags.mjs').TagRecord} TagRecord
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue
 */

const READ_TIMEOUT_MS = 250;
/** How long a server waits at start for the tag hash before it serves from Redis at all. */
const READY_TIMEOUT_MS = 2_000;
const ENTRY_TTL_SECONDS = 24 * 3600;
/** Larger renders stay in the rendering server's memory only. */
const MAX_SHARED_BYTES = 4 * 1024 * 1024;

/**
 * @param {object} options
 * @param {EntryStore} options.local this process's store
 * @param {string} options.url REDIS_URL
 * @param {string} options.prefix key prefix (CACHE_REDIS_PREFIX)
 * @param {() => string} options.buildId the build's id, read when first needed
 * @returns {PageCacheStorage & { close: () => Promise<void>, whenReady: Promise<boolean> }}
 */
export function createSharedStorage({ local, url, prefix, buildId }) {
  const origin = randomUUID();
  const tagsKey = `${prefix}tags`;
  const channel = `${prefix}tags`;
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 2_000, enableAutoPipelining: true });
  const subscriber = redis.duplicate({ commandTimeout: undefined });
  const problems = throttledLog('redis page cache');
  redis.on('error', (error) => problems('redis', error));
  subscriber.on('error', (error) => problems('redis subscriber', error));

  let ready = false;
  /** @type {(value: boolean) => void} */
  let settle = () => {};
  const whenReady = new Promise((resolve) => (settle = resolve));
  setTimeout(() => settle(false), READY_TIMEOUT_MS).unref();

  subscriber.on('message', (_channel, message) => {
    try {
      const { from, tags, durations } = JSON.parse(message);
      if (from === origin || !Array.isArray(tags)) return;
      // This server's clock: a page it stored before the message arrived is a miss after it.
      localTagStore.revalidate(tags, durations ?? undefined);
      notifyTagsRevalidated(tags);
    } catch (error) {
      problems('a tag message could not be read', error);
    }
  });
  // (Re)subscribed, which ioredis does by itself after a reconnect: read what was missed meanwhile.
  subscriber.on('ready', () => {
    void loadTagRecords().then(
      () => {
        ready = true;
        settle(true);
      },
      (error) => problems('the tag hash could not be read', error),
    );
  });
  // Until it is back and has read the hash again, nothing is read from or written to Redis.
  subscriber.on('close', () => (ready = false));
  void subscriber.subscribe(channel).catch((error) => problems('subscribe failed', error));

  async function loadTagRecords() {
    const stored = await redis.hgetall(tagsKey);
    /** @type {[string, TagRecord][]} */
    const records = [];
    const forgotten = [];
    const horizon = Date.now() - ENTRY_TTL_SECONDS * 1000;
    for (const [tag, json] of Object.entries(stored)) {
      const record = /** @type {TagRecord} */ (JSON.parse(json));
      // Older than any entry Redis can still hold: nothing left for it to expire.
      if (Math.max(record.stale ?? 0, record.expired ?? 0) < horizon) forgotten.push(tag);
      else records.push([tag, record]);
    }
    mergeTagRecords(records);
    if (forgotten.length) await redis.hdel(tagsKey, ...forgotten);
    notifyTagsRevalidated(records.map(([tag]) => tag));
  }

  const entryKey = (/** @type {string} */ key) => `${prefix}${buildId()}:${key}`;

  /** @param {string} key */
  async function readShared(key) {
    if (!ready && !(await whenReady)) return undefined;
    // Cut off (ioredis is reconnecting): a miss at once, not a wait for the read timeout.
    if (!ready || redis.status !== 'ready') return undefined;
    try {
      const bytes = await withTimeout(redis.getBuffer(entryKey(key)), READ_TIMEOUT_MS);
      return bytes ? /** @type {CacheHandlerValue} */ (v8.deserialize(bytes)) : undefined;
    } catch (error) {
      problems('a read failed (served as a miss)', error);
      return undefined;
    }
  }

  /**
   * @param {string} key
   * @param {CacheHandlerValue} entry
   */
  async function writeShared(key, entry) {
    if (!ready || redis.status !== 'ready') return;
    try {
      const bytes = v8.serialize(entry);
      if (bytes.length > MAX_SHARED_BYTES) return;
      const expire = entry.cacheControl?.expire;
      const ttl = Math.max(60, Math.min(ENTRY_TTL_SECONDS, typeof expire === 'number' && expire > 0 ? expire : ENTRY_TTL_SECONDS));
      await redis.set(entryKey(key), bytes, 'EX', ttl);
    } catch (error) {
      problems('a write failed', error);
    }
  }

  const close = async () => {
    await Promise.allSettled([subscriber.quit(), redis.quit()]);
  };
  onShutdown('redis page cache', SHUTDOWN_CLOSE, close);

  return {
    whenReady,
    close,
    entries: {
      async get(key, reader) {
        const hit = await local.get(key, reader);
        if (hit) return hit;
        const shared = await readShared(key);
        if (shared) await local.set(key, shared, reader);
        return shared;
      },
      async set(key, entry, writer) {
        await local.set(key, entry, writer);
        await writeShared(key, entry);
      },
    },
    tags: {
      async revalidate(tags, durations) {
        localTagStore.revalidate(tags, durations);
        try {
          const pipeline = redis.multi();
          for (const tag of tags) pipeline.hset(tagsKey, tag, JSON.stringify(localTagRecord(tag)));
          pipeline.publish(channel, JSON.stringify({ from: origin, tags, durations: durations ?? null }));
          await pipeline.exec();
        } catch (error) {
          problems('an expiry could not be announced to the other servers', error);
        }
      },
      areExpired: (tags, timestamp) => localTagStore.areExpired(tags, timestamp),
    },
  };
}
