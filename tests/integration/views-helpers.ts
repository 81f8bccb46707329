import { afterAll, beforeAll, beforeEach } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { resetViewsConfig } from '@/domain/views/config';
import { stopViewCounting } from '@/services/views/flush';
import { resetViewsState } from '@/services/views/service';
import { createTestDatabase, installTestDatabase, type TestDatabase } from '../helpers/db';
import { cleanRedisPrefix, redisUrl } from '../helpers/redis';
import { articles, articleViewsDaily, sections, siteSettings } from '@/db/schema';

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export interface ViewsFixture {
  published: number;
  other: number;
  draft: number;
  scheduledFuture: number;
  scheduledPast: number;
  trashed: number;
}

/** A site, a section and one article of each visibility case. */
export async function seedViewsFixture(db: Database, timeZone = 'Asia/Shanghai'): Promise<ViewsFixture> {
  await db.insert(siteSettings).values({ id: 1, name: 'Views test', timeZone });
  const [section] = await db.insert(sections).values({ slug: 'news', title: 'News' }).returning({ id: sections.id });
  const hourAgo = new Date(Date.now() - 3_600_000);
  const inAnHour = new Date(Date.now() + 3_600_000);
  const make = async (slug: string, values: Partial<typeof articles.$inferInsert>) => {
    const [row] = await db
      .insert(articles)
      .values({ slug, title: slug, bodyJson: {}, sectionId: section!.id, status: 'published', publishedAt: hourAgo, ...values })
      .returning({ id: articles.id });
    return row!.id;
  };
  return {
    published: await make('published', { viewCount: 100 }),
    other: await make('other', {}),
    draft: await make('draft', { status: 'draft', publishedAt: null }),
    scheduledFuture: await make('scheduled-future', { status: 'scheduled', publishedAt: inAnHour }),
    scheduledPast: await make('scheduled-past', { status: 'scheduled', publishedAt: hourAgo }),
    trashed: await make('trashed', { deletedAt: hourAgo }),
  };
}

export async function storedCount(db: Database, id: number): Promise<number> {
  const [row] = await db.select({ n: articles.viewCount }).from(articles).where(eq(articles.id, id));
  return Number(row?.n ?? -1);
}

export async function dailyRows(db: Database, id: number): Promise<{ day: string; views: number }[]> {
  const rows = await db.select({ day: articleViewsDaily.day, views: articleViewsDaily.views }).from(articleViewsDaily).where(eq(articleViewsDaily.articleId, id));
  return rows.map((r) => ({ day: String(r.day), views: r.views }));
}

export function beaconRequest(options: {
  id?: unknown;
  body?: string;
  ip?: string;
  ua?: string | null;
  contentType?: string;
}): Request {
  const headers = new Headers();
  if (options.ua !== null) headers.set('user-agent', options.ua ?? BROWSER_UA);
  if (options.ip) headers.set('x-forwarded-for', options.ip);
  headers.set('content-type', options.contentType ?? 'text/plain;charset=UTF-8');
  const body = options.body ?? JSON.stringify({ id: options.id });
  return new Request('http://localhost/api/views', { method: 'POST', headers, body });
}

/** Distinct synthetic visitors: 10.x.y.z from an index. */
export function syntheticIp(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

export interface RedisViewsSuite {
  database: TestDatabase;
  db: Database;
  ids: ViewsFixture;
}

/**
 * Hooks of a suite that counts views through Redis (REDIS_URL) on a fresh database with the views
 * fixture: env set before, restored after, and counts, Redis keys and view state emptied before each test.
 */
export function useRedisViewsSuite(prefix: string, env: Record<string, string>, ready: (suite: RedisViewsSuite) => void): void {
  const savedEnv = { ...process.env };
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    installTestDatabase(database);
    const ids = await seedViewsFixture(database.db);
    Object.assign(process.env, { REDIS_URL: redisUrl, VIEWS_REDIS_PREFIX: prefix, TRUST_PROXY: '1', VIEWS_RATE_LIMIT: '0', VIEWS_FLUSH_MS: '600000', ...env });
    resetViewsConfig();
    ready({ database, db: database.db, ids });
  });
  afterAll(async () => {
    stopViewCounting();
    await resetViewsState();
    await cleanRedisPrefix(prefix);
    process.env = savedEnv;
    resetViewsConfig();
    await database?.drop();
  });
  beforeEach(async () => {
    await resetViewsState();
    await cleanRedisPrefix(prefix);
    await database!.db.execute(sql`truncate ${articleViewsDaily}`);
    await database!.db.execute(sql`update articles set view_count = 0`);
  });
}
