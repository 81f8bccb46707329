'use server';

import { saveSensitiveWords } from '@/db/queries/admin/sensitive-words';
import { formState, staffOf, text } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';
import { defineAction } from '@/actions/define';
import { sensitiveWordsInput } from '@/domain/validation/settings';

export const saveSensitiveWordsAction = defineAction({ name: 'settings.sensitive-words', input: sensitiveWordsInput, permission: 'settings:manage' }, async (input, ctx) =>
  ctx.expire(await saveSensitiveWords(ctx.db, staffOf(ctx), { text: input.words, block: input.block })),
);

/** The list's form: the words typed, plus those of an imported text file (UTF-8, one per line) when one is chosen. */
export async function saveSensitiveWordsForm(_state: FormState, form: FormData): Promise<FormState> {
  const file = form.get('file');
  // Too long altogether is refused on the field (at most 500,000 characters), never cut short.
  const imported = file instanceof File && file.size > 0 ? await file.text() : '';
  const words = [text(form, 'words'), imported].filter(Boolean).join('\n');
  return formState(await saveSensitiveWordsAction({ words, block: text(form, 'block') === 'on' }), 'sensitiveWordsSaved', (data) => ({ count: data.count }));
}
