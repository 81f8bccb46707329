import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { sql } from 'drizzle-orm';
import { schema, type Database } from '@/db/client';
import * as q from '@/db/queries/public';
import * as feeds from '@/db/queries/feeds';
import { pageOfCorrections } from '@/db/queries/notices';
import { getMostReadSince } from '@/db/queries/views';
import { ADMIN_LIST_MAX_ROWS, listAdminArticles } from '@/db/queries/admin/article-admin';
import { rebuildRecentViews } from '@/db/queries/view-rollup';
import { dayInZone, periodStart } from '@/domain/views/day';
import { explainStatement, statementRecorder } from '@/scripts/lib/query-plans';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';

// Reader queries must stay index reads as the archive grows. With 20,000 stories PostgreSQL would
// rather scan than walk an index if the index did not fit the query (wrong order, OR conditions, a
// count over everything), so a sequential scan of a story table here is a query that grows with
// the archive. PostgreSQL only: its planner and statistics are what production runs.
const STORIES = 20_000;
const ARCHIVE_TABLES = ['articles', 'article_tags', 'article_authors', 'article_views_daily'];

describe.skipIf(testDatabaseKind !== 'postgres')('reader query plans at archive size (PostgreSQL)', () => {
  let tdb: TestDatabase;
  let client: postgres.Sql;
  let db: Database;
  const recorder = statementRecorder();
  const today = dayInZone(Date.now(), 'Asia/Shanghai');
  let tagId = 0;
  let authorId = 0;
  let family: number[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    client = postgres(tdb.url!, { max: 1, onnotice: () => {}, connection: { jit: 'off' } });
    db = drizzle(client, { schema, casing: 'snake_case', logger: recorder.logger }) as unknown as Database;
    // Stories three to an hour (ties on published_at), one in ten a draft, one in fifty trashed.
    await client.unsafe(`
      insert into sections (slug, title) values ('news', 'News'), ('tech', 'Tech');
      insert into sections (slug, title, parent_id) select 'company', 'Company', id from sections where slug = 'news';
      insert into tags (slug, name) select 'tag-' || g, 'Tag ' || g from generate_series(1, 20) g;
      insert into users (email, name, slug, role) select 'u' || g || '@example.com', 'User ' || g, 'user-' || g, 'author' from generate_series(1, 5) g;
      insert into articles (slug, title, body_json, section_id, status, published_at, deleted_at, view_count)
        select 'story-' || g, 'Story ' || g, '{}'::jsonb, (select id from sections order by id offset g % 3 limit 1),
          (case when g % 10 = 0 then 'draft' else 'published' end)::article_status,
          case when g % 10 = 0 then null else timestamptz '2020-01-01' + (g / 3) * interval '1 hour' end,
          case when g % 50 = 1 then now() end, g % 997
        from generate_series(1, ${STORIES}) g;
      insert into article_tags (article_id, tag_id) select a.id, t.id from articles a join tags t on t.id % 20 = a.id % 20 or t.id = 1;
      insert into article_authors (article_id, user_id) select a.id, u.id from articles a join users u on u.id % 5 = a.id % 5;
      insert into article_views_daily (article_id, day, views)
        select a.id, current_date - (a.id % 40), 1 + a.id % 17 from articles a where a.id % 2 = 0;
      -- A few pinned stories, some with an end.
      update articles set pinned = true, pinned_until = case when id % 1000 = 0 then now() + interval '1 day' end where id % 500 = 0;
      -- Corrections are rare: about one story in a hundred has a note.
      insert into article_notices (article_id, kind, note, created_at)
        select a.id, (case when a.id % 3 = 0 then 'update' else 'correction' end)::article_notice_kind, 'Note ' || a.id, a.published_at + interval '1 day'
        from articles a where a.id % 97 = 0 and a.status = 'published';
      analyze;`);
    await rebuildRecentViews(tdb.db, today);
    await client.unsafe('analyze article_views_recent');
    tagId = 1;
    const [author] = await client<{ id: number }[]>`select id from users order by id limit 1`;
    authorId = author!.id;
    family = (await client<{ id: number }[]>`select id from sections where slug in ('news', 'company')`).map((r) => r.id);
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await tdb?.drop();
  });

  async function expectIndexReads(run: () => Promise<unknown>) {
    const statements = await recorder.record(run);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const { seqScans } = await explainStatement(client, statement);
      expect(seqScans.filter((t) => ARCHIVE_TABLES.includes(t)), statement.query).toEqual([]);
    }
  }

  /** For lists that may scan with a LIMIT: however they read, no more than `bound` rows of a story table. */
  async function expectBoundedReads(bound: number, run: () => Promise<unknown>) {
    for (const statement of await recorder.record(run)) {
      const { rowsRead } = await explainStatement(client, statement);
      for (const table of ARCHIVE_TABLES) expect(rowsRead[table] ?? 0, `${table}: ${statement.query}`).toBeLessThanOrEqual(bound);
    }
  }

  const someStory = async () => (await q.getArticle(db, (await q.listArticles(db, {}, { limit: 1, offset: 5_000 }))[0]!.id))!;

  it('reads the latest, the lead and the feed from an index', async () => {
    await expectIndexReads(() => q.listArticles(db, {}, { limit: 10 }));
    await expectIndexReads(() => q.getLeadStories(db, 4));
    await expectIndexReads(() => q.getMostRead(db, 10));
    await expectIndexReads(() => feeds.listFeedItems(db, {}, 30));
  });

  it('reads section, tag and author pages (first and deepest) and their counts from an index', async () => {
    for (const filter of [{ sectionIds: family }, { tagId }, { authorId }]) {
      await expectIndexReads(() => q.pageOfArticles(db, filter, 1, 20));
      await expectIndexReads(() => q.pageOfArticles(db, filter, q.MAX_LIST_PAGES, 20));
    }
  });

  it('reads an article, its previous/next and related stories, and an author page check from an index', async () => {
    const story = await someStory();
    await expectIndexReads(() => q.getArticle(db, story.id));
    await expectIndexReads(() => q.getNeighbours(db, story));
    await expectIndexReads(() => q.getRelated(db, { id: story.id, sectionId: story.sectionId, tagIds: story.tags.map((t) => t.id) }, 6));
    await expectIndexReads(() => q.getAuthorBySlug(db, 'user-1'));
  });

  it('reads most read (today, 7 and 30 days) from the rollup, and sitemaps by id range', async () => {
    for (const period of ['today', '7d', '30d'] as const) await expectIndexReads(() => getMostReadSince(db, periodStart(period, today), 10, today));
    await expectIndexReads(() => feeds.lastSitemapArticleId(db));
    await expectIndexReads(async () => feeds.listSitemapArticles(db, 10_000, 5_000));
    await expectIndexReads(() => feeds.listSitemapStatic(db));
  });

  it('reads a section family\'s pinned stories (置顶) and the pins that have ended from their indexes', async () => {
    await expectIndexReads(() => q.getPinnedInSections(db, family, 5));
    const { seqScans } = await explainStatement(client, { query: 'select id from articles where pinned and pinned_until <= now()', params: [] });
    expect(seqScans).toEqual([]);
  });

  it('reads /corrections, first page and deepest, from its index', async () => {
    await expectIndexReads(() => pageOfCorrections(db, 1, 30));
    await expectIndexReads(() => pageOfCorrections(db, q.MAX_LIST_PAGES, 30));
  });

  it('pages through ties in published_at exactly as a full sort would, for every kind of list', async () => {
    const visible = sql`status in ('published', 'scheduled') and deleted_at is null and published_at <= now()`;
    const expected = async (where: ReturnType<typeof sql>, offset: number) =>
      (await db.execute(sql`select id from articles where ${visible} and ${where} order by published_at desc, id desc limit 20 offset ${offset}`)) as unknown as { id: number }[];
    const cases = [
      { filter: { sectionIds: family }, where: sql`section_id in ${family}` },
      { filter: { tagId }, where: sql`id in (select article_id from article_tags where tag_id = ${tagId})` },
      { filter: { authorId }, where: sql`id in (select article_id from article_authors where user_id = ${authorId})` },
      { filter: {}, where: sql`true` },
    ];
    for (const { filter, where } of cases) {
      for (const page of [1, 2, 37, q.MAX_LIST_PAGES]) {
        const got = (await q.pageOfArticles(db, filter, page, 20)).items.map((a) => a.id);
        expect(got, `${JSON.stringify(filter)} page ${page}`).toEqual((await expected(where, (page - 1) * 20)).map((r) => r.id));
      }
      const paged = await q.pageOfArticles(db, filter, 1, 20);
      expect(paged).toMatchObject({ capped: true, total: q.MAX_LIST_PAGES * 20, pageCount: q.MAX_LIST_PAGES });
    }
  });

  it('keeps the listing copy on tag and author links in step with the story (unpublish, trash, reschedule)', async () => {
    const [story] = await client<{ id: number }[]>`select article_id as id from article_tags where tag_id = ${tagId} and listed order by published_at desc limit 1`;
    const listed = async () => (await q.listArticles(db, { tagId }, { limit: 3 })).map((a) => a.id);
    expect(await listed()).toContain(story!.id);
    await client`update articles set status = 'draft' where id = ${story!.id}`;
    expect(await listed()).not.toContain(story!.id);
    await client`update articles set status = 'published', deleted_at = now() where id = ${story!.id}`;
    expect(await listed()).not.toContain(story!.id);
    await client`update articles set deleted_at = null, published_at = now() + interval '1 day', status = 'scheduled' where id = ${story!.id}`;
    expect(await listed()).not.toContain(story!.id);
    await client`update articles set published_at = now() where id = ${story!.id}`;
    expect((await listed())[0]).toBe(story!.id);
  });

  it('reads no more of the archive for the newsroom list than it can page, for every sort and status', async () => {
    const editor = { id: authorId, role: 'editor' as const };
    const bound = ADMIN_LIST_MAX_ROWS * 1.25; // what it pages, and the rows a filter passes over; the table has 20,000
    for (const sort of ['updated', 'published', 'title', 'views'] as const) {
      await expectBoundedReads(bound, () => listAdminArticles(db, editor, { sort, page: 1, pageSize: 20 }));
      await expectBoundedReads(bound, () => listAdminArticles(db, editor, { sort, page: ADMIN_LIST_MAX_ROWS / 20, pageSize: 20 }));
    }
    for (const status of ['published', 'draft', 'scheduled'] as const) {
      await expectBoundedReads(bound, () => listAdminArticles(db, editor, { status, page: 3, pageSize: 20 }));
    }
    const all = await listAdminArticles(db, editor, { page: 10_000, pageSize: 20 });
    expect(all).toMatchObject({ total: ADMIN_LIST_MAX_ROWS, capped: true, pageCount: ADMIN_LIST_MAX_ROWS / 20, page: ADMIN_LIST_MAX_ROWS / 20 });
    expect(all.items).toHaveLength(20);
    const drafts = await listAdminArticles(db, editor, { status: 'draft', page: 1, pageSize: 20 });
    expect(drafts).toMatchObject({ total: STORIES / 10, capped: false });
  });

  it("counts the newsroom list of a tag or an author from indexes alone, without reading the stories' rows", async () => {
    // Tag 1 is on every story: its capped count merges the link index with articles_live_id_idx.
    await client.unsafe('vacuum analyze articles, article_tags, article_authors');
    const editor = { id: authorId, role: 'editor' as const };
    for (const filter of [{ tagId }, { authorId }]) {
      const statements = await recorder.record(() => listAdminArticles(db, editor, { ...filter, page: 1, pageSize: 20 }));
      const count = statements.find((s) => s.query.includes('count('));
      const { plan } = await explainStatement(client, count!);
      const storyScans: string[] = [];
      const visit = (node: typeof plan): void => {
        if (node['Relation Name'] === 'articles') storyScans.push(`${node['Node Type']} ${node['Index Name'] ?? ''}`.trim());
        node.Plans?.forEach(visit);
      };
      visit(plan);
      expect(storyScans, JSON.stringify(filter)).toEqual(['Index Only Scan articles_live_id_idx']);
    }
    const tagged = await listAdminArticles(db, editor, { tagId, page: 1, pageSize: 20 });
    expect(tagged).toMatchObject({ total: ADMIN_LIST_MAX_ROWS, capped: true });
  });
});

