import { resetConfig } from '@/domain/config.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { closeConnection, getDb, getReaderDb, READER_STATEMENT_TIMEOUT_MS, type Database } from '@/db/client';
import { getArticle } from '@/db/queries/public';
import { articles, sections, siteSettings, tags } from '@/db/schema';
import { searchStories } from '@/services/reader';
import { createTestDatabase, installTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';

/**
 * DATABASE_REPLICA_URLS: reader queries (services/reader.ts, through getReaderDb) read from a replica,
 * writes and the newsroom (getDb) stay on the primary. The "replica" here is a second database with
 * the same schema and different content, so where a read went shows in what it returns.
 */
const savedEnv = { ...process.env };
let primary: TestDatabase;
let replica: TestDatabase;
let articleId: number;

async function fill(db: Database, title: string): Promise<number> {
  await db.insert(siteSettings).values({ id: 1, name: 'Replica test' });
  const [section] = await db.insert(sections).values({ slug: 'news', title: 'News' }).returning({ id: sections.id });
  const [row] = await db
    .insert(articles)
    .values({ id: 1, slug: 'story', title, bodyJson: {}, sectionId: section!.id, status: 'published', publishedAt: new Date(Date.now() - 3_600_000) })
    .returning({ id: articles.id });
  return row!.id;
}

describe.skipIf(testDatabaseKind !== 'postgres')('read replicas (DATABASE_REPLICA_URLS)', () => {
  beforeAll(async () => {
    primary = await createTestDatabase();
    replica = await createTestDatabase();
    articleId = await fill(primary.db, 'Primary headline');
    expect(await fill(replica.db, 'Replica headline')).toBe(articleId);
    process.env.DATABASE_REPLICA_URLS = ` ${replica.url!} , `;
    resetConfig(); // the configuration is parsed once per process
    installTestDatabase(primary);
  });

  afterAll(async () => {
    await closeConnection().catch(() => {}); // closes the replica pool of getReaderDb (and the primary)
    process.env = savedEnv;
    resetConfig();
    await replica?.drop();
    await primary?.drop();
  });

  it('reader queries read from the replica; the primary answers getDb()', async () => {
    const reader = await getReaderDb();
    expect((await getArticle(reader, articleId))?.title).toBe('Replica headline');
    expect((await getArticle(await getDb(), articleId))?.title).toBe('Primary headline');
  });

  it('reader search (a read-only transaction) runs on the replica too', async () => {
    const found = await searchStories('replica', 1, 20);
    expect(found.items.map((a) => a.title)).toEqual(['Replica headline']);
    expect((await searchStories('primary', 1, 20)).items).toEqual([]);
  });

  it('replica connections cut off a runaway statement (READER_STATEMENT_TIMEOUT_MS); the primary, which migrations and the newsroom use, does not', async () => {
    const reader = (await getReaderDb()) as Database & { $replicas: Database[] };
    const shown = async (db: Database) => ((await db.execute(sql`show statement_timeout`)) as unknown as { statement_timeout: string }[])[0]!.statement_timeout;
    expect(await shown(reader.$replicas[0]!)).toBe(`${READER_STATEMENT_TIMEOUT_MS / 1000}s`);
    expect(await shown(await getDb())).toBe('0');
  });

  it('writes through the reader database go to the primary, never the replica', async () => {
    const reader = await getReaderDb();
    await reader.insert(tags).values({ slug: 'written', name: 'Written' });
    await reader.update(articles).set({ title: 'Primary, edited' }).where(eq(articles.id, articleId));
    expect(await primary.db.select({ slug: tags.slug }).from(tags)).toEqual([{ slug: 'written' }]);
    expect(await replica.db.select({ slug: tags.slug }).from(tags)).toEqual([]);
    expect((await getArticle(primary.db, articleId))?.title).toBe('Primary, edited');
    expect((await getArticle(reader, articleId))?.title).toBe('Replica headline');
  });

  it('without DATABASE_REPLICA_URLS the reader database is the primary', async () => {
    delete process.env.DATABASE_REPLICA_URLS;
    resetConfig();
    expect(await getReaderDb()).toBe(await getDb());
    process.env.DATABASE_REPLICA_URLS = replica.url!;
    resetConfig();
  });
});
