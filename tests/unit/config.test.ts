import { describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '@/domain/config.mjs';

const PG = 'postgres://gazette:pw@db.internal:5432/gazette';
const SECRET = 'a-session-secret-that-is-long-enough-0123456789';
const KEY_32 = Buffer.alloc(32, 7).toString('base64');

function ok(env: Record<string, string | undefined>): Config {
  const result = loadConfig(env);
  if (!result.ok) throw new Error(`expected a valid configuration, got:\n${result.problems.join('\n')}`);
  return result.config;
}

function problems(env: Record<string, string | undefined>): string[] {
  const result = loadConfig(env);
  if (result.ok) throw new Error('expected problems, the configuration was accepted');
  return result.problems;
}

/** The one message about `name`. */
function problem(env: Record<string, string | undefined>, name: string): string {
  const found = problems(env).filter((p) => p.startsWith(`${name}: `));
  expect(found, `messages about ${name}`).toHaveLength(1);
  return found[0]!;
}

describe('configuration defaults', () => {
  it('an empty environment is a valid development configuration with the documented defaults', () => {
    const c = ok({});
    expect(c).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATA_DIR: '.data',
      SEED_DEMO: true,
      TRUST_PROXY: 0,
      MICRO_CACHE_MS: 5000,
      CACHE_MEMORY_MB: 128,
      MEDIA_STORAGE: 'local',
      MEDIA_MAX_BYTES: 20 * 1024 * 1024,
      MEDIA_MAX_PIXELS: 40_000_000,
      IMPORT_MAX_BYTES: 512 * 1024 * 1024,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
      VIEWS_ENABLED: true,
      VIEWS_FLUSH_MS: 5000,
      VIEWS_REDIS_PREFIX: '{gazette-views}:',
      VIEWS_DEDUPE_MINUTES: 30,
      VIEWS_RATE_LIMIT: 300,
      SEARCH_RATE_LIMIT: 60,
      VIEWS_SHUTDOWN_TIMEOUT_MS: 8000,
      DATABASE_REPLICA_URLS: [],
    });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
  });

  it('blank values count as unset', () => {
    expect(ok({ PORT: '', SITE_URL: '  ', DATABASE_URL: '' })).toMatchObject({ PORT: 3000, SITE_URL: undefined, DATABASE_URL: undefined });
  });

  it('parses numbers, switches and lists into their types', () => {
    const c = ok({
      PORT: '8080',
      SITE_URL: 'https://news.example.com/',
      VIEWS_ENABLED: 'off',
      S3_FORCE_PATH_STYLE: 'TRUE',
      TRUST_PROXY: '2',
      DATABASE_URL: PG,
      AUTH_SECRET: SECRET,
      DATABASE_REPLICA_URLS: 'postgres://r1/gazette, postgresql://r2:5433/gazette',
    });
    expect(c).toMatchObject({ PORT: 8080, SITE_URL: 'https://news.example.com', VIEWS_ENABLED: false, S3_FORCE_PATH_STYLE: true, TRUST_PROXY: 2 });
    expect(c.DATABASE_REPLICA_URLS).toEqual(['postgres://r1/gazette', 'postgresql://r2:5433/gazette']);
    expect(ok({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(ok({ TRUST_PROXY: 'no' }).TRUST_PROXY).toBe(0);
  });
});

describe('SEED_DEMO', () => {
  it('defaults to off in production on PostgreSQL: a real newsroom gets no demo stories', () => {
    expect(ok({ NODE_ENV: 'production', DATABASE_URL: PG, AUTH_SECRET: SECRET }).SEED_DEMO).toBe(false);
  });

  it('defaults to on with the embedded database, and outside production', () => {
    expect(ok({ NODE_ENV: 'production' }).SEED_DEMO).toBe(true);
    expect(ok({ NODE_ENV: 'development', DATABASE_URL: PG }).SEED_DEMO).toBe(true);
    expect(ok({ NODE_ENV: 'test', DATABASE_URL: PG }).SEED_DEMO).toBe(true);
  });

  it('an explicit value wins over the default', () => {
    expect(ok({ NODE_ENV: 'production', DATABASE_URL: PG, AUTH_SECRET: SECRET, SEED_DEMO: '1' }).SEED_DEMO).toBe(true);
    expect(ok({ SEED_DEMO: '0' }).SEED_DEMO).toBe(false);
  });

  it('rejects anything but a switch', () => {
    expect(problem({ SEED_DEMO: 'maybe' }, 'SEED_DEMO')).toBe('SEED_DEMO: must be 1 or 0 (or true/false, yes/no, on/off), got "maybe"');
  });
});

describe('each invalid variable gives its own message, naming it and what is expected', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['PORT', { PORT: 'abc' }, /^PORT: must be a whole number from 1 to 65535, got "abc"$/],
    ['PORT', { PORT: '70000' }, /^PORT: must be a whole number from 1 to 65535, got "70000"$/],
    ['NODE_ENV', { NODE_ENV: 'prod' }, /^NODE_ENV: must be development, production or test, got "prod"$/],
    ['HOSTNAME_BIND', { HOSTNAME_BIND: 'two words' }, /^HOSTNAME_BIND: must be a host name or an IP address/],
    ['SITE_URL', { SITE_URL: 'news.example.com' }, /^SITE_URL: must be the public origin, like https:\/\/news\.example\.com/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/gazette' }, /^DATABASE_URL: must be a URL like postgres:\/\/user:password@host:5432\/database .*got "mysql:\/\/db\/gazette"$/],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://' }, /^DATABASE_URL: must be a URL like postgres:\/\//],
    ['DATABASE_REPLICA_URLS', { DATABASE_REPLICA_URLS: 'postgres://r1/db,r2' }, /^DATABASE_REPLICA_URLS: must be a comma-separated list of PostgreSQL URLs/],
    ['REDIS_URL', { REDIS_URL: 'http://cache:6379' }, /^REDIS_URL: must be a URL like redis:\/\/host:6379 \(redis:\/\/ or rediss:\/\/\), got "http:\/\/cache:6379"$/],
    ['TRUST_PROXY', { TRUST_PROXY: '11' }, /^TRUST_PROXY: must be the number of trusted proxies, a whole number from 0 to 10/],
    ['MICRO_CACHE_MS', { MICRO_CACHE_MS: '-1' }, /^MICRO_CACHE_MS: must be a whole number from 0 to 60000, got "-1"$/],
    ['CACHE_MEMORY_MB', { CACHE_MEMORY_MB: '4' }, /^CACHE_MEMORY_MB: must be a whole number of at least 8, got "4"$/],
    ['MEDIA_STORAGE', { MEDIA_STORAGE: 'ftp' }, /^MEDIA_STORAGE: must be local or s3, got "ftp"$/],
    ['MEDIA_MAX_BYTES', { MEDIA_MAX_BYTES: '20MB' }, /^MEDIA_MAX_BYTES: must be a whole number of at least 1, got "20MB"$/],
    ['MEDIA_MAX_PIXELS', { MEDIA_MAX_PIXELS: '0' }, /^MEDIA_MAX_PIXELS: must be a whole number of at least 1/],
    ['S3_ENDPOINT', { S3_ENDPOINT: 'minio:9000' }, /^S3_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/],
    ['S3_FORCE_PATH_STYLE', { S3_FORCE_PATH_STYLE: 'path' }, /^S3_FORCE_PATH_STYLE: must be 1 or 0/],
    ['VIEWS_ENABLED', { VIEWS_ENABLED: 'sometimes' }, /^VIEWS_ENABLED: must be 1 or 0/],
    ['VIEWS_FLUSH_MS', { VIEWS_FLUSH_MS: '10' }, /^VIEWS_FLUSH_MS: must be a whole number from 100 to 3600000, got "10"$/],
    ['VIEWS_DEDUPE_MINUTES', { VIEWS_DEDUPE_MINUTES: '1.5' }, /^VIEWS_DEDUPE_MINUTES: must be a whole number from 0 to 1440/],
    ['VIEWS_RATE_LIMIT', { VIEWS_RATE_LIMIT: 'lots' }, /^VIEWS_RATE_LIMIT: must be a whole number from 0 to 1000000/],
    ['SEARCH_RATE_LIMIT', { SEARCH_RATE_LIMIT: '-1' }, /^SEARCH_RATE_LIMIT: must be a whole number from 0 to 1000000/],
    ['VIEWS_SHUTDOWN_TIMEOUT_MS', { VIEWS_SHUTDOWN_TIMEOUT_MS: '999999' }, /^VIEWS_SHUTDOWN_TIMEOUT_MS: must be a whole number from 100 to 120000/],
    ['ADMIN_EMAIL', { ADMIN_EMAIL: 'editor', ADMIN_PASSWORD: 'a-good-password-1' }, /^ADMIN_EMAIL: must be an email address, got "editor"$/],
    ['ADMIN_NAME', { ADMIN_NAME: 'x'.repeat(101) }, /^ADMIN_NAME: must be at most 100 characters/],
    // The password in a mail server's URL is masked in the message.
    ['SMTP_URL', { SMTP_URL: 'http://mailer:s3cret@mail.example.com' }, /^SMTP_URL: must be a URL like smtp:\/\/user:password@smtp\.example\.com:587 .*got "http:\/\/mailer:\*\*\*@mail\.example\.com"$/],
    ['MAIL_FROM', { MAIL_FROM: 'Newsroom <not an address>' }, /^MAIL_FROM: must be an address like news@example\.com or "Example News <news@example\.com>"/],
    ['MAIL_FROM', { MAIL_FROM: 'news@example.com\r\nBcc: all@example.com' }, /^MAIL_FROM: must be an address like/],
  ];
  for (const [name, env, expected] of cases) {
    it(`${name}=${JSON.stringify(env[name]).slice(0, 40)}`, () => {
      expect(problem(env, name)).toMatch(expected);
    });
  }

  it('reports every invalid variable at once, one message each', () => {
    const all = problems({ PORT: 'abc', REDIS_URL: 'http://x', VIEWS_FLUSH_MS: 'soon' });
    expect(all.map((p) => p.split(':')[0])).toEqual(['PORT', 'REDIS_URL', 'VIEWS_FLUSH_MS']);
  });

  it('never echoes a secret, and masks the password in a URL', () => {
    expect(problem({ AUTH_SECRET: 'short-secret' }, 'AUTH_SECRET')).toBe(
      'AUTH_SECRET: must be at least 32 characters long (generate one with `openssl rand -base64 48`), got 12 characters (not shown)',
    );
    const url = problem({ DATABASE_URL: 'mysql://admin:hunter2@db/x' }, 'DATABASE_URL');
    expect(url).not.toContain('hunter2');
    expect(url).toContain('mysql://admin:***@db/x');
  });
});

describe('AUTH_SECRET', () => {
  it('is required in production with DATABASE_URL, saying why', () => {
    expect(problem({ NODE_ENV: 'production', DATABASE_URL: PG }, 'AUTH_SECRET')).toMatch(
      /^AUTH_SECRET: is required in production with DATABASE_URL: it signs sessions and preview links, and every server must use the same one/,
    );
  });

  it('may be left out with the embedded database (one is generated into DATA_DIR) and outside production', () => {
    expect(ok({ NODE_ENV: 'production' }).AUTH_SECRET).toBeUndefined();
    expect(ok({ DATABASE_URL: PG }).AUTH_SECRET).toBeUndefined();
  });
});

describe('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: PG, AUTH_SECRET: SECRET, REDIS_URL: 'redis://127.0.0.1:6379' };

  it('is required in production when REDIS_URL is set (several servers), explaining why', () => {
    const message = problem(production, 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY');
    expect(message).toMatch(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: is required in production when REDIS_URL is set \(several servers\)/);
    expect(message).toContain('Failed to find Server Action');
    expect(message).toContain('openssl rand -base64 32');
  });

  it('accepts the base64 of 16, 24 or 32 bytes', () => {
    for (const bytes of [16, 24, 32]) {
      expect(ok({ ...production, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(bytes, 1).toString('base64') }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBeTruthy();
    }
    expect(ok({ ...production, REDIS_URL: 'rediss://cache.example.com:6380', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY_32 }).REDIS_URL).toBe('rediss://cache.example.com:6380');
  });

  it('rejects other lengths and text that is not base64', () => {
    for (const key of [Buffer.alloc(20, 1).toString('base64'), 'not base64 at all!', KEY_32.slice(0, -1)]) {
      expect(problem({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }, 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY')).toMatch(
        /^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be the base64 encoding of 16, 24 or 32 random bytes .*\(not shown\)$/,
      );
    }
  });

  it('is not required for one server (no REDIS_URL) or outside production', () => {
    expect(ok({ NODE_ENV: 'production', DATABASE_URL: PG, AUTH_SECRET: SECRET }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBeUndefined();
    expect(ok({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
  });
});

describe('WEB_CONCURRENCY', () => {
  it('defaults to one process', () => {
    expect(ok({}).WEB_CONCURRENCY).toBe(1);
  });

  it('above 1 needs PostgreSQL and Redis, shared by the workers as by several servers', () => {
    const message = /^WEB_CONCURRENCY: above 1 needs DATABASE_URL and REDIS_URL: .*PGlite.* can be opened by one process only/;
    expect(problem({ WEB_CONCURRENCY: '2' }, 'WEB_CONCURRENCY')).toMatch(message);
    expect(problem({ WEB_CONCURRENCY: '2', DATABASE_URL: PG }, 'WEB_CONCURRENCY')).toMatch(message);
    expect(problem({ WEB_CONCURRENCY: '2', REDIS_URL: 'redis://cache:6379' }, 'WEB_CONCURRENCY')).toMatch(message);
    expect(ok({ WEB_CONCURRENCY: '4', DATABASE_URL: PG, REDIS_URL: 'redis://cache:6379' }).WEB_CONCURRENCY).toBe(4);
  });

  it('is a whole number from 1 to 64', () => {
    const shared = { DATABASE_URL: PG, REDIS_URL: 'redis://cache:6379' };
    for (const value of ['0', '65', 'auto', '1.5']) expect(problem({ WEB_CONCURRENCY: value, ...shared }, 'WEB_CONCURRENCY')).toMatch(/from 1 to 64/);
  });
});

describe('Vercel', () => {
  it('refuses the embedded database (no DATABASE_URL) with a clear message', () => {
    expect(problem({ VERCEL: '1', MEDIA_STORAGE: 's3', S3_BUCKET: 'media' }, 'DATABASE_URL')).toMatch(
      /^DATABASE_URL: is required on Vercel \(VERCEL is set\): the embedded PGlite database would live on a function's temporary disk and be lost/,
    );
  });

  it('refuses local media storage with a clear message', () => {
    expect(problem({ VERCEL: '1', DATABASE_URL: PG }, 'MEDIA_STORAGE')).toMatch(/^MEDIA_STORAGE: must be s3 on Vercel \(VERCEL is set\)/);
  });

  it('accepts PostgreSQL with S3 media', () => {
    expect(ok({ VERCEL: '1', DATABASE_URL: PG, MEDIA_STORAGE: 's3', S3_BUCKET: 'media' }).MEDIA_STORAGE).toBe('s3');
  });

  it("does not apply the running rules while `next build` prerenders (Vercel's build has none of the deployment's settings)", () => {
    const build = { NEXT_PHASE: 'phase-production-build', VERCEL: '1', NODE_ENV: 'production', REDIS_URL: 'redis://cache:6379' };
    expect(ok(build).VERCEL).toBe('1');
    expect(problems({ ...build, NEXT_PHASE: undefined })).toHaveLength(3);
    // A malformed value is still refused at build time.
    expect(problem({ ...build, CACHE_MEMORY_MB: 'lots' }, 'CACHE_MEMORY_MB')).toMatch(/must be a whole number/);
  });
});

describe('media storage and the owner account', () => {
  it('MEDIA_STORAGE=s3 needs S3_BUCKET', () => {
    expect(problem({ MEDIA_STORAGE: 's3' }, 'S3_BUCKET')).toMatch(/^S3_BUCKET: is required when MEDIA_STORAGE=s3/);
  });

  it('S3 keys come in pairs', () => {
    expect(problem({ S3_ACCESS_KEY_ID: 'id' }, 'S3_SECRET_ACCESS_KEY')).toMatch(/^S3_SECRET_ACCESS_KEY: is required with the other S3 key/);
    expect(problem({ S3_SECRET_ACCESS_KEY: 'secret' }, 'S3_ACCESS_KEY_ID')).toMatch(/^S3_ACCESS_KEY_ID: is required with the other S3 key/);
  });

  it('ADMIN_EMAIL and ADMIN_PASSWORD come together', () => {
    expect(problem({ ADMIN_EMAIL: 'owner@example.com' }, 'ADMIN_PASSWORD')).toMatch(/^ADMIN_PASSWORD: is required when ADMIN_EMAIL is set/);
    expect(problem({ ADMIN_PASSWORD: 'a-good-password-1' }, 'ADMIN_EMAIL')).toMatch(/^ADMIN_EMAIL: is required when ADMIN_PASSWORD is set/);
    expect(ok({ ADMIN_EMAIL: 'owner@example.com', ADMIN_PASSWORD: 'a-good-password-1' }).ADMIN_EMAIL).toBe('owner@example.com');
  });
});
