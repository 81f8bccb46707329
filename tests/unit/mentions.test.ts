import { describe, expect, it } from 'vitest';
import { mentionedStaff } from '@/domain/mentions';

const staff = [
  { id: 1, name: '王小明', slug: 'wang-xiaoming' },
  { id: 2, name: 'Li Hua', slug: 'li-hua' },
  { id: 3, name: 'Li', slug: 'li' },
  { id: 4, name: '王小', slug: 'wang-xiao' },
];
const ids = (body: string) => mentionedStaff(body, staff).map((s) => s.id);

describe('mentionedStaff (@ in the review conversation)', () => {
  it('finds a Chinese name even when the next word follows without a space', () => {
    expect(ids('@王小明请看第二段')).toContain(1);
    expect(ids('请 @王小明 看看')).toContain(1);
  });

  it('finds a slug or a Latin name, whole words only, in any case and width', () => {
    expect(ids('thanks @li-hua!')).toEqual([2]);
    expect(ids('@ＬＩＨＵＡ?')).toEqual([]);
    expect(ids('@Li please')).toEqual([3]);
    // "Li Hua" by name also starts with "Li": both are told, as a person reading it would wonder too.
    expect(ids('@ＬＩ ＨＵＡ please check')).toEqual([2, 3]);
  });

  it('mentions nobody without an @, or by an e-mail address\'s domain', () => {
    expect(ids('王小明请看')).toEqual([]);
    expect(ids('write to someone@example.com')).toEqual([]);
  });
});
