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
import { articleAuthors, articles, articleTags, articleViewsDaily, sections, siteSettings, tags, users } from '../../db/schema';
import { escapeHtml } from '../../domain/rich-text/render';
import type { RichTextDoc, RichTextNode } from '../../domain/rich-text/schema';
import { slugify } from '../../domain/slug';
import { dayInZone, daysBetween, shiftDay } from '../../domain/views/day';
import * as W from './synthetic-words';
import { rebuildRecentViews } from '../../db/queries/view-rollup';

/** Bump when the generated content changes: the benchmark then reseeds its database. */
export const SYNTHETIC_VERSION = 1;

const SPAN_YEARS = 8;
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 30;
/** Stories published this recently all have daily views; older ones only when evergreen. */
const RECENT_DAYS = 45;
const EVERGREEN_SHARE = 0.04;
const EN_SHARE = 0.3;
const COVER_SHARE = 0.3;
const RARE_SHARE = 0.001;
const AUTHOR_COUNT = W.ZH_AUTHORS.length + W.EN_AUTHORS.length;

// ------------------------------------------------------------------------------------- random

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rng = () => number;

const zipfTables = new WeakMap<readonly unknown[], Float64Array>();

/** An element of `list`, the k-th (from 1) with weight 1/k^s. */
export function zipf<T>(rnd: Rng, list: readonly T[], s = 1): T {
  let cumulative = zipfTables.get(list);
  if (!cumulative) {
    cumulative = new Float64Array(list.length);
    let sum = 0;
    for (let k = 0; k < list.length; k++) cumulative[k] = sum += 1 / (k + 1) ** s;
    zipfTables.set(list, cumulative);
  }
  const x = rnd() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return list[lo]!;
}

const uniform = <T>(rnd: Rng, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const int = (rnd: Rng, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

// ----------------------------------------------------------------------------------- sentences

function zhSentence(rnd: Rng): string {
  return zipf(rnd, W.ZH_SENTENCES, 0.5).replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'time': return zipf(rnd, W.ZH_TIMES);
      case 'place': return zipf(rnd, W.ZH_PLACES, 0.8);
      case 'org': return zipf(rnd, W.ZH_ORGS, 0.8);
      case 'verb': return zipf(rnd, W.ZH_VERBS);
      case 'adj': return zipf(rnd, W.ZH_ADJECTIVES);
      case 'object': return zipf(rnd, W.ZH_OBJECTS);
      case 'topic': return zipf(rnd, W.ZH_TOPICS);
      case 'trend': return uniform(rnd, W.ZH_TRENDS);
      case 'person': return zipf(rnd, W.ZH_PEOPLE, 0.7);
      case 'effect': return uniform(rnd, W.ZH_EFFECTS);
      case 'field': return zipf(rnd, W.ZH_FIELDS, 0.7);
      case 'event': return zipf(rnd, W.ZH_EVENTS, 0.7);
      default: return String(int(rnd, 2, 99));
    }
  });
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function enSentence(rnd: Rng): string {
  const frame = zipf(rnd, W.EN_SENTENCES, 0.5);
  return capitalize(
    frame.replace(/\{(\w+)\}/g, (_, slot: string) => {
      const lower = slot.toLowerCase();
      const verb = () => zipf(rnd, W.EN_VERBS, 0.8);
      const noun = () => zipf(rnd, W.EN_NOUNS, 0.8);
      let word: string;
      switch (lower) {
        case 'noun': word = noun()[0]; break;
        case 'nouns': word = noun()[1]; break;
        case 'base': word = verb()[0]; break;
        case 'past': word = verb()[1]; break;
        case 'pp': word = verb()[2]; break;
        case 'ing': word = verb()[3]; break;
        case 'verbs': word = verb()[4]; break;
        case 'adj': word = zipf(rnd, W.EN_ADJECTIVES, 0.8); break;
        case 'city': word = zipf(rnd, W.EN_CITIES, 0.8); break;
        case 'topic': word = zipf(rnd, W.EN_TOPICS, 0.8); break;
        case 'day': word = uniform(rnd, W.EN_DAYS); break;
        default: word = String(int(rnd, 2, 99));
      }
      return slot === lower ? word : capitalize(word);
    }),
  );
}

function zhTitle(rnd: Rng): string {
  return `${zipf(rnd, W.ZH_PLACES, 0.8)}${zipf(rnd, W.ZH_ORGS, 0.8)}${zipf(rnd, W.ZH_VERBS).replace(/了$/, '')}${zipf(rnd, W.ZH_ADJECTIVES).replace(/的$/, '')}${zipf(rnd, W.ZH_OBJECTS)}`;
}

function enTitle(rnd: Rng): string {
  const [, , , , verbs] = zipf(rnd, W.EN_VERBS, 0.8);
  return `${zipf(rnd, W.EN_CITIES, 0.8)} ${zipf(rnd, W.EN_NOUNS, 0.8)[0]} ${verbs} ${zipf(rnd, W.EN_ADJECTIVES, 0.8)} ${zipf(rnd, W.EN_TOPICS, 0.8)} ${zipf(rnd, W.EN_NOUNS, 0.8)[1]}`;
}

export interface SyntheticBody {
  doc: RichTextDoc;
  html: string;
  text: string;
}

/**
 * A body of at least `targetBytes` bytes of text (UTF-8): paragraphs of 3–6 sentences, maybe one
 * subheading. `html` and `text` are what renderRichText and richTextToPlainText make of `doc`
 * (checked by tests/unit/synthetic-seed.test.ts), written directly because sanitising 4 KB of
 * HTML per story would dominate the seed's time.
 */
export function syntheticBody(rnd: Rng, locale: 'zh-CN' | 'en', targetBytes: number): SyntheticBody {
  const sentence = locale === 'en' ? enSentence : zhSentence;
  const joiner = locale === 'en' ? ' ' : '';
  const rare = locale === 'zh-CN' && rnd() < RARE_SHARE ? uniform(rnd, W.RARE_SENTENCES) : null;
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const parts: string[] = [];
    for (let i = int(rnd, 3, 6); i > 0; i--) parts.push(sentence(rnd));
    if (rare && paragraphs.length === 1) parts.push(rare);
    const paragraph = parts.join(joiner);
    paragraphs.push(paragraph);
    bytes += Buffer.byteLength(paragraph) + 1;
  }
  const headingAt = paragraphs.length >= 3 && rnd() < 0.5 ? int(rnd, 2, paragraphs.length - 1) : -1;
  const heading = headingAt > 0 ? uniform(rnd, locale === 'en' ? W.EN_HEADINGS : W.ZH_HEADINGS) : '';
  const content: RichTextNode[] = [];
  const html: string[] = [];
  const text: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (i === headingAt) {
      content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: heading }] });
      html.push(`<h2>${escapeHtml(heading)}</h2>`);
      text.push(heading);
    }
    content.push({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] });
    html.push(`<p>${escapeHtml(paragraph)}</p>`);
    text.push(paragraph);
  });
  return { doc: { type: 'doc', content }, html: html.join(''), text: text.join('\n') };
}

// -------------------------------------------------------------------------------------- stories

export interface SyntheticContext {
  /** All section ids, in a stable order (the first ones get more stories). */
  sectionIds: number[];
  /** Tag ids by popularity rank, per locale. */
  tagIds: Record<'zh-CN' | 'en', number[]>;
  authorIds: Record<'zh-CN' | 'en', number[]>;
  /** n of the first story of this run, and how many the run writes: dates are spread over them. */
  first: number;
  total: number;
  /** The newest story's time (ms); view history ends on `today`, in `timeZone`. */
  anchorMs: number;
  today: string;
  timeZone: string;
}

export interface SyntheticStory {
  row: typeof articles.$inferInsert;
  tagIds: number[];
  authorIds: number[];
  views: { day: string; views: number }[];
}

/** Story n: everything but its dates depends on n alone. */
export function syntheticStory(n: number, ctx: SyntheticContext): SyntheticStory {
  const rnd = prng(Math.imul(n, 0x9e3779b1) ^ 0x5eed);
  const locale = rnd() < EN_SHARE ? 'en' : 'zh-CN';
  const body = syntheticBody(rnd, locale, int(rnd, 2048, 5600));
  const title = locale === 'en' ? enTitle(rnd) : zhTitle(rnd);
  // The first sentence.
  const end = locale === 'en' ? body.text.indexOf('. ') + 1 : body.text.indexOf('。') + 1;
  const excerpt = end > 0 && end <= 160 ? body.text.slice(0, end) : `${body.text.slice(0, 159)}…`;
  const subtitle = rnd() < 0.2 ? (locale === 'en' ? enSentence(rnd) : zhSentence(rnd)) : '';

  const roll = rnd();
  const status = roll < 0.02 ? 'draft' : roll < 0.03 ? 'in_review' : 'published';
  // Spread over SPAN_YEARS in the order of n, with up to a day of jitter; never after the anchor.
  const position = (n - ctx.first + rnd()) / ctx.total;
  const at = Math.min(ctx.anchorMs, Math.round(ctx.anchorMs - SPAN_YEARS * 365 * DAY_MS * (1 - position) + (rnd() - 0.5) * DAY_MS));
  const published = status === 'published';

  const tagPool = ctx.tagIds[locale];
  const tagIds: number[] = [];
  for (let want = int(rnd, 1, 5), tries = 0; tagIds.length < Math.min(want, tagPool.length) && tries < 50; tries++) {
    const id = zipf(rnd, tagPool);
    if (!tagIds.includes(id)) tagIds.push(id);
  }
  const authorPool = ctx.authorIds[locale];
  const authorIds = [zipf(rnd, authorPool, 0.7)];
  if (rnd() < 0.25) {
    const second = uniform(rnd, authorPool);
    if (second !== authorIds[0]) authorIds.push(second);
  }

  const cover = rnd() < COVER_SHARE ? int(rnd, 1, 50) : 0;
  // Lifetime views: Pareto (most stories read a little, a few a lot).
  const lifetime = published ? Math.min(2_000_000, Math.floor(20 / (1 - rnd()) ** (1 / 1.2))) : 0;
  const views = published ? viewHistory(rnd, at, lifetime, ctx) : [];
  const windowViews = views.reduce((s, d) => s + d.views, 0);
  const recent = ctx.anchorMs - at < HISTORY_DAYS * DAY_MS;

  return {
    row: {
      slug: `synthetic-${n}`,
      title,
      subtitle,
      excerpt,
      bodyJson: body.doc,
      bodyHtml: body.html,
      bodyText: body.text,
      coverImageUrl: cover ? `https://images.example.com/synthetic/cover-${cover}.jpg` : null,
      coverImageAlt: cover ? (locale === 'en' ? 'Illustration of the story' : '新闻配图') : '',
      sectionId: zipf(rnd, ctx.sectionIds, 0.6),
      locale,
      status,
      publishedAt: published ? new Date(at) : null,
      // Views in the history window are in the daily rows; older ones only in the total.
      viewCount: recent ? windowViews : Math.max(lifetime, windowViews),
      createdAt: new Date(at - int(rnd, 10, 240) * 60_000),
      updatedAt: new Date(rnd() < 0.1 ? Math.min(ctx.anchorMs, at + int(rnd, 1, 72) * 3_600_000) : at),
    },
    tagIds,
    authorIds,
    views,
  };
}

/** Daily views over the last HISTORY_DAYS for recent stories and a few evergreen ones. */
function viewHistory(rnd: Rng, at: number, lifetime: number, ctx: SyntheticContext): { day: string; views: number }[] {
  const age = ctx.anchorMs - at;
  const evergreen = rnd() < EVERGREEN_SHARE;
  if (age >= RECENT_DAYS * DAY_MS && !evergreen) return [];
  const published = dayInZone(at, ctx.timeZone);
  const span = Math.min(HISTORY_DAYS, daysBetween(published, ctx.today));
  if (span < 1) return [];
  // An evergreen story is still read every day: tens to hundreds of views a month, more if popular.
  const inWindow = age < HISTORY_DAYS * DAY_MS ? lifetime : int(rnd, 30, 600) + Math.floor(lifetime * (0.05 + 0.25 * rnd()));
  // Recent stories are read most on their first days; evergreen ones evenly.
  const weights = Array.from({ length: span }, (_, ago) => (age < HISTORY_DAYS * DAY_MS ? 0.75 ** (span - 1 - ago) : 1) * (0.5 + rnd()));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, ago) => ({ day: shiftDay(ctx.today, -ago), views: Math.floor((inWindow * w) / sum) })).filter((d) => d.views > 0);
}

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
        const inserted = await tx.insert(articles).values(stories.map((s) => s.row)).returning({ id: articles.id, slug: articles.slug });
        const idOf = new Map(inserted.map((r) => [r.slug, r.id]));
        const tagRows = stories.flatMap((s) => s.tagIds.map((tagId, i) => ({ articleId: idOf.get(s.row.slug)!, tagId, sortOrder: i })));
        const authorRows = stories.flatMap((s) => s.authorIds.map((userId, i) => ({ articleId: idOf.get(s.row.slug)!, userId, sortOrder: i })));
        const viewRows = stories.flatMap((s) => s.views.map((v) => ({ articleId: idOf.get(s.row.slug)!, day: v.day, views: v.views })));
        if (tagRows.length) await tx.insert(articleTags).values(tagRows);
        if (authorRows.length) await tx.insert(articleAuthors).values(authorRows);
        for (let i = 0; i < viewRows.length; i += 5000) await tx.insert(articleViewsDaily).values(viewRows.slice(i, i + 5000));
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
