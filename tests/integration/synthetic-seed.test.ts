import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@/services/seed';
import { seedSynthetic, syntheticTags, type SeedSyntheticResult } from '@/services/seed/synthetic';
import { ZH_AUTHORS } from '@/services/seed/synthetic-words';
import { syntheticStory } from '@/services/seed/synthetic-stories';
import { searchArticles } from '@/db/queries/search';
import { rows } from '../fixtures/database';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

// The seed sends each batch as JSON to json_to_recordset (ADR 0017): every column, link and view
// row must arrive as the generator made it, on both databases, and the generated search columns
// must then find the stories.
describe('npm run seed:synthetic (both databases)', () => {
  let tdb: TestDatabase;
  let result: SeedSyntheticResult;
  const now = new Date('2026-12-05T10:30:00Z');

  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.db);
    result = await seedSynthetic(tdb.db, 130, { kind: tdb.kind, batchSize: 50, now });
  }, 120_000);
  afterAll(() => tdb.drop());

  it('writes every story with the columns, tags, authors and view history the generator made', async () => {
    expect(result.stories).toBe(130);
    const stored = await rows<{
      slug: string; title: string; subtitle: string; excerpt: string; body_json: unknown; body_html: string; body_text: string;
      cover_image_url: string | null; cover_image_alt: string; section_id: number; locale: string; status: string;
      published_at: string | null; view_count: string | number; created_at: string; updated_at: string; tags: number[]; authors: number[]; views: number;
    }>(
      tdb.db,
      sql`select a.slug, a.title, a.subtitle, a.excerpt, a.body_json, a.body_html, a.body_text, a.cover_image_url, a.cover_image_alt, a.section_id,
            a.locale::text, a.status::text, a.published_at::text, a.view_count, a.created_at::text, a.updated_at::text,
            array(select tag_id from article_tags t where t.article_id = a.id order by t.sort_order) as tags,
            array(select user_id from article_authors u where u.article_id = a.id order by u.sort_order) as authors,
            (select coalesce(sum(views), 0)::int from article_views_daily v where v.article_id = a.id) as views
          from articles a where a.slug like 'synthetic-%' order by a.id`,
    );
    expect(stored).toHaveLength(130);
    const ctx = await contextOf(tdb);
    for (const row of stored) {
      const n = Number(row.slug.slice('synthetic-'.length));
      const story = syntheticStory(n, { ...ctx, first: result.first, total: 130 });
      const want = story.row;
      expect(row).toEqual({
        slug: want.slug, title: want.title, subtitle: want.subtitle, excerpt: want.excerpt, body_json: want.bodyJson,
        body_html: want.bodyHtml, body_text: want.bodyText, cover_image_url: want.coverImageUrl, cover_image_alt: want.coverImageAlt,
        section_id: want.sectionId, locale: want.locale, status: want.status,
        published_at: row.published_at === null ? null : expect.any(String), view_count: expect.anything(),
        created_at: expect.any(String), updated_at: expect.any(String),
        tags: story.tagIds, authors: story.authorIds, views: story.views.reduce((s, v) => s + v.views, 0),
      });
      expect(Number(row.view_count)).toBe(want.viewCount);
      expect(Date.parse(row.created_at)).toBe(want.createdAt!.getTime());
      expect(Date.parse(row.updated_at)).toBe(want.updatedAt!.getTime());
      expect(row.published_at === null ? null : Date.parse(row.published_at)).toBe(want.publishedAt ? want.publishedAt.getTime() : null);
    }
  });

  it('lets search find the stories by a word of their title', async () => {
    const [story] = await rows<{ id: number; title: string }>(
      tdb.db,
      sql`select id, title from articles where slug like 'synthetic-%' and status = 'published' and locale = 'en' order by id limit 1`,
    );
    const found = await searchArticles(tdb.db, story!.title, 1, 10);
    expect(found.items.map((i) => i.id)).toContain(story!.id);
  });
});

/** The run's section, tag and author ids and dates, as seedSynthetic worked them out. */
async function contextOf(tdb: TestDatabase) {
  const ids = async (query: ReturnType<typeof sql>) => (await rows<{ id: number }>(tdb.db, query)).map((r) => r.id);
  const tagIdsOf = async (locale: 'zh-CN' | 'en') => {
    const names = syntheticTags().filter((t) => t.locale === locale).map((t) => t.name);
    const found = await rows<{ id: number; name: string }>(tdb.db, sql`select id, name from tags`);
    const byName = new Map(found.map((r) => [r.name, r.id]));
    return names.map((n) => byName.get(n)!);
  };
  const authorIdsOf = async (locale: 'zh-CN' | 'en') => {
    const all = await rows<{ id: number; email: string }>(tdb.db, sql`select id, email from users where email like 'synthetic-author-%' order by email`);
    return all.filter((_, i) => (i < ZH_AUTHORS.length) === (locale === 'zh-CN')).map((r) => r.id);
  };
  return {
    sectionIds: await ids(sql`select id from sections order by sort_order, id`),
    tagIds: { 'zh-CN': await tagIdsOf('zh-CN'), en: await tagIdsOf('en') },
    authorIds: { 'zh-CN': await authorIdsOf('zh-CN'), en: await authorIdsOf('en') },
    // The seed's dates: an hour before the run's hour, and the run's day where the site is.
    anchorMs: Date.parse('2026-12-05T09:00:00Z'),
    today: '2026-12-05',
    timeZone: (await rows<{ tz: string }>(tdb.db, sql`select time_zone as tz from site_settings where id = 1`))[0]!.tz,
  };
}
