import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchArticles } from '@/db/queries/search';
import { articles, sections } from '@/db/schema';
import type { ArticleStatus } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { rows } from './helpers';

const DAY = 86_400_000;
let tdb: TestDatabase;
let sectionId: number;
const ids: Record<string, number> = {};

async function add(key: string, fields: { title: string; excerpt?: string; bodyText?: string; status?: ArticleStatus; publishedAt?: Date | null; deletedAt?: Date }) {
  const [row] = await tdb.db
    .insert(articles)
    .values({
      slug: `search-${key.toLowerCase()}`,
      title: fields.title,
      excerpt: fields.excerpt ?? '',
      bodyJson: { type: 'doc', content: [] },
      bodyText: fields.bodyText ?? '',
      sectionId,
      status: fields.status ?? 'published',
      publishedAt: fields.publishedAt === undefined ? new Date(Date.now() - DAY) : fields.publishedAt,
      deletedAt: fields.deletedAt ?? null,
    })
    .returning({ id: articles.id });
  ids[key] = row!.id;
}

const found = async (query: string, page = 1, pageSize = 100) => (await searchArticles(tdb.db, query, page, pageSize)).items.map((a) => a.id);

describe(`reader search on ${testDatabaseKind}`, () => {
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.db);
    const [section] = await tdb.db.insert(sections).values({ slug: 'search-qa', title: '搜索测试' }).returning({ id: sections.id });
    sectionId = section!.id;
    await add('titleHit', { title: '青禾网络召开新品发布会', bodyText: '会议在杭州举行。' });
    await add('bodyHit', { title: '一场普通的会议', bodyText: `${'背景介绍。'.repeat(50)}本次新品发布会吸引了许多客户。` });
    await add('apart', { title: '新品与发布', bodyText: '新品很多，发布很快，会也开了。' }); // 新品 and 发布 but never 品发 / 发布会 in a row
    await add('english', { title: 'A deep dive into Next.js zyxcaching', excerpt: 'How QWERTYISR and tags work.' });
    await add('draft', { title: '新品发布会草稿', status: 'draft' });
    await add('future', { title: '新品发布会预告', status: 'scheduled', publishedAt: new Date(Date.now() + DAY) });
    await add('trashed', { title: '新品发布会旧稿', deletedAt: new Date() });
    await add('capitals', { title: 'ÉCOLE Zürichsee МОСКВА ΩMEGAPOINT' });
  });
  afterAll(() => tdb?.drop());

  it('finds a Chinese phrase in titles and bodies, title matches first, and never a draft, scheduled or trashed story', async () => {
    expect(await found('新品发布会')).toEqual([ids.titleHit, ids.bodyHit]);
  });

  it('requires the characters of a phrase to be adjacent (bigrams), while single characters and words match anywhere', async () => {
    expect(await found('品发')).not.toContain(ids.apart);
    expect(await found('新品')).toEqual(expect.arrayContaining([ids.titleHit, ids.bodyHit, ids.apart]));
    expect(await found('禾')).toContain(ids.titleHit);
    expect(await found('新品 发布')).toEqual(expect.arrayContaining([ids.titleHit, ids.bodyHit, ids.apart]));
  });

  it('matches English words by prefix, in any case or width, in the title and the excerpt', async () => {
    expect(await found('zyxcach')).toEqual([ids.english]);
    expect(await found('NEXT.JS')).toContain(ids.english);
    expect(await found('ＱＷＥＲＴＹＩＳＲ')).toEqual([ids.english]);
    expect(await found('zyxcaching banana')).toEqual([]);
  });

  it('folds non-ASCII capitals whatever the database locale (PGlite runs with C, where lower() keeps them)', async () => {
    expect(await found('école')).toEqual([ids.capitals]);
    expect(await found('ZÜRICHSEE')).toEqual([ids.capitals]);
    expect(await found('москва ωmega')).toEqual([ids.capitals]);
  });

  it('computes the search column with an empty search_path, as pg_restore and logical replication do', async () => {
    const vector = await tdb.db.transaction(async (tx) => {
      await tx.execute(sql`set local search_path = ''`);
      const [row] = await rows<{ v: string }>(tx as unknown as typeof tdb.db, sql`select public.gazette_search_vector('新闻', '', '', 'Body')::text as v`);
      return row?.v;
    });
    expect(vector).toBe("'body':4 '新':1A '新闻':3A '闻':2A");
  });

  it('finds demo stories, and keeps the index current when a title changes (a generated column)', async () => {
    expect((await searchArticles(tdb.db, '青禾', 1, 5)).total).toBeGreaterThan(5);
    await tdb.db.update(articles).set({ title: '改版后的标题：年度技术大会' }).where(eq(articles.id, ids.english!));
    expect(await found('技术大会')).toContain(ids.english);
    expect(await found('zyxcaching')).toEqual([]);
  });

  it('pages through results and reports a page past the end as empty with the page count', async () => {
    const all = await found('青禾');
    const first = await searchArticles(tdb.db, '青禾', 1, 3);
    const second = await searchArticles(tdb.db, '青禾', 2, 3);
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual(all.slice(0, 6));
    expect(first.pageCount).toBe(Math.ceil(all.length / 3));
    const past = await searchArticles(tdb.db, '青禾', 999, 3);
    expect(past).toMatchObject({ items: [], total: all.length, page: 999 });
  });

  it('answers hostile or empty queries with no results, never an error', async () => {
    for (const query of ['', '   ', '!!!', "'", '\\', "' & | ! : * ( ) <-> \\'", '%_', '\u0000', '—— ？？', 'a'.repeat(10_000), '新'.repeat(5_000), 'x:* | y', 'drop table articles;']) {
      await expect(searchArticles(tdb.db, query, 1, 10), JSON.stringify(query.slice(0, 20))).resolves.toMatchObject({ page: 1 });
    }
    expect(await found('!!!')).toEqual([]);
    expect((await searchArticles(tdb.db, 'drop table articles;', 1, 10)).total).toBe(0);
  });
});
