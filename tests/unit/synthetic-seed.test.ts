import { describe, expect, it } from 'vitest';
import { syntheticTags } from '@/services/seed/synthetic';
import { prng, zipf } from '@/services/seed/synthetic-random';
import { syntheticStory, type SyntheticContext } from '@/services/seed/synthetic-stories';
import { syntheticBody } from '@/services/seed/synthetic-text';
import * as W from '@/services/seed/synthetic-words';
import { renderRichText, richTextToPlainText } from '@/domain/rich-text/render';
import { parseRichText } from '@/domain/rich-text/schema';

const DAY = 86_400_000;
const anchorMs = Date.parse('2026-12-05T10:00:00Z');
const ctx: SyntheticContext = {
  sectionIds: [1, 2, 3, 4, 5, 6, 7],
  tagIds: { 'zh-CN': Array.from({ length: 250 }, (_, i) => i + 1), en: Array.from({ length: 90 }, (_, i) => i + 1001) },
  authorIds: { 'zh-CN': Array.from({ length: 14 }, (_, i) => i + 1), en: Array.from({ length: 6 }, (_, i) => i + 101) },
  first: 1,
  total: 3000,
  anchorMs,
  today: '2026-12-05',
  timeZone: 'Asia/Shanghai',
};
const stories = Array.from({ length: ctx.total }, (_, i) => syntheticStory(i + 1, ctx));
const bytes = (s: string) => Buffer.byteLength(s);

describe('synthetic archive', () => {
  it('writes bodies the rich-text schema accepts, with the HTML and text the renderer makes of them', () => {
    for (const { row } of stories.slice(0, 300)) {
      const parsed = parseRichText(row.bodyJson);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(row.bodyHtml).toBe(renderRichText(parsed.doc));
      expect(row.bodyText).toBe(richTextToPlainText(parsed.doc));
    }
    expect(stories.some((s) => (s.row.bodyHtml ?? '').includes('<h2>'))).toBe(true);
  });

  it('writes 2–6 KB bodies in both languages', () => {
    const sizes = stories.map((s) => bytes(s.row.bodyText ?? ''));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2048);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6600);
    const en = stories.filter((s) => s.row.locale === 'en').length / stories.length;
    expect(en).toBeGreaterThan(0.2);
    expect(en).toBeLessThan(0.4);
  });

  it('is deterministic: story n is the same on every run', () => {
    const again = syntheticStory(1234, ctx);
    expect(again).toEqual(stories[1233]);
    expect(syntheticStory(1235, ctx).row.bodyText).not.toBe(again.row.bodyText);
  });

  it('gives search something to find: a common word, a rare phrase, inflected English words, and a query with no hit', () => {
    const texts = stories.map((s) => `${s.row.title}\n${s.row.bodyText}`);
    const share = (needle: string | RegExp) => texts.filter((t) => (typeof needle === 'string' ? t.includes(needle) : needle.test(t))).length / texts.length;
    expect(share(W.SYNTHETIC_QUERIES.common)).toBeGreaterThan(0.1);
    for (const form of ['published', 'publishing', 'publishes', 'city', 'cities', 'render', 'rendering', 'rendered']) {
      expect(share(new RegExp(`\\b${form}\\b`, 'i'))).toBeGreaterThan(0.005);
    }
    // "published" without "publishing": what stemming must find and prefix matching cannot.
    expect(share(/\bpublished\b/) - share(/\bpublishing\b/)).toBeGreaterThan(0);
    for (const c of W.SYNTHETIC_QUERIES.none) expect(share(c)).toBe(0);
    // The rare phrases' first characters appear nowhere but in their sentences.
    const rareHeads = W.RARE_SENTENCES.map((s) => /[古甲敦碑瓷琴棋砚绣漆]/.exec(s)?.[0]);
    expect(rareHeads.every(Boolean)).toBe(true);
    const vocabulary = JSON.stringify(Object.entries(W).filter(([k]) => k !== 'RARE_SENTENCES' && k !== 'SYNTHETIC_QUERIES'));
    for (const head of rareHeads) expect(vocabulary).not.toContain(head);
    expect(W.RARE_SENTENCES.some((s) => s.includes(W.SYNTHETIC_QUERIES.rare))).toBe(true);
  });

  it('links 1–5 distinct tags with Zipf popularity and 1–2 authors of the story language', () => {
    const perTag = new Map<number, number>();
    for (const s of stories) {
      expect(s.tagIds.length).toBeGreaterThanOrEqual(1);
      expect(s.tagIds.length).toBeLessThanOrEqual(5);
      expect(new Set(s.tagIds).size).toBe(s.tagIds.length);
      expect(s.authorIds.length).toBeGreaterThanOrEqual(1);
      expect(s.authorIds.length).toBeLessThanOrEqual(2);
      expect(s.authorIds.every((id) => ctx.authorIds[s.row.locale!].includes(id))).toBe(true);
      for (const id of s.tagIds) perTag.set(id, (perTag.get(id) ?? 0) + 1);
    }
    const zh = stories.filter((s) => s.row.locale === 'zh-CN').length;
    expect(perTag.get(1)! / zh).toBeGreaterThan(0.3); // the most popular tag is huge
    expect(perTag.get(200) ?? 0).toBeLessThan(perTag.get(1)! / 50);
    const tags = syntheticTags();
    expect(tags.length).toBeGreaterThanOrEqual(300);
    expect(new Set(tags.map((t) => t.name)).size).toBe(tags.length);
    expect(new Set(tags.map((t) => t.slug)).size).toBe(tags.length);
  });

  it('spreads dates over years up to the anchor and keeps view counts consistent with the daily rows', () => {
    const published = stories.filter((s) => s.row.status === 'published');
    expect(published.length / stories.length).toBeGreaterThan(0.95);
    const times = published.map((s) => s.row.publishedAt!.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(anchorMs);
    expect(anchorMs - Math.min(...times)).toBeGreaterThan(7 * 365 * DAY);
    for (const s of stories) {
      const daily = s.views.reduce((a, d) => a + d.views, 0);
      expect(s.row.viewCount).toBeGreaterThanOrEqual(daily);
      if (anchorMs - (s.row.publishedAt?.getTime() ?? 0) < 30 * DAY) expect(s.row.viewCount).toBe(daily);
      for (const d of s.views) {
        expect(d.day <= ctx.today && d.day > '2026-11-04').toBe(true);
        expect(d.views).toBeGreaterThan(0);
      }
      if (s.row.status !== 'published') expect(s.row.viewCount).toBe(0);
    }
    expect(stories.filter((s) => s.views.length).length).toBeGreaterThan(stories.length * 0.02);
    expect(stories.filter((s) => s.row.coverImageUrl).length / stories.length).toBeGreaterThan(0.2);
    expect(new Set(stories.map((s) => s.row.sectionId)).size).toBe(ctx.sectionIds.length);
  });

  it('draws Zipf-distributed elements', () => {
    const rnd = prng(1);
    const list = ['a', 'b', 'c', 'd'];
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const k = zipf(rnd, list);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.get('a')!).toBeGreaterThan(counts.get('d')! * 2.5);
    expect(syntheticBody(prng(2), 'en', 2048).text).toMatch(/^[A-Z]/);
  });
});
