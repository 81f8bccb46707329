/**
 * The synthetic archive for benchmarks (`npm run seed:synthetic -- N`, `npm run bench -- --archive N`):
 * N stories in Chinese and English, built from real words (services/seed/synthetic-words.ts) so that
 * search has something to find, with 2–6 KB bodies, tags with Zipf-like popularity, synthetic
 * authors, covers on some, view history for the recent and a few evergreen stories, and publication
 * dates spread over SPAN_YEARS, in every section.
 *
 * Story n is a pure function of n (a seeded PRNG), so runs are comparable; only the dates depend on
 * the day of the run (the newest story is an hour old, view history ends today). Rows go in
 * batches of multi-row INSERTs, one transaction per batch, `concurrency` batches at a time.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/tx';
import { articles, sections, siteSettings, tags, users } from '../../db/schema';
import { slugify } from '../../domain/slug';
import { dayInZone } from '../../domain/views/day';
import { syntheticStory, type SyntheticContext, type SyntheticStory } from './synthetic-stories';
import * as W from './synthetic-words';
import { rebuildRecentViews } from '../../db/queries/view-rollup';

/** Bump when the generated content changes: the benchmark then reseeds its database. */
export const SYNTHETIC_VERSION = 1;

const AUTHOR_COUNT = W.ZH_AUTHORS.length + W.EN_AUTHORS.length;

// ------------------------------------------------------------------------------ tags and authors

export interface SyntheticTag {
  name: string;
  slug: string;
  locale: 'zh-CN' | 'en';
}

/** The tags by popularity rank: base names first, then the suffixed ones ("缓存观察"). */
export function syntheticTags(): SyntheticTag[] {
  const out: SyntheticTag[] = [];
  const add = (bases: string[], suffixes: string[], locale: 'zh-CN' | 'en') => {
    for (const suffix of suffixes) for (const base of bases) out.push({ name: `${base}${suffix}`, slug: slugify(`${base}${suffix}`, 'tag'), locale });
  };
  add(W.ZH_TAGS_BASE, W.ZH_TAG_SUFFIXES, 'zh-CN');
  add(W.EN_TAGS_BASE, W.EN_TAG_SUFFIXES, 'en');
  return out;
}

async function ensureTags(db: Database): Promise<SyntheticContext['tagIds']> {
  const wanted = syntheticTags();
  await db.insert(tags).values(wanted.map((t) => ({ name: t.name, slug: t.slug }))).onConflictDoNothing();
  const byName = new Map<string, number>();
  const load = async () => {
    for (const row of await db.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.name, wanted.map((t) => t.name)))) byName.set(row.name, row.id);
  };
  await load();
  // A name that lost its slug to another tag of the site gets a suffixed slug.
  const missing = wanted.filter((t) => !byName.has(t.name));
  if (missing.length) {
    await db.insert(tags).values(missing.map((t) => ({ name: t.name, slug: `${t.slug}-synthetic` }))).onConflictDoNothing();
    await load();
  }
  const ids = (locale: 'zh-CN' | 'en') => wanted.filter((t) => t.locale === locale).flatMap((t) => byName.get(t.name) ?? []);
  return { 'zh-CN': ids('zh-CN'), en: ids('en') };
}

/** Staff users with the author role and no password (they cannot sign in). */
async function ensureAuthors(db: Database): Promise<SyntheticContext['authorIds']> {
  const people = [...W.ZH_AUTHORS.map((name) => ({ name, locale: 'zh-CN' as const })), ...W.EN_AUTHORS.map((name) => ({ name, locale: 'en' as const }))];
  const rows = people.map((p, i) => {
    const key = `synthetic-author-${String(i + 1).padStart(2, '0')}`;
    return { email: `${key}@example.com`, name: p.name, slug: key, role: 'author' as const };
  });
  await db.insert(users).values(rows).onConflictDoNothing();
  const found = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, rows.map((r) => r.email)));
  const idOf = new Map(found.map((r) => [r.email, r.id]));
  const ids = (locale: 'zh-CN' | 'en') => rows.flatMap((r, i) => (people[i]!.locale === locale ? (idOf.get(r.email) ?? []) : []));
  return { 'zh-CN': ids('zh-CN'), en: ids('en') };
}

// ---------------------------------------------------------------------------------------- seed

/**
 * A batch of stories in one INSERT with one JSON parameter: mapping every value through Drizzle's
 * insert builder took about a third of the seed's Node time (ADR 0017), which shares the cores
 * with PostgreSQL. The JSON keys are the columns'.
 */
async function insertStories(tx: Database, stories: SyntheticStory[]): Promise<{ id: number; slug: string }[]> {
  const rows = stories.map(({ row: r }) => ({
    slug: r.slug, title: r.title, subtitle: r.subtitle, excerpt: r.excerpt, body_json: r.bodyJson, body_html: r.bodyHtml, body_text: r.bodyText,
    cover_image_url: r.coverImageUrl, cover_image_alt: r.coverImageAlt, section_id: r.sectionId, locale: r.locale, status: r.status,
    published_at: r.publishedAt, view_count: r.viewCount, created_at: r.createdAt, updated_at: r.updatedAt,
  }));
  return rowsOf<{ id: number; slug: string }>(tx, sql`
    insert into articles (slug, title, subtitle, excerpt, body_json, body_html, body_text, cover_image_url, cover_image_alt, section_id, locale, status, published_at, view_count, created_at, updated_at)
    select * from json_to_recordset(${JSON.stringify(rows)}::json) as r(slug text, title text, subtitle text, excerpt text, body_json jsonb, body_html text,
      body_text text, cover_image_url text, cover_image_alt text, section_id int, locale site_locale, status article_status, published_at timestamptz,
      view_count bigint, created_at timestamptz, updated_at timestamptz)
    returning id, slug`);
}

export interface SeedSyntheticOptions {
  kind: 'pglite' | 'postgres';
  /** Stories per INSERT (default 500). */
  batchSize?: number;
  /** Batches in flight (default 2 on PostgreSQL, 1 on PGlite). */
  concurrency?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSyntheticResult {
  stories: number;
  first: number;
  tags: number;
  authors: number;
  tagLinks: number;
  authorLinks: number;
  viewRows: number;
  insertSeconds: number;
  /** VACUUM ANALYZE (PostgreSQL) or ANALYZE (PGlite) afterwards. */
  analyzeSeconds: number;
}

/** Adds `count` synthetic stories (slugs synthetic-<n>, n after the highest article id). */
export async function seedSynthetic(db: Database, count: number, options: SeedSyntheticOptions): Promise<SeedSyntheticResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const [settings] = await db.select({ timeZone: siteSettings.timeZone }).from(siteSettings).where(eq(siteSettings.id, 1));
  const timeZone = settings?.timeZone ?? 'Asia/Shanghai';
  const sectionIds = (await db.select({ id: sections.id }).from(sections).orderBy(sections.sortOrder, sections.id)).map((s) => s.id);
  if (!sectionIds.length) throw new Error('The database has no sections: seed the demo publication first.');
  const [{ max } = { max: 0 }] = await db.select({ max: sql<number>`coalesce(max(${articles.id}), 0)` }).from(articles);
  const ctx: SyntheticContext = {
    sectionIds,
    tagIds: await ensureTags(db),
    authorIds: await ensureAuthors(db),
    first: Number(max) + 1,
    total: count,
    anchorMs: Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 3_600_000,
    today: dayInZone(now, timeZone),
    timeZone,
  };

  const batchSize = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? (options.kind === 'postgres' ? 2 : 1);
  const batches = Math.ceil(count / batchSize);
  const totals = { tagLinks: 0, authorLinks: 0, viewRows: 0, done: 0 };
  let next = 0;
  const worker = async () => {
    for (let b = next++; b < batches; b = next++) {
      const from = ctx.first + b * batchSize;
      const stories = Array.from({ length: Math.min(batchSize, count - b * batchSize) }, (_, k) => syntheticStory(from + k, ctx));
      await db.transaction(async (tx) => {
        if (options.kind === 'postgres') await tx.execute(sql`set local synchronous_commit = off`);
        const inserted = await insertStories(tx, stories);
        const idOf = new Map(inserted.map((r) => [r.slug, r.id]));
        const tagRows = stories.flatMap((s) => s.tagIds.map((tagId, i) => ({ article_id: idOf.get(s.row.slug)!, tag_id: tagId, sort_order: i })));
        const authorRows = stories.flatMap((s) => s.authorIds.map((userId, i) => ({ article_id: idOf.get(s.row.slug)!, user_id: userId, sort_order: i })));
        const viewRows = stories.flatMap((s) => s.views.map((v) => ({ article_id: idOf.get(s.row.slug)!, day: v.day, views: v.views })));
        if (tagRows.length) await tx.execute(sql`insert into article_tags (article_id, tag_id, sort_order) select * from json_to_recordset(${JSON.stringify(tagRows)}::json) as r(article_id int, tag_id int, sort_order int)`);
        if (authorRows.length) await tx.execute(sql`insert into article_authors (article_id, user_id, sort_order) select * from json_to_recordset(${JSON.stringify(authorRows)}::json) as r(article_id int, user_id int, sort_order int)`);
        if (viewRows.length) await tx.execute(sql`insert into article_views_daily (article_id, day, views) select * from json_to_recordset(${JSON.stringify(viewRows)}::json) as r(article_id int, day date, views int)`);
        totals.tagLinks += tagRows.length;
        totals.authorLinks += authorRows.length;
        totals.viewRows += viewRows.length;
      });
      totals.done += stories.length;
      options.onProgress?.(totals.done, count);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches) }, worker));
  // "Most read" reads a rollup that view flushes keep; history written here goes around them.
  await rebuildRecentViews(db, ctx.today);
  const inserted = Date.now();

  // Planner statistics and the visibility map, as a live database has them (and so that
  // autovacuum does not start in the middle of a benchmark).
  const loaded = ['articles', 'article_tags', 'article_authors', 'article_views_daily', 'tags', 'users'];
  for (const table of loaded) await db.execute(sql.raw(`${options.kind === 'postgres' ? 'vacuum analyze' : 'analyze'} ${table}`));

  return {
    stories: count,
    first: ctx.first,
    tags: ctx.tagIds['zh-CN'].length + ctx.tagIds.en.length,
    authors: AUTHOR_COUNT,
    tagLinks: totals.tagLinks,
    authorLinks: totals.authorLinks,
    viewRows: totals.viewRows,
    insertSeconds: (inserted - started) / 1000,
    analyzeSeconds: (Date.now() - inserted) / 1000,
  };
}
