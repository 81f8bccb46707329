import { describe, expect, it } from 'vitest';
import { findSensitiveWords, parseWordList, sensitiveRanges } from '@/domain/publishing/sensitive-words';
import { blockingFailures, publishChecklist, type ChecklistInput } from '@/domain/publishing/checklist';

describe('the sensitive-word list', () => {
  it('reads one word per line (commas and 、 too), folded, without blanks, comments or repeats', () => {
    expect(parseWordList('赌博\r\n  代开发票 \n\n# 注释行\nＶＰＮ, vpn、翻墙\n赌博')).toEqual(['赌博', '代开发票', 'vpn', '翻墙']);
  });

  it('finds words as substrings whatever their width and case, in the list’s order', () => {
    expect(findSensitiveWords('本店代开发票，另售 Vpn 服务', ['vpn', '代开发票', '赌博'])).toEqual(['vpn', '代开发票']);
    expect(findSensitiveWords('干净的稿件', ['赌博'])).toEqual([]);
  });

  it('marks where the words are in the text as typed, merging overlaps, through full-width letters', () => {
    const text = '出售ＶＰＮ和代开发票';
    const ranges = sensitiveRanges(text, ['vpn', '开发', '代开发票']);
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['ＶＰＮ', '代开发票']);
  });
});

describe('the publish checklist item', () => {
  const base: ChecklistInput = {
    sectionId: 1,
    coverImageUrl: null,
    coverMediaId: null,
    coverImageAlt: '',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文里提到了赌博网站。' }] }] },
    excerpt: '',
    seoDescription: null,
    title: '标题',
    subtitle: '',
  };

  it('is absent without a list, warns when the site only warns, blocks when it blocks; it looks at the title too', () => {
    expect(publishChecklist(base).some((i) => i.code === 'checkSensitiveWords')).toBe(false);
    const warn = publishChecklist({ ...base, title: '关于代开发票', sensitiveWords: { words: ['赌博', '代开发票'], block: false } });
    expect(warn.find((i) => i.code === 'checkSensitiveWords')).toMatchObject({ ok: false, blocking: false, params: { count: 2, words: '赌博、代开发票' } });
    expect(blockingFailures(warn)).toEqual([]);
    const block = publishChecklist({ ...base, sensitiveWords: { words: ['赌博'], block: true } });
    expect(blockingFailures(block).map((i) => i.code)).toEqual(['checkSensitiveWords']);
  });

  it('reads everything readers see: an inline image’s credit, the cover’s caption and credit', () => {
    const rule = { words: ['违禁图库'], block: true };
    const image = { type: 'doc', content: [{ type: 'image', attrs: { src: '/a.png', alt: 'a', caption: '', credit: '违禁图库' } }] };
    expect(blockingFailures(publishChecklist({ ...base, body: image, sensitiveWords: rule }))).toHaveLength(1);
    expect(blockingFailures(publishChecklist({ ...base, coverCredit: '来自违禁图库', sensitiveWords: rule }))).toHaveLength(1);
    expect(blockingFailures(publishChecklist({ ...base, sensitiveWords: rule }))).toHaveLength(0);
  });
});
