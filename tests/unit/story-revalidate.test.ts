import { describe, expect, it } from 'vitest';
import { ARCHIVE_AFTER_MS, ARCHIVE_REVALIDATE_SECONDS, LIST_REVALIDATE_SECONDS, storyRevalidateSeconds } from '@/domain/cache-tags';

describe('how often a story page is rendered again by the clock (ADR 0015)', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');

  it('a story of the last two days: every minute, for its lists and counts', () => {
    expect(storyRevalidateSeconds('2026-12-06T11:59:00Z', now)).toBe(LIST_REVALIDATE_SECONDS);
    expect(storyRevalidateSeconds(new Date(now - ARCHIVE_AFTER_MS).toISOString(), now)).toBe(LIST_REVALIDATE_SECONDS);
  });

  it('an older story: hourly at most, so that a crawl of the archive reads stored pages', () => {
    expect(storyRevalidateSeconds(new Date(now - ARCHIVE_AFTER_MS - 1000).toISOString(), now)).toBe(ARCHIVE_REVALIDATE_SECONDS);
    expect(storyRevalidateSeconds('2019-03-01T08:00:00+08:00', now)).toBe(ARCHIVE_REVALIDATE_SECONDS);
  });

  it('matches the literal the article route declares for Next', async () => {
    const fs = await import('node:fs');
    const route = fs.readFileSync('app/(site)/articles/[id]/page.tsx', 'utf8');
    expect(route).toMatch(new RegExp(`export const revalidate = ${ARCHIVE_REVALIDATE_SECONDS};`));
  });
});
