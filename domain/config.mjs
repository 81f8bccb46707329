// @ts-check
/**
 * Every environment variable Gazette reads at run time, parsed and validated in one place.
 *
 * Plain ESM JavaScript (no `@/` imports, no TypeScript) so that both the app (through domain/env.ts
 * and direct imports) and a plain Node server entry that runs outside Next's bundles can import
 * it. docs/configuration.md describes each variable; keep the two in step.
 *
 *   loadConfig(env)  -> { ok: true, config } | { ok: false, problems: string[] }   (pure, for tests)
 *   config()         -> the process's configuration, parsed once; throws one Error listing every problem
 *   assertConfig()   -> for start-up: prints the problems and exits 1, or returns the configuration
 */
import { z } from 'zod';

/** Values that must never be echoed back in a message. */
const SECRETS = new Set(['AUTH_SECRET', 'ADMIN_PASSWORD', 'S3_SECRET_ACCESS_KEY', 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY', 'BENCH_TOKEN', 'CRON_SECRET', 'CDN_PURGE_TOKEN']);

/** Empty and blank values count as unset (`SITE_URL=` in an env file). */
const blank = (/** @type {unknown} */ value) => (typeof value === 'string' ? value.trim() || undefined : value);

/**
 * @template {z.ZodType} T
 * @param {T} schema
 */
const optional = (schema) => z.preprocess(blank, schema.optional());

/**
 * A whole number within bounds, or the default when unset.
 * @param {number} min
 * @param {number | undefined} max
 * @param {number} fallback
 */
function wholeNumber(min, max, fallback) {
  const message = max === undefined ? `must be a whole number of at least ${min}` : `must be a whole number from ${min} to ${max}`;
  return optional(
    z
      .string()
      .regex(/^\d+$/, message)
      .transform(Number)
      .refine((n) => n >= min && (max === undefined || n <= max), message),
  ).transform((n) => n ?? fallback);
}

const FLAG_VALUES = /** @type {Record<string, boolean>} */ ({ 1: true, true: true, yes: true, on: true, 0: false, false: false, no: false, off: false });
const FLAG_MESSAGE = 'must be 1 or 0 (or true/false, yes/no, on/off)';

/** An on/off switch; `undefined` when unset (the caller applies its default). */
const flag = () =>
  optional(
    z
      .string()
      .refine((v) => v.toLowerCase() in FLAG_VALUES, FLAG_MESSAGE)
      .transform((v) => /** @type {boolean} */ (FLAG_VALUES[v.toLowerCase()])),
  );

/** @param {boolean} fallback */
const flagWithDefault = (fallback) => flag().transform((v) => v ?? fallback);

/**
 * Whether `value` parses as a URL with one of `protocols` and a host.
 * @param {string} value
 * @param {string[]} protocols e.g. ['redis:', 'rediss:']
 */
function isUrl(value, protocols) {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

const POSTGRES_MESSAGE = 'must be a URL like postgres://user:password@host:5432/database (postgres:// or postgresql://, with a host)';
const postgresUrl = () => z.string().refine((v) => isUrl(v, ['postgres:', 'postgresql:']), POSTGRES_MESSAGE);

/** Base64 of exactly 16, 24 or 32 bytes (an AES key), as Next.js requires. */
function isAesKeyBase64(/** @type {string} */ value) {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  return [16, 24, 32].includes(Buffer.from(value, 'base64').length);
}

export const envSchema = z.object({
  // Runtime and HTTP
  NODE_ENV: optional(z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' })).transform(
    (v) => v ?? 'development',
  ),
  PORT: wholeNumber(1, 65535, 3000),
  HOSTNAME_BIND: optional(z.string().regex(/^[A-Za-z0-9.:\-[\]]+$/, 'must be a host name or an IP address to listen on, like 127.0.0.1 or 0.0.0.0')),
  SITE_URL: optional(
    z
      .string()
      .refine((v) => isUrl(v, ['http:', 'https:']), 'must be the public origin, like https://news.example.com (http:// or https://)')
      .transform((v) => v.replace(/\/+$/, '')),
  ),
  // The admin's origin when it differs from SITE_URL (docs/configuration.md, "The admin on its own origin")
  AUTH_URL: optional(
    z
      .string()
      .refine((v) => isUrl(v, ['http:', 'https:']), 'must be the origin the admin is reached on, like https://admin.news.example.com (http:// or https://)')
      .transform((v) => v.replace(/\/+$/, '')),
  ),
  TRUST_PROXY: optional(
    z
      .string()
      .refine((v) => /^(\d+|true|false|yes|no|on|off)$/i.test(v) && (!/^\d+$/.test(v) || Number(v) <= 10), 'must be the number of trusted proxies, a whole number from 0 to 10 (or true for 1, false for 0)')
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : FLAG_VALUES[v.toLowerCase()] ? 1 : 0)),
  ).transform((v) => v ?? 0),
  WEB_CONCURRENCY: wholeNumber(1, 64, 1),
  MICRO_CACHE_MS: wholeNumber(0, 60_000, 5000),
  CACHE_MEMORY_MB: wholeNumber(8, undefined, 128),
  CACHE_REDIS_PREFIX: optional(z.string()).transform((v) => v ?? 'gazette:cache:'),
  // Rendered pages kept in PostgreSQL beyond memory (services/page-cache/stored.mjs); only with DATABASE_URL;
  // unset: on, but on Vercel, whose own ISR cache is durable and shared already
  PAGE_STORE: flag(),
  // With the page store on: after a deploy, one server renders every story's page once in the background (services/page-warm.ts)
  PAGE_WARM: flag(),
  SEARCH_CACHE_SECONDS: wholeNumber(0, 3600, 60),
  SEARCH_CACHE_MB: wholeNumber(1, 1024, 8),
  // Reader searches per address per minute (0: no limit), counted in Redis or PostgreSQL
  SEARCH_RATE_LIMIT: wholeNumber(0, 1_000_000, 60),
  // Content API (/api/v1) requests per address per minute (0: no limit), counted the same way
  API_RATE_LIMIT: wholeNumber(0, 1_000_000, 600),
  // Admin API (/api/v1/admin) requests per personal API token per minute (0: no limit)
  API_TOKEN_RATE_LIMIT: wholeNumber(0, 1_000_000, 120),
  // A CDN or caching proxy in front, told which URLs a change made stale
  CDN_PURGE_URL: optional(z.string().refine((v) => isUrl(v, ['http:', 'https:']), 'must be the http:// or https:// URL the purge hook POSTs to')),
  CDN_PURGE_TOKEN: optional(z.string()),
  // Outgoing requests (webhooks): host names allowed although they resolve to loopback or private addresses
  OUTBOUND_ALLOW_HOSTS: optional(
    z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')).filter(Boolean))
      .refine((hosts) => hosts.every((h) => /^[a-z0-9.:_-]+$/.test(h) && h.length <= 253), 'must be a comma-separated list of host names or IP addresses, like hooks.internal,127.0.0.1 (no schemes, ports or wildcards)'),
  ).transform((v) => v ?? []),
  // Mail: notifications, password resets and invitations are mailed only when SMTP_URL is set
  SMTP_URL: optional(
    z.string().refine((v) => isUrl(v, ['smtp:', 'smtps:']), 'must be a URL like smtp://user:password@smtp.example.com:587 (smtp:// with STARTTLS, or smtps:// for TLS from the start)'),
  ),
  MAIL_FROM: optional(
    z
      .string()
      .max(320, 'must be at most 320 characters')
      .refine((v) => /^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(v), 'must be an address like news@example.com or "Example News <news@example.com>"'),
  ),
  // Database
  DATABASE_URL: optional(postgresUrl()),
  DATABASE_REPLICA_URLS: optional(
    z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .refine((urls) => urls.every((u) => isUrl(u, ['postgres:', 'postgresql:'])), 'must be a comma-separated list of PostgreSQL URLs like postgres://user:password@host:5432/database (postgres:// or postgresql://, each with a host)'),
  ).transform((v) => v ?? []),
  DATABASE_PREPARE: flagWithDefault(true),
  DATA_DIR: optional(z.string()).transform((v) => v ?? '.data'),
  SEED_DEMO: flag(),
  // Accounts and secrets
  AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters long (generate one with `openssl rand -base64 48`)')),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: optional(
    z.string().refine(isAesKeyBase64, 'must be the base64 encoding of 16, 24 or 32 random bytes (generate one with `openssl rand -base64 32`)'),
  ),
  ADMIN_EMAIL: optional(z.email({ error: 'must be an email address' })),
  ADMIN_PASSWORD: optional(z.string()),
  ADMIN_NAME: optional(z.string().max(100, 'must be at most 100 characters')),
  // Media
  MEDIA_STORAGE: optional(z.enum(['local', 's3'], { error: 'must be local or s3' })).transform((v) => v ?? 'local'),
  MEDIA_MAX_BYTES: wholeNumber(1, undefined, 20 * 1024 * 1024),
  MEDIA_MAX_PIXELS: wholeNumber(1, undefined, 40_000_000),
  IMPORT_MAX_BYTES: wholeNumber(1, undefined, 512 * 1024 * 1024),
  ATTACHMENT_MAX_BYTES: wholeNumber(1, undefined, 50 * 1024 * 1024),
  S3_BUCKET: optional(z.string()),
  S3_ENDPOINT: optional(z.string().refine((v) => isUrl(v, ['http:', 'https:']), 'must be an http:// or https:// URL')),
  S3_REGION: optional(z.string()).transform((v) => v ?? 'us-east-1'),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  S3_FORCE_PATH_STYLE: flagWithDefault(false),
  // Redis and view counting
  REDIS_URL: optional(z.string().refine((v) => isUrl(v, ['redis:', 'rediss:']), 'must be a URL like redis://host:6379 (redis:// or rediss://)')),
  VIEWS_ENABLED: flagWithDefault(true),
  VIEWS_FLUSH_MS: wholeNumber(100, 3_600_000, 5000),
  VIEWS_REDIS_PREFIX: optional(z.string()).transform((v) => v ?? '{gazette-views}:'),
  VIEWS_DEDUPE_MINUTES: wholeNumber(0, 24 * 60, 30),
  VIEWS_RATE_LIMIT: wholeNumber(0, 1_000_000, 300),
  VIEWS_SHUTDOWN_TIMEOUT_MS: wholeNumber(100, 120_000, 8000),
  VIEWS_FLUSH_AFTER_RESPONSE: flag(),
  CRON_SECRET: optional(z.string().min(16, 'must be at least 16 characters long (generate one with `openssl rand -base64 32`)')),
  BENCH_TOKEN: optional(z.string()),
  // Platform
  VERCEL: optional(z.string()),
});

/** @typedef {z.output<typeof envSchema>} ParsedEnv */
/** @typedef {Omit<ParsedEnv, 'SEED_DEMO'> & { SEED_DEMO: boolean }} Config */
/** @typedef {{ ok: true, config: Config } | { ok: false, problems: string[] }} ConfigResult */

/**
 * How a rejected value is quoted in its message: secrets not at all, passwords in URLs masked.
 * @param {string} name
 * @param {unknown} raw
 */
function shown(name, raw) {
  const value = String(raw).trim();
  if (SECRETS.has(name)) return `, got ${value.length} characters (not shown)`;
  return `, got "${value.replace(/(\/\/[^/:@]*:)[^@/]*@/g, '$1***@')}"`;
}

/**
 * Rules across variables, applied to the values that parsed. Each returns [variable, message].
 * @param {Partial<ParsedEnv>} c
 * @returns {[string, string][]}
 */
function crossRules(c) {
  /** @type {[string, string][]} */
  const problems = [];
  const production = c.NODE_ENV === 'production';
  if (production && c.DATABASE_URL && !c.AUTH_SECRET) {
    problems.push([
      'AUTH_SECRET',
      'is required in production with DATABASE_URL: it signs sessions and preview links, and every server must use the same one. Generate one with `openssl rand -base64 48`',
    ]);
  }
  if (production && c.REDIS_URL && !c.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
    problems.push([
      'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY',
      'is required in production when REDIS_URL is set (several servers): Next.js encrypts Server Action data with a key each build generates for itself, so servers built separately cannot read each other\'s forms ("Failed to find Server Action"). Generate one with `openssl rand -base64 32` and give the same value to `npm run build` and to every server',
    ]);
  }
  if ((c.WEB_CONCURRENCY ?? 1) > 1 && (c.DATABASE_URL === undefined || c.REDIS_URL === undefined)) {
    problems.push([
      'WEB_CONCURRENCY',
      'above 1 needs DATABASE_URL and REDIS_URL: each worker process is one of several servers, which share PostgreSQL (the embedded database, PGlite, can be opened by one process only) and Redis (cache expiry, view counts and their deduplication). Set both, or leave WEB_CONCURRENCY at 1',
    ]);
  }
  if (c.VERCEL && c.DATABASE_URL === undefined) {
    problems.push(['DATABASE_URL', 'is required on Vercel (VERCEL is set): the embedded PGlite database would live on a function\'s temporary disk and be lost. Use a hosted PostgreSQL']);
  }
  if (c.VERCEL && c.MEDIA_STORAGE === 'local') {
    problems.push(['MEDIA_STORAGE', 'must be s3 on Vercel (VERCEL is set): local media storage would write uploads to a function\'s temporary disk, where they are lost. Set MEDIA_STORAGE=s3 and the S3_* variables']);
  }
  if (c.MEDIA_STORAGE === 's3' && !c.S3_BUCKET) {
    problems.push(['S3_BUCKET', 'is required when MEDIA_STORAGE=s3 (with S3_ENDPOINT or S3_REGION, and credentials unless the platform provides them)']);
  }
  if (Boolean(c.S3_ACCESS_KEY_ID) !== Boolean(c.S3_SECRET_ACCESS_KEY)) {
    problems.push([c.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID', 'is required with the other S3 key: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither']);
  }
  if (c.ADMIN_EMAIL && !c.ADMIN_PASSWORD) problems.push(['ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set (both create the owner account on first start)']);
  if (c.ADMIN_PASSWORD && !c.ADMIN_EMAIL) problems.push(['ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set (both create the owner account on first start)']);
  return problems;
}

/**
 * Parses and checks `env`. Each invalid variable gives its own message, naming it and saying what
 * is expected. During `next build` (NEXT_PHASE) the rules across variables, which are about running
 * (a database for Vercel, secrets for production), are not applied: the build prerenders pages
 * through the cache handler, and a build machine need not hold the deployment's secrets.
 * @param {Record<string, string | undefined>} [env]
 * @returns {ConfigResult}
 */
export function loadConfig(env = process.env) {
  const building = env.NEXT_PHASE === 'phase-production-build';
  /** @type {Record<string, unknown>} */
  const values = {};
  /** @type {Record<string, true>} */
  const invalid = {};
  /** @type {string[]} */
  const problems = [];
  for (const [name, schema] of Object.entries(envSchema.shape)) {
    const result = /** @type {z.ZodType} */ (schema).safeParse(env[name]);
    if (result.success) {
      values[name] = result.data;
    } else {
      invalid[name] = true;
      problems.push(`${name}: ${result.error.issues[0]?.message ?? 'is invalid'}${shown(name, env[name])}`);
    }
  }
  // A variable that is itself invalid already has its message; rules on it would only add noise.
  for (const [name, message] of building ? [] : crossRules(/** @type {Partial<ParsedEnv>} */ (values))) {
    if (!invalid[name]) problems.push(`${name}: ${message}`);
  }
  if (problems.length) return { ok: false, problems };
  const typed = /** @type {ParsedEnv} */ (values);
  // A real newsroom (production on PostgreSQL) must not get demo stories unless it asks for them.
  const seedDemo = typed.SEED_DEMO ?? !(typed.NODE_ENV === 'production' && typed.DATABASE_URL);
  return { ok: true, config: { ...typed, SEED_DEMO: seedDemo } };
}

/** The problems as one message. @param {string[]} problems */
export function describeProblems(problems) {
  return `Invalid configuration (see docs/configuration.md):\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}

const key = Symbol.for('gazette.config');
/** @typedef {{ [key]?: Config }} Holder */

/**
 * The process's configuration, parsed on first use (shared by Next's module graphs through
 * globalThis). Throws one Error listing every problem.
 * @returns {Config}
 */
export function config() {
  const holder = /** @type {Holder} */ (globalThis);
  if (holder[key]) return holder[key];
  const result = loadConfig(process.env);
  if (!result.ok) throw new Error(describeProblems(result.problems));
  holder[key] = result.config;
  return result.config;
}

/** Tests change process.env and read it again. */
export function resetConfig() {
  delete (/** @type {Holder} */ (globalThis))[key];
}

/**
 * For start-up (instrumentation, a server entry, scripts): on invalid configuration, prints every
 * problem and exits with status 1; otherwise returns the configuration.
 * @returns {Config}
 */
export function assertConfig() {
  const result = loadConfig(process.env);
  if (!result.ok) {
    console.error(`[gazette] ${describeProblems(result.problems)}`);
    process.exit(1);
  }
  /** @type {Holder} */ (globalThis)[key] ??= result.config;
  return result.config;
}

/**
 * Whether rendered pages are also kept in PostgreSQL (ADR 0015): with DATABASE_URL, unless turned
 * off, and not on Vercel unless turned on (Vercel's own ISR cache is durable and shared already).
 * @param {Config} cfg
 */
export function pageStoreOn(cfg) {
  return Boolean(cfg.DATABASE_URL) && (cfg.PAGE_STORE ?? !cfg.VERCEL);
}

/**
 * Whether this server takes part in rendering every story's page ahead of readers (ADR 0016): a
 * long-running server with the page store; never a serverless function.
 * @param {Config} cfg
 */
export function pageWarmOn(cfg) {
  return pageStoreOn(cfg) && !cfg.VERCEL && (cfg.PAGE_WARM ?? true);
}
