import { describe, expect, it } from 'vitest';
import { needsConfirmation } from '@/domain/bulk-actions';
import { bulkSummary } from '@/domain/i18n/bulk-summary';

const ok = (id: number) => ({ id, ok: true });

describe('bulkSummary reports a bulk action in words, in the UI language', () => {
  it('says how many were published (zh and en), not "✓ 3"', () => {
    expect(bulkSummary('zh-CN', 'publish', [ok(1), ok(2), ok(3)])).toBe('已发布 3 篇');
    expect(bulkSummary('en', 'publish', [ok(1), ok(2), ok(3)])).toBe('Published 3 articles');
    expect(bulkSummary('en', 'trash', [ok(1)])).toBe('Moved 1 article to the trash');
  });

  it('names the failures and why: the workflow state in words, other reasons localized, each reason once', () => {
    const outcomes = [
      ok(1),
      ok(2),
      ok(3),
      { id: 4, ok: false, error: { code: 'wrongState_archived' as const }, state: 'archived' },
    ];
    expect(bulkSummary('zh-CN', 'publish', outcomes)).toBe('已发布 3 篇，1 篇失败：状态为“已归档”的文章不能发布');
    expect(bulkSummary('en', 'publish', outcomes)).toBe('Published 3 articles; 1 failed: Archived articles cannot be published');

    const mixed = [
      { id: 5, ok: false, error: { code: 'noPermission' as const } },
      { id: 6, ok: false, error: { code: 'noPermission' as const } },
      { id: 7, ok: false, error: { code: 'text' as const, params: { text: 'x' } }, state: 'draft' },
    ];
    expect(bulkSummary('zh-CN', 'unpublish', mixed)).toBe('已撤回 0 篇，3 篇失败：你没有执行此操作的权限；状态为“草稿”的文章不能撤回');
  });
});

describe('needsConfirmation', () => {
  it('asks before anything that changes what readers see, not before restoring from the trash', () => {
    expect(['publish', 'unpublish', 'archive', 'trash', 'restore'].filter((t) => needsConfirmation(t as 'publish'))).toEqual(['publish', 'unpublish', 'archive', 'trash']);
  });
});
