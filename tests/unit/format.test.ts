import { admin as zhAdmin } from '@/domain/i18n/zh-CN/admin';
import { editor as zhEditor } from '@/domain/i18n/zh-CN/editor';
import { manage as zhManage } from '@/domain/i18n/zh-CN/manage';
import { media as zhMedia } from '@/domain/i18n/zh-CN/media';
import { site as zhSite } from '@/domain/i18n/zh-CN/site';
import { admin as enAdmin } from '@/domain/i18n/en/admin';
import { editor as enEditor } from '@/domain/i18n/en/editor';
import { manage as enManage } from '@/domain/i18n/en/manage';
import { media as enMedia } from '@/domain/i18n/en/media';
import { site as enSite } from '@/domain/i18n/en/site';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, isoInZone } from '@/domain/i18n/format';
import { t, translator, type Locale, type MessageKey } from '@/domain/i18n/messages';

describe('formatDateTime', () => {
  it('gives zh-CN readers YYYY-MM-DD HH:mm in the site zone, crossing midnight', () => {
    expect(formatDateTime('2026-03-14T16:30:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026-03-15 00:30');
    expect(formatDateTime('2026-03-14T15:59:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026-03-14 23:59');
    expect(formatDateTime('2026-12-31T16:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2027-01-01 00:00');
  });

  it('uses a 24-hour clock with zero padding for zh-CN', () => {
    expect(formatDateTime('2026-01-02T01:05:00Z', 'zh-CN', 'UTC')).toBe('2026-01-02 01:05');
    expect(formatDateTime('2026-01-02T13:05:00Z', 'zh-CN', 'UTC')).toBe('2026-01-02 13:05');
  });

  it('gives en readers an English month name in the site zone', () => {
    const text = formatDateTime('2026-03-14T16:30:00Z', 'en', 'Asia/Shanghai');
    expect(text).toMatch(/\bMar\b/);
    expect(text).toMatch(/\b15\b/);
    expect(text).toContain('2026');
    expect(text).toContain('00:30');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('formats dates without time the same way', () => {
    expect(formatDate('2026-03-14T16:30:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026-03-15');
    const en = formatDate('2026-03-14T16:30:00Z', 'en', 'Asia/Shanghai');
    expect(en).toMatch(/15 Mar 2026/);
    expect(en).not.toContain('00:30');
  });
});

describe('isoInZone', () => {
  it('gives the +08:00 wall time for Asia/Shanghai', () => {
    expect(isoInZone('2026-03-14T16:30:00Z', 'Asia/Shanghai')).toBe('2026-03-15T00:30:00+08:00');
    expect(isoInZone('2026-03-14T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-03-14T23:59:59+08:00');
  });

  it('follows daylight saving time (America/New_York is -04:00 in July, -05:00 in January)', () => {
    expect(isoInZone('2026-07-04T16:30:45Z', 'America/New_York')).toBe('2026-07-04T12:30:45-04:00');
    expect(isoInZone('2026-01-04T16:30:45Z', 'America/New_York')).toBe('2026-01-04T11:30:45-05:00');
  });

  it('switches offset exactly at the DST transition', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT.
    expect(isoInZone('2026-03-08T06:59:00Z', 'America/New_York')).toBe('2026-03-08T01:59:00-05:00');
    expect(isoInZone('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-08T03:00:00-04:00');
  });

  it('handles UTC and non-whole-hour offsets', () => {
    expect(isoInZone('2026-01-04T16:30:45Z', 'UTC')).toBe('2026-01-04T16:30:45+00:00');
    expect(isoInZone('2026-01-04T16:30:45Z', 'Asia/Kolkata')).toBe('2026-01-04T22:00:45+05:30');
    expect(isoInZone('2026-01-04T16:30:45Z', 'Asia/Kathmandu')).toBe('2026-01-04T22:15:45+05:45');
    expect(isoInZone('2026-01-04T16:30:45Z', 'America/St_Johns')).toBe('2026-01-04T13:00:45-03:30');
  });

  it('denotes the same instant (to the second) as its input, in many zones', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'UTC'];
    const instants = ['2026-01-15T03:04:05.678Z', '2026-04-01T23:59:59Z', '2026-07-20T12:00:00Z', '2026-10-25T01:30:00Z', '2026-11-01T06:30:00Z'];
    for (const zone of zones) {
      for (const instant of instants) {
        const iso = isoInZone(instant, zone);
        expect(iso, `${instant} in ${zone}`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
        expect(new Date(iso).getTime(), `${instant} in ${zone}`).toBe(Math.floor(new Date(instant).getTime() / 1000) * 1000);
      }
    }
  });
});

describe('formatNumber', () => {
  it('groups thousands for zh-CN and en', () => {
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(0, 'zh-CN')).toBe('0');
    expect(formatNumber(999, 'en')).toBe('999');
  });
});

/** Every table of UI text, in each language: the same keys (the type checks it too) and placeholders. */
const TABLES = { editor: [zhEditor, enEditor], manage: [zhManage, enManage], media: [zhMedia, enMedia], admin: [zhAdmin, enAdmin], site: [zhSite, enSite] } as const;

describe('UI text tables', () => {
  // English may take a grammatical word Chinese has no use for (`{articles}`: article / articles), never the reverse.
  it.each(Object.entries(TABLES))('%s: the same keys in zh-CN and en, every Chinese placeholder in the English too, and no empty text', (_name, [zh, en]) => {
    const zhKeys = Object.keys(zh).sort();
    expect(Object.keys(en).sort()).toEqual(zhKeys);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of zhKeys) {
      const zhText = (zh as Record<string, string>)[key]!;
      const enText = (en as Record<string, string>)[key]!;
      expect(zhText, key).not.toBe('');
      expect(enText, key).not.toBe('');
      expect(placeholders(enText), key).toEqual(expect.arrayContaining(placeholders(zhText)));
    }
  });
});

describe('messages', () => {
  const zhKeys = Object.keys(zhSite);

  it('has the same keys in the zh-CN and en dictionaries', () => {
    expect(zhKeys.length).toBeGreaterThan(20);
    expect(Object.keys(enSite).sort()).toEqual([...zhKeys].sort());
  });

  it('has a non-empty text with the same placeholders in both languages for every key', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of zhKeys as MessageKey[]) {
      const zh = t('zh-CN', key);
      const en = t('en', key);
      expect(zh, key).not.toBe('');
      expect(en, key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });

  it('interpolates variables', () => {
    expect(t('zh-CN', 'pageOf', { page: 2, total: 5 })).toBe('第 2 页，共 5 页');
    expect(t('en', 'pageOf', { page: 2, total: 5 })).toBe('Page 2 of 5');
    expect(t('en', 'tagArchive', { name: 'SEO' })).toBe('Tag: SEO');
    expect(t('zh-CN', 'articlesCount', { count: 0 })).toBe('共 0 篇文章');
  });

  it('leaves unknown or missing placeholders as written and does not re-expand values', () => {
    expect(t('en', 'pageOf', { page: 2 })).toBe('Page 2 of {total}');
    expect(t('en', 'pageOf')).toBe('Page {page} of {total}');
    expect(t('en', 'tagArchive', { name: '{name} $& $1' })).toBe('Tag: {name} $& $1');
  });

  it('translator binds a locale', () => {
    const locales: Locale[] = ['zh-CN', 'en'];
    for (const locale of locales) {
      const tr = translator(locale);
      expect(tr('home')).toBe(t(locale, 'home'));
      expect(tr('pageOf', { page: 1, total: 1 })).toBe(t(locale, 'pageOf', { page: 1, total: 1 }));
    }
    expect(translator('zh-CN')('home')).toBe('首页');
    expect(translator('en')('home')).toBe('Home');
  });
});
