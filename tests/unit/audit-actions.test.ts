import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel } from '@/domain/i18n/audit-actions';

/** Every action code the data layer writes, read from its source so a new code cannot slip by unlabelled. */
function writtenActionCodes(): string[] {
  const dir = path.resolve(__dirname, '../../db/queries/admin');
  const codes = new Set<string>();
  for (const file of fs.readdirSync(dir)) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/'((?:article|section|tag|page|media|settings|user|auth|webhook)\.[a-z-]+)'/g)) codes.add(match[1]!);
  }
  // `article.${transition}`: one code per workflow transition.
  for (const transition of ['submit', 'withdraw', 'publish', 'schedule', 'unpublish', 'archive', 'trash', 'restore']) codes.add(`article.${transition}`);
  return [...codes].sort();
}

describe('auditActionLabel: audit-log actions in words, in the UI language', () => {
  it('reads a stored code in zh-CN and in English', () => {
    expect(auditActionLabel('zh-CN', 'article.went-live')).toBe('定时发布已上线');
    expect(auditActionLabel('en', 'article.went-live')).toBe('Scheduled story went live');
    expect(auditActionLabel('zh-CN', 'tag.merge')).toBe('合并标签');
    expect(auditActionLabel('en', 'user.disable')).toBe('Disabled the account');
  });

  it('shows a code it has no label for as the code itself', () => {
    expect(auditActionLabel('zh-CN', 'widget.frobnicate')).toBe('widget.frobnicate');
    expect(auditActionLabel('en', 'constructor')).toBe('constructor');
    expect(auditActionLabel('en', 'toString')).toBe('toString');
  });

  it('has words for every code the data layer writes, in both languages', () => {
    const codes = writtenActionCodes();
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) {
      expect(auditActionLabel('zh-CN', code), code).not.toBe(code);
      expect(auditActionLabel('en', code), code).not.toBe(code);
    }
  });
});
