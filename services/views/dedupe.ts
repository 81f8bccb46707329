import { createHash, randomBytes } from 'node:crypto';

/**
 * "One visitor, one view per window": the visitor is a salted hash of (address, user agent, article,
 * day). The salt is random, lives only in memory (or Redis) and changes every day, so the hashes
 * cannot be reversed to addresses and cannot be linked across days. Nothing of it reaches the database.
 */

/** Random per-day salts of this process (the Redis store shares them between servers instead). */
export class DailySalt {
  private readonly salts = new Map<string, string>();

  get(day: string): string {
    let salt = this.salts.get(day);
    if (!salt) {
      salt = randomBytes(32).toString('base64');
      this.salts.set(day, salt);
      // Keep today's and yesterday's (a request may straddle midnight); forget the rest.
      for (const key of this.salts.keys()) if (this.salts.size > 2 && key !== day) this.salts.delete(key);
    }
    return salt;
  }
}

export function visitorKey(salt: string, ip: string, userAgent: string, articleId: number, day: string): string {
  return createHash('sha256').update(`${salt}\n${ip}\n${userAgent}\n${articleId}\n${day}`).digest('base64url').slice(0, 22);
}

/** Salted hash of an address, for the rate limiter's keys. */
export function addressKey(salt: string, ip: string): string {
  return createHash('sha256').update(`${salt}\n${ip}`).digest('base64url').slice(0, 16);
}

/**
 * Keys seen within the window. Every key lives exactly `windowMs`, so insertion order is expiry order
 * and expired keys are dropped from the front. Past `maxKeys` the oldest go first (then a repeat may
 * be counted: a bound on memory under a flood, not a correctness issue in normal traffic).
 */
export class SeenKeys {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 250_000,
  ) {}

  /** True when the key was seen within the window; otherwise remembers it and answers false. */
  checkAndAdd(key: string, now = Date.now()): boolean {
    this.sweep(now);
    if (this.windowMs <= 0) return false;
    const expires = this.expiries.get(key);
    if (expires !== undefined) {
      if (expires > now) return true;
      this.expiries.delete(key); // re-inserted at the end, keeping insertion order = expiry order
    }
    this.expiries.set(key, now + this.windowMs);
    return false;
  }

  get size(): number {
    return this.expiries.size;
  }

  private sweep(now: number): void {
    for (const [key, expires] of this.expiries) {
      if (expires > now && this.expiries.size <= this.maxKeys) break;
      this.expiries.delete(key);
    }
  }
}

/** Fixed one-minute windows per address. */
export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly maxKeys = 100_000,
  ) {}

  allow(key: string, now = Date.now()): boolean {
    if (this.perMinute <= 0) return true;
    if (now - this.windowStart >= 60_000 || this.counts.size > this.maxKeys) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n <= this.perMinute;
  }
}
