/** One synthetic story, its tags, authors and view history: a pure function of n (and the run's dates). */
import type { articles } from '../../db/schema';
import { dayInZone, daysBetween, shiftDay } from '../../domain/views/day';
import { int, prng, uniform, zipf, type Rng } from './synthetic-random';
import { enSentence, enTitle, syntheticBody, zhSentence, zhTitle } from './synthetic-text';

const SPAN_YEARS = 8;
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 30;
/** Stories published this recently all have daily views; older ones only when evergreen. */
const RECENT_DAYS = 45;
const EVERGREEN_SHARE = 0.04;
const EN_SHARE = 0.3;
const COVER_SHARE = 0.3;

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
