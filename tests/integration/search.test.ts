import { withTx } from '@/db/tx';
import { eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySearchSettings, SEARCH_COUNT_CAP, searchArticles, searchCountStatement, searchPageStatement } from '@/db/queries/search';
import { articles, sections } from '@/db/schema';
import type { ArticleStatus } from '@/db/schema';
import { seedDemo } from '@/services/seed';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { rows } from './helpers';

const DAY = 86_400_000;
let tdb: TestDatabase;
let sectionId: number;
const ids: Record<string, number> = {};

async function add(key: string, fields: { title: string; subtitle?: string; excerpt?: string; bodyText?: string; status?: ArticleStatus; publishedAt?: Date | null; deletedAt?: Date }) {
  const [row] = await tdb.db
    .insert(articles)
    .values({
      slug: `search-${key.toLowerCase()}`,
      title: fields.title,
      subtitle: fields.subtitle ?? '',
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
    await add('published', { title: 'How the Gazette published its archive', bodyText: 'Nothing else.' });
    await add('publishing', { title: 'Notes', bodyText: 'A publishing house in two cities renders proofs.' });
    await add('city', { title: 'A quiet city at night', excerpt: 'Rendering the skyline.' });
    await add('render', { title: 'Pages', bodyText: 'Servers render pages; the published time is shown.' });
    // Ranking: title over subtitle, then the rest (excerpt, body) newest first; all five say 排序测试.
    await add('rankBodyNew', { title: '甲', bodyText: '排序测试', publishedAt: new Date(Date.now() - DAY) });
    await add('rankBodyOld', { title: '乙', bodyText: '排序测试', publishedAt: new Date(Date.now() - 3 * DAY) });
    await add('rankExcerpt', { title: '丙', excerpt: '排序测试', publishedAt: new Date(Date.now() - 5 * DAY) });
    await add('rankSubtitle', { title: '丁', subtitle: '排序测试', publishedAt: new Date(Date.now() - 4 * DAY) });
    await add('rankTitle', { title: '排序测试', publishedAt: new Date(Date.now() - 9 * DAY) });
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

  it('computes the search columns with an empty search_path, as pg_restore and logical replication do', async () => {
    const vectors = await withTx(tdb.db, async (tx) => {
      await tx.execute(sql`set local search_path = ''`);
      const [row] = await rows<{ doc: string; head: string; query: string }>(
        tx,
        sql`select public.gazette_search_document('新闻', '', 'Cities', 'Body')::text as doc, public.gazette_search_head('新闻', 'Cities')::text as head,
          public.gazette_search_query('Publishing 新闻')::text as query`,
      );
      return row;
    });
    expect(vectors).toEqual({
      doc: "'bodi' 'body' 'citi' 'cities' '新' '新闻' '闻'",
      head: "'citi':5B 'cities':4B '新':1A '新闻':3A '闻':2A",
      query: "( 'publishing':* | 'publish' ) & '新闻'",
    });
  });

  it('builds the matching vector (whole-text passes) with exactly the terms of the tokenizer the queries use', async () => {
    const corpus = sql`select format('a%sb 中%s文 %s ×Àb ÖØ%s the cities', chr(i), chr(i), chr(i), upper(chr(i))) as d from generate_series(1, 1535) i
      union all select chr(i) || chr(j) from generate_series(150, 1300, 37) i, generate_series(160, 1300, 41) j
      union all select v from unnest(array['', '中', '中文', 'a', '中 文 中文字', 'ÉCOLE Zürichsee МОСКВА ΩMEGAPOINT ＱＷＥＲＴＹＩＳＲ Next.js ﬁnance Ǆ Publishing RENDERED cities'])
        as u(v)
      union all select title || ' ' || subtitle || ' ' || excerpt || ' ' || body_text from articles`;
    const [row] = await rows<{ n: number; differ: number }>(
      tdb.db,
      sql`select count(*)::int as n, count(*) filter (where gazette_search_bag(d) <> array_to_tsvector(gazette_search_tokens(d)))::int as differ from (${corpus}) c`,
    );
    expect(row!.n).toBeGreaterThan(2000);
    expect(row!.differ).toBe(0);
  });

  it('builds the ranking vector (title A, subtitle B) with the tokens and positions of the tokenizer the queries use', async () => {
    // The reference is 0006's definition of gazette_search_weighted, over gazette_search_tokens.
    const corpus = sql`select format('a%sb 中%s文 %s ×Àb ÖØ%s the cities 发布会', chr(i), chr(i), chr(i), upper(chr(i))) as d from generate_series(1, 1535) i
      union all select v from unnest(array['', '中', '中文', 'a', '中 文 中文字', 'ÉCOLE Zürichsee МОСКВА ΩMEGAPOINT ＱＷＥＲＴＹＩＳＲ Next.js ﬁnance Ǆ Publishing RENDERED cities',
        repeat('长', 70) || ' ' || repeat('ab', 40)]) as u(v)
      union all select title from articles union all select subtitle from articles`;
    const [row] = await rows<{ n: number; differ: number }>(
      tdb.db,
      sql`select count(*)::int as n, count(*) filter (where gazette_search_weighted(d, 'B')::text is distinct from (
            select coalesce(string_agg(quote_literal(token) || ':' || least(position, 16383) || 'B', ' '), '')::tsvector::text
            from unnest(gazette_search_tokens(d)) with ordinality as u(token, position)))::int as differ
          from (${corpus}) c`,
    );
    expect(row!.n).toBeGreaterThan(1500);
    expect(row!.differ).toBe(0);
  });

  it('matches English words by their stems as well as by prefix, and marks the stems for highlighting', async () => {
    expect(await found('publishing')).toEqual(expect.arrayContaining([ids.published, ids.publishing, ids.render]));
    expect(await found('published')).toEqual(expect.arrayContaining([ids.published, ids.publishing]));
    expect(await found('cities')).toEqual(expect.arrayContaining([ids.city, ids.publishing]));
    expect(await found('city')).toEqual(expect.arrayContaining([ids.city, ids.publishing]));
    expect(await found('rendering')).toEqual(expect.arrayContaining([ids.city, ids.render, ids.publishing]));
    expect(await found('render')).toEqual(expect.arrayContaining([ids.city, ids.render, ids.publishing]));
    expect(await found('rendering cities')).toEqual([ids.city, ids.publishing]);
    expect(await found('published city')).toEqual([ids.publishing]);
    expect(await found('published skyline')).toEqual([]);
    expect((await searchArticles(tdb.db, 'Publishing cities 新闻', 1, 5)).stems.sort()).toEqual(['citi', 'publish']);
    // Prefixes still work on the word as typed.
    expect(await found('publis')).toEqual(expect.arrayContaining([ids.published, ids.publishing]));
  });

  it('ranks title matches over subtitle matches, then the others (excerpt, body) newest first', async () => {
    expect(await found('排序测试')).toEqual([ids.rankTitle, ids.rankSubtitle, ids.rankBodyNew, ids.rankBodyOld, ids.rankExcerpt]);
    const second = await searchArticles(tdb.db, '排序测试', 2, 2);
    expect(second.items.map((a) => a.id)).toEqual([ids.rankBodyNew, ids.rankBodyOld]);
    expect(second).toMatchObject({ total: 5, capped: false, pageCount: 3 });
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

  it(`counts matches up to ${SEARCH_COUNT_CAP} and serves only those pages beyond it`, async () => {
    await tdb.db.execute(sql`insert into articles (slug, title, body_json, body_text, section_id, status, published_at)
      select 'cap-' || i, '上限测试 ' || i, '{}'::jsonb, 'capword', ${sectionId}, 'published', now() - i * interval '1 minute'
      from generate_series(1, ${SEARCH_COUNT_CAP + 5}) i`);
    const first = await searchArticles(tdb.db, '上限测试', 1, 20);
    expect(first).toMatchObject({ total: SEARCH_COUNT_CAP, capped: true, pageCount: SEARCH_COUNT_CAP / 20 });
    expect(first.items.map((a) => a.title).slice(0, 3)).toEqual(['上限测试 1', '上限测试 2', '上限测试 3']);
    const last = await searchArticles(tdb.db, '上限测试', SEARCH_COUNT_CAP / 20, 20);
    expect(last.items).toHaveLength(20);
    expect(last.items.at(-1)!.title).toBe(`上限测试 ${SEARCH_COUNT_CAP}`);
    expect(await searchArticles(tdb.db, '上限测试', SEARCH_COUNT_CAP / 20 + 1, 20)).toMatchObject({ items: [], total: SEARCH_COUNT_CAP, capped: true });
    expect(await searchArticles(tdb.db, '上限测试 1004', 1, 20)).toMatchObject({ total: 1, capped: false });
  });

  it.runIf(testDatabaseKind === 'postgres')('reads the GIN indexes for the count and the page (or the visibility index for common terms), never all of articles', async () => {
    // An archive big enough for the planner to weigh a full read against the index.
    await tdb.db.execute(sql`insert into articles (slug, title, excerpt, body_json, body_text, section_id, status, published_at)
      select 'filler-' || i, '填充文章 ' || i || '：天气与体育', 'Filler story ' || i, '{}'::jsonb,
        repeat('今天的天气很好，体育比赛照常进行。The weather was fine and the match went on. ', 1 + i % 5), ${sectionId}, 'published', now() - i * interval '1 hour'
      from generate_series(1, 8000) i`);
    await tdb.db.execute(sql`vacuum analyze articles`); // as autovacuum would: statistics, and GIN pending lists merged
    for (const query of ['上限测试 1004', '排序测试', 'publishing', '上限测试']) {
      const { capped } = await searchArticles(tdb.db, query, 1, 20);
      const [count, page] = await withTx(tdb.db, async (t) => {
        await applySearchSettings(t);
        const explain = async (statement: { getSQL: () => SQL }) =>
          (await rows<{ 'QUERY PLAN': string }>(t, sql`explain ${statement.getSQL()}`)).map((r) => r['QUERY PLAN']).join('\n');
        await t.execute(sql`set local enable_indexscan = off`);
        const countPlan = await explain(searchCountStatement(t, query));
        await t.execute(sql`set local enable_indexscan = on`);
        return [countPlan, await explain(searchPageStatement(t, query, 20, 0, capped))];
      });
      expect(capped, query).toBe(query === '上限测试');
      expect(count, query).toContain('articles_search_idx');
      expect(count, query).not.toMatch(/Seq Scan on articles/);
      // Head matches through their own index; the rest through the GIN index, or for a common query
      // down the visibility index newest first, stopping at the page's end.
      expect(page, query).toContain('articles_search_head_idx');
      expect(page, query).toContain(capped ? 'articles_visible_published_idx' : 'articles_search_idx');
      expect(page, query).not.toMatch(/Seq Scan on articles/);
    }
  }, 120_000);
});
