import { describe, expect, it } from 'vitest';
import type { SectionDTO } from '@/db/queries/dto';
import { sectionFamilyIds, sectionTrail } from '@/services/reader';

function section(id: number, parentId: number | null, slug = `s${id}`): SectionDTO {
  return { id, parentId, slug, title: slug, description: '', seoTitle: null, seoDescription: null, sortOrder: 0 };
}

// 1 news ─┬─ 2 company ── 5 awards ── 7 deep
//         └─ 3 events
// 4 tech ── 6 frontend
const tree = [section(7, 5), section(1, null), section(2, 1), section(3, 1), section(4, null), section(5, 2), section(6, 4)];

describe('sectionFamilyIds', () => {
  it('rolls a section up with all its descendants, root first', () => {
    const ids = sectionFamilyIds(tree, 1);
    expect(ids[0]).toBe(1);
    expect([...ids].sort()).toEqual([1, 2, 3, 5, 7]);
  });

  it('returns just the section for a leaf, and never a sibling tree', () => {
    expect(sectionFamilyIds(tree, 3)).toEqual([3]);
    expect(sectionFamilyIds(tree, 4)).toEqual([4, 6]);
  });

  it('terminates on a corrupt cycle without duplicates', () => {
    const cyclic = [section(1, 2), section(2, 1), section(3, 2)];
    expect([...sectionFamilyIds(cyclic, 1)].sort()).toEqual([1, 2, 3]);
  });
});

describe('sectionTrail', () => {
  it('lists the ancestors root first, ending with the section itself', () => {
    expect(sectionTrail(tree, 7).map((s) => s.id)).toEqual([1, 2, 5, 7]);
    expect(sectionTrail(tree, 4).map((s) => s.id)).toEqual([4]);
  });

  it('is empty for an unknown section', () => {
    expect(sectionTrail(tree, 99)).toEqual([]);
  });

  it('stops on a corrupt cycle', () => {
    const cyclic = [section(1, 2), section(2, 1)];
    const trail = sectionTrail(cyclic, 1);
    expect(trail.length).toBeLessThanOrEqual(10);
    expect(trail.at(-1)?.id).toBe(1);
  });
});
