import { describe, expect, it } from 'vitest';
import { ActionError, fieldMessagesOf, notFoundError } from '@/domain/errors';
import { SERVER_MESSAGES, translateMessage, translateRefusal, type MessageCode } from '@/domain/i18n/server-messages';
import { ownerSetupInput } from '@/domain/validation/account';
import { settingsInput } from '@/domain/validation/settings';
import { tagInput } from '@/domain/validation/tag';

const placeholders = (template: string) =>
  template
    .split('{')
    .slice(1)
    .map((part) => part.slice(0, part.indexOf('}')))
    .sort();

describe('server messages', () => {
  it('every code has a zh-CN and an en text, with the same parameters', () => {
    for (const code of Object.keys(SERVER_MESSAGES) as MessageCode[]) {
      const { en, 'zh-CN': zh } = SERVER_MESSAGES[code];
      expect(en.trim(), code).not.toBe('');
      expect(zh.trim(), code).not.toBe('');
      expect(placeholders(zh), code).toEqual(placeholders(en));
    }
  });

  it('a DAL error carries a code and parameters; its message stays English; the form shows it in zh-CN', () => {
    const error = ActionError.onField(409, 'name', { code: 'tagNameTaken', params: { name: 'Next.js' } });
    expect(error.code).toBe('tagNameTaken');
    expect(error.params).toEqual({ name: 'Next.js' });
    expect(error.message).toBe('A tag named “Next.js” already exists.');
    expect(error.fieldErrors).toEqual({ name: ['A tag named “Next.js” already exists.'] });
    expect(translateRefusal('zh-CN', error)).toEqual({ error: '已有名为“Next.js”的标签。', fieldErrors: { name: ['已有名为“Next.js”的标签。'] } });
    expect(translateRefusal('en', error).error).toBe('A tag named “Next.js” already exists.');
  });

  it('an error given as English text is shown as it is in every language', () => {
    const error = new ActionError(422, 'Choose an existing section.', { sectionId: ['This section does not exist.'] });
    expect(error.message).toBe('Choose an existing section.');
    expect(translateRefusal('zh-CN', error)).toEqual({ error: 'Choose an existing section.', fieldErrors: { sectionId: ['This section does not exist.'] } });
    expect(notFoundError('This tag').message).toBe('This tag does not exist or was deleted.');
    expect(translateMessage('zh-CN', notFoundError('This tag').reason)).toBe('该内容不存在或已被删除。');
  });

  it('zod field errors are codes, translated with the bound or the row they name', () => {
    const tag = tagInput.safeParse({ name: '  ', description: 'x'.repeat(1001) });
    const tagFields = fieldMessagesOf(tag.error!);
    expect(tagFields.name).toEqual([{ code: 'nameRequired' }]);
    expect(tagFields.description).toEqual([{ code: 'atMost', params: { max: 1000 } }]);
    expect(translateRefusal('zh-CN', { reason: { code: 'fieldsNeedAttention' }, fieldMessages: tagFields }).fieldErrors).toEqual({
      name: ['名称不能为空。'],
      description: ['最多 1000 个字符。'],
    });

    const nav = settingsInput.safeParse({ nav: [{ label: 'A', href: '/a' }, { label: 'B', href: 'javascript:void(0)' }] });
    expect(translateRefusal('zh-CN', { reason: { code: 'fieldsNeedAttention' }, fieldMessages: fieldMessagesOf(nav.error!) }).fieldErrors.nav).toEqual([
      '菜单第 2 项：请使用以 / 开头的路径或 http(s) 地址。',
    ]);

    const owner = ownerSetupInput.safeParse({ name: 'A', email: 'not an address', password: 'short' });
    expect(translateRefusal('en', { reason: { code: 'fieldsNeedAttention' }, fieldMessages: fieldMessagesOf(owner.error!) }).fieldErrors).toMatchObject({
      email: ['Enter a valid email address.'],
      password: [expect.stringMatching(/^Use at least \d+ characters\.$/)],
    });
  });

  it('a message zod wrote itself is shown as it is', () => {
    const fields = fieldMessagesOf(tagInput.safeParse({ name: 42 }).error!);
    expect(fields.name).toEqual([{ code: 'nameRequired' }]);
    const unknown = fieldMessagesOf(settingsInput.safeParse({ name: 'Site', locale: 'fr' }).error!);
    expect(unknown.locale?.[0]?.code).toBe('text');
  });
});
