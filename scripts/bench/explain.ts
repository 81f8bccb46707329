// `npm run bench:explain` (DATABASE_URL=postgres://…): runs every reader query of the data-access
// layer once against a real archive, then prints each statement's plan: the time PostgreSQL took,
// the rows it read, and any sequential scan. Figures for docs/decisions/0008-archive-scale.md.
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { schema, type Database } from '../../db/client';
import * as q from '../../db/queries/public';
import * as feeds from '../../db/queries/feeds';
import { getMostReadSince } from '../../db/queries/views';
import { rebuildRecentViews } from '../../db/queries/view-rollup';
import { dayInZone, periodStart } from '../../domain/views/day';
import { explainStatement, statementRecorder } from '../lib/query-plans';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the PostgreSQL archive to explain.');
  process.exit(2);
}
const client = postgres(url, { max: 1, onnotice: () => {}, connection: { jit: 'off' } }); // as db/client.ts
const recorder = statementRecorder();
const db = drizzle(client, { schema, casing: 'snake_case', logger: recorder.logger }) as unknown as Database;

const [latest] = await q.listArticles(db, {}, { limit: 1 });
if (!latest) throw new Error('empty archive');
const [{ id: oldId } = { id: latest.id }] = await client<{ id: number }[]>`select id from articles where status = 'published' order by published_at asc limit 1 offset 100`;
const old = await q.getArticle(db, Number(oldId));
const [bigTag] = await client<{ tag_id: number }[]>`select tag_id from article_tags group by 1 order by count(*) desc limit 1`;
const [bigAuthor] = await client<{ user_id: number }[]>`select user_id from article_authors group by 1 order by count(*) desc limit 1`;
const sections = await q.listSections(db);
const parent = sections.find((s) => sections.some((c) => c.parentId === s.id)) ?? sections[0]!;
const family = [parent.id, ...sections.filter((s) => s.parentId === parent.id).map((s) => s.id)];
const today = dayInZone(Date.now(), 'Asia/Shanghai');
// As the view flush does on a new day (and the seeds after writing history).
await rebuildRecentViews(db, today);
const tagId = Number(bigTag?.tag_id ?? 1);
const authorId = Number(bigAuthor?.user_id ?? 1);

const cases: [string, () => Promise<unknown>][] = [
  ['latest (home)', () => q.listArticles(db, {}, { limit: 10 })],
  ['lead (home)', () => q.getLeadStories(db, 4)],
  ['section family page 1', () => q.pageOfArticles(db, { sectionIds: family }, 1, 20)],
  [`section family page ${q.MAX_LIST_PAGES}`, () => q.pageOfArticles(db, { sectionIds: family }, q.MAX_LIST_PAGES, 20)],
  ['tag page 1 (largest tag)', () => q.pageOfArticles(db, { tagId }, 1, 20)],
  [`tag page ${q.MAX_LIST_PAGES}`, () => q.pageOfArticles(db, { tagId }, q.MAX_LIST_PAGES, 20)],
  ['author page 1 (most credited)', () => q.pageOfArticles(db, { authorId }, 1, 20)],
  ['article (old)', () => q.getArticle(db, Number(oldId))],
  ['neighbours (old)', () => q.getNeighbours(db, old!)],
  ['related (old)', () => q.getRelated(db, { id: old!.id, sectionId: old!.sectionId, tagIds: old!.tags.map((t) => t.id) }, 6)],
  ['author by slug', async () => {
    const [u] = await client<{ slug: string }[]>`select slug from users where id = ${authorId}`;
    return q.getAuthorBySlug(db, String(u?.slug));
  }],
  ['most read all time', () => q.getMostRead(db, 10)],
  ['most read 7 days', () => getMostReadSince(db, periodStart('7d', today), 10, today)],
  ['most read 30 days', () => getMostReadSince(db, periodStart('30d', today), 10, today)],
  ['feed', () => feeds.listFeedItems(db, {}, 30)],
  ['sitemap index (last id)', () => feeds.lastSitemapArticleId(db)],
  ['sitemap file (5,000 ids)', async () => feeds.listSitemapArticles(db, Math.max(0, (await feeds.lastSitemapArticleId(db)) - 5_000), 5_000)],
  ['sitemap tags', () => feeds.listSitemapStatic(db)],
];

console.log(`| query | ms | buffers read | seq scan on |\n|---|---:|---:|---|`);
for (const [name, run] of cases) {
  const statements = await recorder.record(run);
  for (const [i, statement] of statements.entries()) {
    const plan = await explainStatement(client, statement);
    const label = statements.length > 1 ? `${name} #${i + 1}` : name;
    console.log(`| ${label} | ${plan.executionMs.toFixed(2)} | ${plan.buffers} | ${plan.seqScans.join(', ') || '—'} |`);
  }
}
await client.end();
