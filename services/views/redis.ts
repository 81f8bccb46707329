import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { parsePendingKey, pendingKey, type DrainedBatch, type PendingViews, type ViewStore } from './buffer';

/**
 * The view buffer in Redis, for several app servers: one hash of pending increments (HINCRBY), taken
 * out by an atomic RENAME at flush time; the "seen" keys of deduplication expire by themselves
 * (SET NX PX); the daily salt is shared so a visitor is the same visitor on every server. One server
 * flushes at a time (a lock with a TTL), so concurrent flushes never fight over the same rows.
 *
 * All keys carry one hash tag, so the scripts also work on a Redis Cluster.
 */

const ADD_SCRIPT = `
if ARGV[1] ~= '0' then
  if not redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 0 end
end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
return 1`;

/**
 * Adds every field of KEYS[1] into KEYS[2], deletes KEYS[1] and takes it off the index of batches
 * in flight KEYS[3] (a failed or orphaned flush goes back).
 */
const MERGE_SCRIPT = `
local values = redis.call('HGETALL', KEYS[1])
for i = 1, #values, 2 do redis.call('HINCRBY', KEYS[2], values[i], values[i + 1]) end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[3], KEYS[1])
return #values / 2`;

/**
 * Takes the pending hash KEYS[1] out as the batch KEYS[2] and records the batch in the index of
 * batches in flight KEYS[3] (score: when it started, ARGV[1]), in one step; 0 when nothing is pending.
 * The index is how a dead server's batch is found again: a SCAN for it would have to walk every key
 * of a Redis that also holds the page cache.
 */
const TAKE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('ZADD', KEYS[3], ARGV[1], KEYS[2])
return 1`;

/** Deletes the flushed batch KEYS[1] and takes it off the index KEYS[2]. */
const DONE_SCRIPT = `
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], KEYS[1])
return 1`;

const UNLOCK_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface Scripts {
  viewsAdd(seenKey: string, pendingKey: string, windowMs: string, field: string): Promise<number>;
  viewsMerge(from: string, to: string, index: string): Promise<number>;
  viewsTake(pendingKey: string, batchKey: string, index: string, startedAt: string): Promise<number>;
  viewsDone(batchKey: string, index: string): Promise<number>;
  viewsUnlock(lockKey: string, token: string): Promise<number>;
}

/** A flush holding the lock longer than this is presumed dead; its batch is merged back. */
const LOCK_MS = 60_000;

export class RedisViewStore implements ViewStore {
  readonly kind = 'redis' as const;
  private readonly salts = new Map<string, string>();
  private inFlight: Map<string, number> | null = null;
  private lastError = 0;

  private constructor(
    private readonly redis: Redis & Scripts,
    private readonly dedupeMs: number,
    private readonly prefix: string,
  ) {}

  static async connect(url: string, dedupeMs: number, prefix = '{gazette-views}:'): Promise<RedisViewStore> {
    const { Redis } = await import('ioredis');
    const redis = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 5000, enableAutoPipelining: true });
    redis.defineCommand('viewsAdd', { numberOfKeys: 2, lua: ADD_SCRIPT });
    redis.defineCommand('viewsMerge', { numberOfKeys: 3, lua: MERGE_SCRIPT });
    redis.defineCommand('viewsTake', { numberOfKeys: 3, lua: TAKE_SCRIPT });
    redis.defineCommand('viewsDone', { numberOfKeys: 2, lua: DONE_SCRIPT });
    redis.defineCommand('viewsUnlock', { numberOfKeys: 1, lua: UNLOCK_SCRIPT });
    const store = new RedisViewStore(redis as Redis & Scripts, dedupeMs, prefix);
    redis.on('error', (error: Error) => store.logError(error));
    return store;
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  private logError(error: Error): void {
    if (Date.now() - this.lastError < 60_000) return;
    this.lastError = Date.now();
    console.error('[gazette] views: Redis error:', error.message);
  }

  async salt(day: string): Promise<string> {
    const cached = this.salts.get(day);
    if (cached) return cached;
    const key = this.key(`salt:${day}`);
    await this.redis.set(key, randomBytes(32).toString('base64'), 'EX', 3 * 86_400, 'NX');
    const salt = await this.redis.get(key);
    if (!salt) throw new Error('views: no salt in Redis');
    if (this.salts.size > 2) this.salts.clear();
    this.salts.set(day, salt);
    return salt;
  }

  async add(articleId: number, day: string, visitor: string | null): Promise<boolean> {
    const windowMs = visitor === null || this.dedupeMs <= 0 ? '0' : String(this.dedupeMs);
    const counted = await this.redis.viewsAdd(this.key(`seen:${visitor ?? '-'}`), this.key('pending'), windowMs, pendingKey(articleId, day));
    return counted === 1;
  }

  async drain(): Promise<DrainedBatch | null> {
    const lockKey = this.key('flush-lock');
    const token = randomBytes(12).toString('base64url');
    if ((await this.redis.set(lockKey, token, 'PX', LOCK_MS, 'NX')) !== 'OK') return null; // another server flushes
    const unlock = () => this.redis.viewsUnlock(lockKey, token).then(() => undefined);
    try {
      await this.recoverOrphans();
      const startedAt = Date.now();
      const flushing = this.key(`flushing:${startedAt}:${token}`);
      if ((await this.redis.viewsTake(this.key('pending'), flushing, this.key('flushing'), String(startedAt))) === 0) {
        await unlock();
        return null;
      }
      const raw = await this.redis.hgetall(flushing);
      const entries: PendingViews[] = [];
      const taken = new Map<string, number>();
      for (const [field, value] of Object.entries(raw)) {
        const parsed = parsePendingKey(field);
        const views = Number(value);
        if (!parsed || !Number.isSafeInteger(views) || views <= 0) continue;
        entries.push({ ...parsed, views });
        taken.set(field, views);
      }
      this.inFlight = taken;
      const done = () => {
        if (this.inFlight === taken) this.inFlight = null;
      };
      return {
        entries,
        commit: async () => {
          done();
          await this.redis.viewsDone(flushing, this.key('flushing'));
          await unlock();
        },
        rollback: async () => {
          done();
          await this.redis.viewsMerge(flushing, this.key('pending'), this.key('flushing'));
          await unlock();
        },
      };
    } catch (error) {
      await unlock().catch(() => {});
      throw error;
    }
  }

  /** Batches of a server that died between taking them and deleting them go back into the pending hash. */
  private async recoverOrphans(): Promise<void> {
    const index = this.key('flushing');
    const orphans = await this.redis.zrangebyscore(index, '-inf', String(Date.now() - LOCK_MS));
    for (const key of orphans) await this.redis.viewsMerge(key, this.key('pending'), index);
  }

  async pending(articleIds: number[], days: string[]): Promise<Map<number, number>> {
    const result = new Map<number, number>();
    if (!articleIds.length || !days.length) return result;
    const fields = articleIds.flatMap((id) => days.map((day) => pendingKey(id, day)));
    const values = await this.redis.hmget(this.key('pending'), ...fields);
    fields.forEach((field, i) => {
      const parsed = parsePendingKey(field);
      if (!parsed) return;
      const n = Number(values[i] ?? 0) + (this.inFlight?.get(field) ?? 0);
      if (n) result.set(parsed.articleId, (result.get(parsed.articleId) ?? 0) + n);
    });
    return result;
  }

  async size(): Promise<number> {
    return this.redis.hlen(this.key('pending'));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
