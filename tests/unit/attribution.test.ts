import { describe, expect, it } from 'vitest';
import { editorCredit, nameMatches, publisherName, publisherOf, selectableAuthors } from '@/domain/attribution';
import { authorLd as jsonLdAuthor } from '@/domain/structured-data';

const staff = [
  { id: 1, name: 'editor-in-chief' },
  { id: 2, name: '李四' },
];

describe('publisherOf (who readers see as 发布者)', () => {
  it('prints the byline when it is set, even though the story has staff authors', () => {
    expect(publisherOf({ byline: '本报记者 王小明', authors: staff }, '青禾网')).toEqual({ kind: 'byline', name: '本报记者 王小明' });
  });

  it('names the staff authors when there is no byline (a blank one counts as none)', () => {
    expect(publisherOf({ byline: '  ', authors: staff }, '青禾网')).toEqual({ kind: 'authors', authors: staff });
  });

  it('falls back to the publication without byline or authors', () => {
    expect(publisherOf({ byline: '', authors: [] }, '青禾网')).toEqual({ kind: 'site', name: '青禾网' });
  });
});

describe('publisherName (feeds) and jsonLdAuthor (structured data) follow the same rule', () => {
  it('use the byline over the staff authors', () => {
    expect(publisherName({ byline: '本报记者 王小明', authors: staff }, '青禾网')).toBe('本报记者 王小明');
    expect(jsonLdAuthor({ byline: '本报记者 王小明', authors: staff }, '青禾网')).toEqual({ '@type': 'Person', name: '本报记者 王小明' });
  });

  it('join staff authors with 、 and list each as a Person without a byline', () => {
    expect(publisherName({ byline: '', authors: staff }, '青禾网')).toBe('editor-in-chief、李四');
    expect(jsonLdAuthor({ byline: '', authors: staff }, '青禾网')).toEqual([
      { '@type': 'Person', name: 'editor-in-chief' },
      { '@type': 'Person', name: '李四' },
    ]);
  });

  it('name a byline-only story or the publication as an Organization', () => {
    expect(jsonLdAuthor({ byline: '青禾网络 客户成功部', authors: [] }, '青禾网')).toEqual({ '@type': 'Organization', name: '青禾网络 客户成功部' });
    expect(jsonLdAuthor({ byline: '', authors: [] }, '青禾网')).toEqual({ '@type': 'Organization', name: '青禾网' });
    expect(publisherName({ byline: '', authors: [] }, '青禾网')).toBe('青禾网');
  });
});

describe('selectableAuthors: whom the editor offers as authors', () => {
  const staff = [
    { id: 1, name: '王小明', disabled: false },
    { id: 2, name: '离职记者', disabled: true },
    { id: 3, name: '李华', disabled: false },
  ];

  it('leaves disabled accounts out of the picker', () => {
    expect(selectableAuthors(staff, []).map((s) => s.id)).toEqual([1, 3]);
  });

  it('keeps a disabled account the story already credits, so its credit stays visible', () => {
    expect(selectableAuthors(staff, [2]).map((s) => s.id)).toEqual([1, 2, 3]);
  });
});

describe('the author picker’s filter', () => {
  it('finds a name by any part of it, whatever the case, width or spaces', () => {
    expect(nameMatches('王小明', '王')).toBe(true);
    expect(nameMatches('王小明', '小明')).toBe(true);
    expect(nameMatches('Li Hua', 'lihua')).toBe(true);
    expect(nameMatches('Li Hua', 'ＬＩ')).toBe(true);
    expect(nameMatches('Li Hua', '')).toBe(true);
    expect(nameMatches('王小明', '李')).toBe(false);
  });
});

describe('editorCredit (责任编辑)', () => {
  it('prints the name typed for the story over whoever published it', () => {
    expect(editorCredit('  王编辑 ', '值班编辑')).toBe('王编辑');
  });

  it('credits the staff member who published the story when none is typed', () => {
    expect(editorCredit(' ', '值班编辑')).toBe('值班编辑');
  });

  it('prints nothing when neither is known (an imported story nobody here published)', () => {
    expect(editorCredit('', null)).toBe('');
    expect(editorCredit('', undefined)).toBe('');
  });
});
