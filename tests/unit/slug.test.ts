import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { normalizeSlugInput, slugify, uniqueSlug } from '@/domain/slug';
import { isSlugParam } from '@/domain/urls';

const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('slugify', () => {
  it('turns Chinese into toneless pinyin, one syllable per hyphenated part', () => {
    expect(slugify('基层防控阵地')).toBe('ji-ceng-fang-kong-zhen-di');
    expect(slugify('重庆银行行长')).toBe('chong-qing-yin-hang-hang-zhang');
  });

  it('keeps Latin words and digits in mixed Chinese, Latin and digit titles', () => {
    expect(slugify('青禾网络发布 Gazette 2.0 开源版本')).toBe('qing-he-wang-luo-fa-bu-gazette-2-0-kai-yuan-ban-ben');
    expect(slugify('中国 2026年 第1季度')).toBe('zhong-guo-2026-nian-di-1-ji-du');
  });

  it('treats full-width spaces and punctuation as separators and folds full-width letters and digits', () => {
    expect(slugify('青禾网络　发布，测试！')).toBe('qing-he-wang-luo-fa-bu-ce-shi');
    expect(slugify('ＡＢＣ　１２３')).toBe('abc-123');
    expect(slugify('《标题》：“引号”')).toBe('biao-ti-yin-hao');
  });

  it('strips accents from Latin letters and drops apostrophes inside words', () => {
    expect(slugify('Café déjà vu')).toBe('cafe-deja-vu');
    expect(slugify('naïve — résumé')).toBe('naive-resume');
    expect(slugify("Don't stop")).toBe('dont-stop');
    expect(slugify('Don’t stop')).toBe('dont-stop');
  });

  it('drops emoji, bidi controls and control characters but keeps the letters around them', () => {
    expect(slugify('Hello 😀 world')).toBe('hello-world');
    expect(slugify('\u202Eabc\u202C')).toBe('abc');
    const withControls = slugify('a\u0000b\u0007c\u200Bd\u001Fe');
    expect(withControls).toMatch(SLUG_SHAPE);
    expect(withControls.replace(/-/g, '')).toBe('abcde');
  });

  it('falls back when nothing transliterable is left', () => {
    expect(slugify('')).toBe('article');
    expect(slugify('   ')).toBe('article');
    expect(slugify('---')).toBe('article');
    expect(slugify('😀😀')).toBe('article');
    expect(slugify('مرحبا بالعالم')).toBe('article');
    expect(slugify('！？。', 'untitled')).toBe('untitled');
  });

  it('caps long Latin titles at 80 characters on a word boundary, without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(30));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(SLUG_SHAPE);
    expect(slug.split('-').every((w) => w === 'word')).toBe(true);
  });

  it('caps long Chinese titles at 80 characters on a syllable boundary', () => {
    const title = '青禾网络发布新版内容管理系统并宣布在云溪市高新区建设新的研发中心以服务更多客户和合作伙伴';
    const uncapped = pinyin(title, { toneType: 'none', type: 'array', v: true }).join('-');
    expect(uncapped.length).toBeGreaterThan(80);
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.length).toBeGreaterThan(60);
    expect(slug).toMatch(SLUG_SHAPE);
    expect(uncapped.startsWith(slug)).toBe(true);
    expect(uncapped[slug.length]).toBe('-');
  });

  it('cuts a single unbroken word at exactly 80 characters', () => {
    expect(slugify('x'.repeat(100))).toBe('x'.repeat(80));
  });

  it('never ends with a hyphen when the cut falls next to a separator', () => {
    for (let n = 70; n <= 90; n++) {
      const slug = slugify(`${'a'.repeat(n)} ${'b'.repeat(30)}`);
      expect(slug.length).toBeLessThanOrEqual(80);
      expect(slug).toMatch(SLUG_SHAPE);
    }
  });

  it('always yields a URL-safe slug of at most 80 characters, whatever the input', () => {
    // Deterministic pseudo-random strings over many scripts, symbols and control characters.
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const ranges: [number, number][] = [
      [0x00, 0x7f],
      [0x80, 0x24f],
      [0x300, 0x36f],
      [0x370, 0x3ff],
      [0x400, 0x4ff],
      [0x590, 0x6ff],
      [0x2000, 0x206f],
      [0x3000, 0x303f],
      [0x4e00, 0x9fff],
      [0xff00, 0xffef],
      [0x1f300, 0x1faff],
    ];
    for (let i = 0; i < 300; i++) {
      let input = '';
      const length = Math.floor(rand() * 120);
      for (let j = 0; j < length; j++) {
        const [lo, hi] = ranges[Math.floor(rand() * ranges.length)]!;
        input += String.fromCodePoint(lo + Math.floor(rand() * (hi - lo + 1)));
      }
      const slug = slugify(input);
      expect(slug, JSON.stringify(input)).toMatch(SLUG_SHAPE);
      expect(slug.length, JSON.stringify(input)).toBeLessThanOrEqual(80);
      expect(isSlugParam(slug)).toBe(true);
    }
  });
});

describe('normalizeSlugInput', () => {
  it('returns null when nothing usable is left', () => {
    expect(normalizeSlugInput('')).toBeNull();
    expect(normalizeSlugInput('   ')).toBeNull();
    expect(normalizeSlugInput('!!!')).toBeNull();
    expect(normalizeSlugInput('---')).toBeNull();
    expect(normalizeSlugInput('😀')).toBeNull();
    expect(normalizeSlugInput('\u0000\u0001')).toBeNull();
  });

  it('normalises what an editor typed into a slug', () => {
    expect(normalizeSlugInput('  My Slug  ')).toBe('my-slug');
    expect(normalizeSlugInput('already-a-slug')).toBe('already-a-slug');
    expect(normalizeSlugInput('Foo__Bar--baz')).toBe('foo-bar-baz');
    expect(normalizeSlugInput('关于我们')).toBe('guan-yu-wo-men');
  });
});

describe('uniqueSlug', () => {
  it('returns the base when it is free', async () => {
    expect(await uniqueSlug('hello', async () => false)).toBe('hello');
  });

  it('appends -2, -3… in order until a free candidate is found', async () => {
    const taken = new Set(['a', 'a-2']);
    const asked: string[] = [];
    const slug = await uniqueSlug('a', async (candidate) => {
      asked.push(candidate);
      return taken.has(candidate);
    });
    expect(slug).toBe('a-3');
    expect(asked).toEqual(['a', 'a-2', 'a-3']);
  });

  it('keeps a suffixed slug within 80 characters', async () => {
    const base = 'x'.repeat(80);
    const slug = await uniqueSlug(base, async (c) => c === base);
    expect(slug).toBe(`${'x'.repeat(78)}-2`);
    expect(slug.length).toBe(80);

    // -2 … -9 fit after 78 characters of the base, -10 and -11 after 77.
    const taken = new Set([
      base,
      ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${'x'.repeat(78)}-${n}`),
      `${'x'.repeat(77)}-10`,
      `${'x'.repeat(77)}-11`,
    ]);
    const later = await uniqueSlug(base, async (c) => taken.has(c));
    expect(later).toBe(`${'x'.repeat(77)}-12`);
    expect(later.length).toBe(80);
  });

  it('does not produce a double hyphen when the shortened base ends in a hyphen', async () => {
    const base = `${'a'.repeat(77)}-bb`; // 80 characters; cutting to 78 leaves a trailing hyphen
    const slug = await uniqueSlug(base, async (c) => c === base);
    expect(slug).toBe(`${'a'.repeat(77)}-2`);
    expect(slug).toMatch(SLUG_SHAPE);
  });

  it('gives up with an error when every candidate is taken', async () => {
    await expect(uniqueSlug('busy', async () => true)).rejects.toThrow(/No free slug/);
  });
});

describe('slugify: Latin letters without a decomposition', () => {
  it('spells them out instead of dropping them', () => {
    expect(slugify('Straße')).toBe('strasse');
    expect(slugify('Œuvre complète')).toBe('oeuvre-complete');
    expect(slugify('Søren Łukasz Đorđe')).toBe('soren-lukasz-dorde');
  });
});
